import { problemsOfEditedExample } from "../config-problems";

test("a budget nobody hears about is refused", () => {
  const problems = problemsOfEditedExample([
    ["dev.yaml", "  notify: [finops@northwind-health.com]\n", ""],
    ["dev.yaml", "    ownerEmail: platform-team@northwind-health.com\n", ""],
  ]);
  expect(problems).toEqual([
    {
      file: "dev.yaml",
      path: ["accounts", 0, "ownerEmail"],
      message:
        "is missing, and budget.notify is empty: nobody would hear about dev-platform's budget",
      fix: "Add ownerEmail to the account, or list who watches the environment's spend in budget.notify.",
    },
  ]);
});

test("an account's own budget needs a recipient too, without an environment budget", () => {
  const problems = problemsOfEditedExample([
    ["dev.yaml", /budget:\n {2}monthlyUsd: 1500\n.*\n/, ""],
    [
      "dev.yaml",
      "    ownerEmail: data-team@northwind-health.com\n",
      "    budget: { monthlyUsd: 300 }\n",
    ],
  ]);
  expect(problems).toEqual([
    expect.objectContaining({
      file: "dev.yaml",
      path: ["accounts", 1, "ownerEmail"],
      message: "is missing, and budget.notify is empty: nobody would hear about dev-data's budget",
    }),
  ]);
});

test("more recipients than AWS Budgets emails are refused, counting the owner", () => {
  const ten = Array.from({ length: 10 }, (_, index) => `finops${index}@northwind-health.com`);
  const problems = problemsOfEditedExample([
    ["staging.yaml", "  notify: [finops@northwind-health.com]", `  notify: [${ten.join(", ")}]`],
  ]);
  expect(problems).toEqual([
    {
      file: "staging.yaml",
      path: ["accounts", 0, "ownerEmail"],
      message:
        "makes 11 budget recipients with budget.notify, more than the 10 AWS Budgets emails per notification",
      received: "platform-team@northwind-health.com",
      fix: "Drop an address from budget.notify, or send to a group address instead of its members.",
    },
    expect.objectContaining({
      path: ["accounts", 1, "ownerEmail"],
      received: "data-team@northwind-health.com",
    }),
  ]);
});

test("an owner already in budget.notify is counted once", () => {
  const nine = Array.from({ length: 9 }, (_, index) => `finops${index}@northwind-health.com`);
  expect(
    problemsOfEditedExample([
      ["dev.yaml", "    ownerEmail: data-team@northwind-health.com\n", ""],
      [
        "dev.yaml",
        "  notify: [finops@northwind-health.com]",
        `  notify: [${nine.join(", ")}, Platform-Team@northwind-health.com]`,
      ],
    ]),
  ).toEqual([]);
});
