import type { ConfigProblem } from "../loader/config-problem";
import { formatPath } from "../loader/config-problem";
import { listAccounts } from "../model/accounts";
import type { AccountEntry } from "../model/accounts";
import type { SemanticCheck } from "./semantic-check";

/**
 * Names, emails and ids identify accounts across every file: AWS refuses a second account with
 * an email already in use, and names key the baseline stacks.
 */
export const checkUniqueAccounts: SemanticCheck = ({ organization, environments }) => {
  if (!organization) return [];
  const accounts = listAccounts({ organization, environments });
  const management = organization.config.managementAccountId;
  const problems: ConfigProblem[] = [
    ...duplicates(accounts, "name", (account) => account.name),
    ...duplicates(accounts, "email", (account) => account.email.toLowerCase()),
    ...duplicates(
      accounts.filter((account) => account.id !== undefined),
      "id",
      (account) => account.id ?? "",
    ),
  ];
  for (const account of accounts.filter((entry) => entry.id === management)) {
    problems.push({
      file: account.file,
      path: [...account.configPath, "id"],
      message: "is the management account's id",
      received: account.id,
      fix: "The management account is not a member account; remove this id or correct it.",
    });
  }
  return problems;
};

function duplicates(
  accounts: readonly AccountEntry[],
  field: "name" | "email" | "id",
  keyOf: (account: AccountEntry) => string,
): ConfigProblem[] {
  const first = new Map<string, AccountEntry>();
  const problems: ConfigProblem[] = [];
  for (const account of accounts) {
    const key = keyOf(account);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, account);
      continue;
    }
    problems.push({
      file: account.file,
      path: [...account.configPath, field],
      message: `is already used by ${earlier.file} ${formatPath(earlier.configPath)}`,
      received: account[field],
      fix: `Every account needs its own ${field}; change one of them.`,
    });
  }
  return problems;
}
