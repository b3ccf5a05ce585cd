import { problemsOfEditedExample } from "../config-problems";

test("anomaly alerts by email are daily or weekly", () => {
  expect(
    problemsOfEditedExample([["organization.yaml", "frequency: DAILY", "frequency: IMMEDIATE"]]),
  ).toEqual([
    {
      file: "organization.yaml",
      path: ["costControls", "anomalyDetection", "frequency"],
      message: "must be DAILY or WEEKLY; email subscriptions can't be IMMEDIATE",
      received: "IMMEDIATE",
      fix: "Expected: How often the alert email is sent: DAILY or WEEKLY.",
    },
  ]);
});

test("the organization's contacts include a security contact", () => {
  expect(
    problemsOfEditedExample([
      [
        "organization.yaml",
        '  security:\n    name: Dana Whitfield\n    title: CISO\n    email: security@northwind-health.com\n    phone: "+1 555 0100"\n',
        "",
      ],
    ]),
  ).toEqual([
    {
      file: "organization.yaml",
      path: ["accountContacts", "security"],
      message: "is missing",
      fix: "Add security: Who AWS contacts about security: abuse reports, compromised credentials.",
    },
  ]);
});

test("a contact's phone is a number AWS accepts", () => {
  expect(problemsOfEditedExample([["organization.yaml", '"+1 555 0101"', '"call Priya"']])).toEqual(
    [
      {
        file: "organization.yaml",
        path: ["accountContacts", "operations", "phone"],
        message: "is not a phone number of up to 25 digits, spaces, +, -, ( and )",
        received: "call Priya",
        fix: 'Expected: Phone number, quoted: "+1 555 0100".',
      },
    ],
  );
});

test("a budget is more than 0 USD", () => {
  expect(problemsOfEditedExample([["staging.yaml", "monthlyUsd: 2500", "monthlyUsd: 0"]])).toEqual([
    {
      file: "staging.yaml",
      path: ["budget", "monthlyUsd"],
      message: "must be more than 0 USD",
      received: 0,
      fix: "Expected: Monthly cost budget of each account in USD; an account's budget overrides it.",
    },
  ]);
});

test("budget.notify holds at most 10 addresses", () => {
  const eleven = Array.from({ length: 11 }, (_, index) => `finops${index}@northwind-health.com`);
  expect(
    problemsOfEditedExample([
      ["dev.yaml", "notify: [finops@northwind-health.com]", `notify: [${eleven.join(", ")}]`],
    ]),
  ).toEqual([
    expect.objectContaining({
      file: "dev.yaml",
      path: ["budget", "notify"],
      message: "has more than the 10 recipients AWS Budgets allows per notification",
    }),
  ]);
});
