import { problemsOfEditedExample } from "../config-problems";

const WITHOUT_ORGANIZATION_CONTACTS = [
  "organization.yaml",
  /accountContacts:\n( {2}.*\n)+/,
  "",
] as const;

test("an account's contacts without a security contact are refused when the organization has none", () => {
  const problems = problemsOfEditedExample([WITHOUT_ORGANIZATION_CONTACTS]);
  expect(problems).toEqual([
    {
      file: "prod.yaml",
      path: ["accounts", 1, "contacts"],
      message:
        "has no security contact, and organization.yaml has no accountContacts to supply one",
      received: {
        operations: {
          name: "Lena Hoffmann",
          title: "Data Engineering Lead",
          email: "oncall-data@northwind-health.com",
          phone: "+1 555 0110",
        },
      },
      fix: "Add a security contact here, or accountContacts with a security contact to organization.yaml: AWS writes to it about abuse and compromised credentials.",
    },
  ]);
});

test("a core account's contacts are held to the same", () => {
  const problems = problemsOfEditedExample([
    WITHOUT_ORGANIZATION_CONTACTS,
    [
      "organization.yaml",
      "    email: aws+audit@northwind-health.com\n",
      '    email: aws+audit@northwind-health.com\n    contacts:\n      billing: { name: Tom Becker, title: Finance Controller, email: finance@northwind-health.com, phone: "+1 555 0102" }\n',
    ],
  ]);
  expect(problems).toContainEqual(
    expect.objectContaining({
      file: "organization.yaml",
      path: ["coreAccounts", "audit", "contacts"],
      message:
        "has no security contact, and organization.yaml has no accountContacts to supply one",
    }),
  );
});
