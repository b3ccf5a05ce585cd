import type { ConfigProblem } from "../loader/config-problem";
import type { SemanticCheck } from "./semantic-check";

/**
 * An account moved between environments (`movedFrom`) changes Terraform state: the stack it left
 * forgets it and the stack that holds it now imports it. That needs the stack it left to exist,
 * to be another stack, and the account's id to import it by.
 */
export const checkAccountMoves: SemanticCheck = ({ environments, everyFileParsed }) => {
  const problems: ConfigProblem[] = [];
  const names = environments.map(({ config }) => config.name);
  for (const { file, config } of environments) {
    config.accounts.forEach((account, index) => {
      const from = account.movedFrom;
      if (from === undefined) return;
      const path = ["accounts", index, "movedFrom"];
      if (from === config.name) {
        problems.push({
          file,
          path,
          message: "is the account's own environment",
          received: from,
          fix: "Remove movedFrom: it names the environment an account left, and this one has not left it.",
        });
      } else if (everyFileParsed && !names.includes(from)) {
        problems.push({
          file,
          path,
          message: "is not an environment, so no stack can forget the account",
          received: from,
          fix: `Name the environment whose stack held the account (${names.join(", ")}), or remove movedFrom if the move is applied.`,
        });
      }
      if (account.id === undefined) {
        problems.push({
          file,
          path,
          message: `moves the account into the ${config.name} stack, which can only import it by its id, and the account has none`,
          received: from,
          fix: `Add id: with the account's 12-digit id (aws organizations list-accounts --query "Accounts[?Name=='${account.name}'].Id").`,
        });
      }
    });
  }
  return problems;
};
