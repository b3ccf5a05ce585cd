import { TerraformStack, Testing } from "cdktf";
import { findControls } from "../../../compliance/controls/control";
import { AccountBudget } from "../../../modules/vending/account-budget";
import type { AccountBudgetProps } from "../../../modules/vending/account-budget";
import { resourcesOf, synthConstruct } from "../../helpers/synth-construct";

const props: AccountBudgetProps = {
  namePrefix: "nwh",
  accountName: "prod-data",
  accountId: "444455556666",
  monthlyUsd: 8000,
  notify: ["finops@example.com", "data-team@example.com", "finops@example.com"],
};

describe("a monthly budget for one account", () => {
  let made!: AccountBudget;
  const json = synthConstruct((scope) => {
    made = new AccountBudget(scope, "budget", props);
  });
  const [budget] = Object.values(resourcesOf(json, "aws_budgets_budget"));

  test("counts the account's costs in USD per month, under a name derived from the account", () => {
    expect(budget).toMatchObject({
      name: "nwh-prod-data-monthly",
      budget_type: "COST",
      time_unit: "MONTHLY",
      limit_amount: "8000",
      limit_unit: "USD",
      cost_filter: [{ name: "LinkedAccount", values: ["444455556666"] }],
    });
    expect(budget.account_id).toBeUndefined();
  });

  test("emails every recipient once at 80 % and 100 % actual and at 100 % forecast", () => {
    const recipients = ["data-team@example.com", "finops@example.com"];
    expect(budget.notification).toEqual(
      [
        ["ACTUAL", 80],
        ["ACTUAL", 100],
        ["FORECASTED", 100],
      ].map(([notification_type, threshold]) => ({
        notification_type,
        threshold,
        threshold_type: "PERCENTAGE",
        comparison_operator: "GREATER_THAN",
        subscriber_email_addresses: recipients,
      })),
    );
  });

  test("declares the cost-budgets control", () => {
    expect(findControls(made).map(({ control }) => control.id)).toEqual(["cost-budgets"]);
  });
});

describe("refuses a budget nobody would hear about or that can't be reached", () => {
  const build = (changes: Partial<AccountBudgetProps>) => () =>
    new AccountBudget(new TerraformStack(Testing.app(), "environment"), "budget", {
      ...props,
      ...changes,
    });

  test.each<[string, Partial<AccountBudgetProps>, string]>([
    [
      "no amount",
      { monthlyUsd: 0 },
      "the budget of prod-data needs a monthly amount above 0 USD, got 0",
    ],
    [
      "no recipient",
      { notify: [] },
      "the budget of prod-data needs 1 to 10 recipients, got 0 ([]); set the account's ownerEmail or budget.notify",
    ],
    [
      "more recipients than AWS allows",
      { notify: Array.from({ length: 11 }, (_, index) => `owner${index}@example.com`) },
      "the budget of prod-data needs 1 to 10 recipients, got 11",
    ],
  ])("%s", (_, changes, message) => {
    expect(build(changes)).toThrow(message);
  });
});
