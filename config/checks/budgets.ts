import type { ConfigProblem } from "../loader/config-problem";
import { readableItems } from "../loader/salvage";
import { budgetFor } from "../model/account-vending";
import { BUDGET_MAX_RECIPIENTS } from "../schema/vending-schema";
import type { SemanticCheck } from "./semantic-check";

/** Every account's budget notifies someone, and no more addresses than AWS Budgets takes. */
export const checkBudgets: SemanticCheck = ({ environments }) => {
  const problems: ConfigProblem[] = [];
  for (const { file, config } of environments) {
    for (const [account, index] of readableItems(config.accounts)) {
      const budget = budgetFor(config, account);
      if (!budget) continue;
      const path = ["accounts", index, "ownerEmail"];
      if (budget.notify.length === 0)
        problems.push({
          file,
          path,
          message: `is missing, and budget.notify is empty: nobody would hear about ${account.name}'s budget`,
          fix: "Add ownerEmail to the account, or list who watches the environment's spend in budget.notify.",
        });
      else if (budget.notify.length > BUDGET_MAX_RECIPIENTS)
        problems.push({
          file,
          path,
          message: `makes ${budget.notify.length} budget recipients with budget.notify, more than the ${BUDGET_MAX_RECIPIENTS} AWS Budgets emails per notification`,
          received: account.ownerEmail,
          fix: "Drop an address from budget.notify, or send to a group address instead of its members.",
        });
    }
  }
  return problems;
};
