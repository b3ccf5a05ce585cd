import { BudgetsBudget } from "@cdktf/provider-aws/lib/budgets-budget";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";

/**
 * CC7.2: a spend spike is often the first sign of a compromised account (crypto-mining) or a
 * runaway deployment. A1.1: spend is how the use of cloud capacity is measured against the
 * plan, and the forecast warns before the plan runs out.
 */
const COST_BUDGETS_CONTROL = defineControl({
  id: "cost-budgets",
  description:
    "Every workload account has a monthly cost budget in the management account; its owners are emailed at 80 % and 100 % of actual spend and when the forecast reaches 100 %, so unexpected use, from a runaway deployment to a compromised account, is noticed within the month",
  criteria: ["CC7.2", "A1.1"],
});

export interface AccountBudgetProps {
  readonly namePrefix: string;
  /** The account's name in config: the budget's name, so it is found by account. */
  readonly accountName: string;
  /** The linked account whose costs the budget counts. */
  readonly accountId: string;
  readonly monthlyUsd: number;
  /** Who is emailed: 1 to 10 addresses (AWS's limit per notification). */
  readonly notify: readonly string[];
}

/** The notifications, as percentages of the monthly amount: two on actual spend, one forecast. */
const BUDGET_NOTIFICATIONS = [
  { notificationType: "ACTUAL", threshold: 80 },
  { notificationType: "ACTUAL", threshold: 100 },
  { notificationType: "FORECASTED", threshold: 100 },
] as const;

const MAX_SUBSCRIBERS = 10;

/**
 * A monthly cost budget for one account, created in the management account (which sees every
 * linked account's costs) and filtered to that account, so a member can't edit its own budget.
 */
export class AccountBudget extends Construct {
  readonly budget: BudgetsBudget;

  constructor(scope: Construct, id: string, props: AccountBudgetProps) {
    super(scope, id);
    implementsControl(this, COST_BUDGETS_CONTROL);
    const recipients = [...new Set(props.notify)].sort();
    validate(props, recipients);
    this.budget = new BudgetsBudget(this, "budget", {
      name: accountBudgetName(props.namePrefix, props.accountName),
      budgetType: "COST",
      timeUnit: "MONTHLY",
      limitAmount: String(props.monthlyUsd),
      limitUnit: "USD",
      costFilter: [{ name: "LinkedAccount", values: [props.accountId] }],
      notification: BUDGET_NOTIFICATIONS.map(({ notificationType, threshold }) => ({
        notificationType,
        threshold,
        thresholdType: "PERCENTAGE",
        comparisonOperator: "GREATER_THAN",
        subscriberEmailAddresses: recipients,
      })),
    });
  }
}

/** `<prefix>-<account>-monthly`: unique per account, and stable, since a rename replaces it. */
function accountBudgetName(namePrefix: string, accountName: string): string {
  return `${namePrefix}-${accountName}-monthly`;
}

function validate(props: AccountBudgetProps, recipients: readonly string[]): void {
  if (!Number.isFinite(props.monthlyUsd) || props.monthlyUsd <= 0)
    throw new Error(
      `the budget of ${props.accountName} needs a monthly amount above 0 USD, got ${props.monthlyUsd}`,
    );
  if (recipients.length === 0 || recipients.length > MAX_SUBSCRIBERS)
    throw new Error(
      `the budget of ${props.accountName} needs 1 to ${MAX_SUBSCRIBERS} recipients, got ${recipients.length} ([${recipients.join(", ")}]); set the account's ownerEmail or budget.notify`,
    );
}
