import { loadLandingZoneConfig } from "../../../config/loader/load-config";
import {
  accountContactsFor,
  alternateContactsFor,
  budgetFor,
} from "../../../config/model/account-vending";
import type { OrganizationConfig } from "../../../config/schema/organization-schema";
import type { Contact } from "../../../config/schema/vending-schema";
import { EXAMPLE_CONFIG_DIR } from "../../helpers/example-config";

const example = loadLandingZoneConfig(EXAMPLE_CONFIG_DIR);
const organization = example.organization.config;
const environment = (name: string) =>
  example.environments.find(({ config }) => config.name === name)!.config;
const account = (environmentName: string, name: string) =>
  environment(environmentName).accounts.find((candidate) => candidate.name === name)!;
const person = (name: string): Contact => ({
  name,
  title: "Engineer",
  email: `${name.toLowerCase()}@example.com`,
  phone: "+1 555 0199",
});

test("an account's contacts are the organization's, each type replaceable by its own", () => {
  const operations = person("Lena");
  const contacts = alternateContactsFor(organization, { operations });
  expect(contacts).toEqual({
    security: organization.accountContacts!.security,
    operations,
    billing: organization.accountContacts!.billing,
  });
  expect(alternateContactsFor(organization)).toEqual(organization.accountContacts);
});

test("types neither the organization nor the account names are left out", () => {
  const bare = { ...organization, accountContacts: undefined } as OrganizationConfig;
  const security = person("Sam");
  expect(alternateContactsFor(bare, { security })).toEqual({ security });
  expect(alternateContactsFor(bare)).toEqual({});
});

test("contacts by account: the management account takes the organization's, a member its own overrides", () => {
  expect(accountContactsFor(example, { kind: "management" })).toEqual(organization.accountContacts);
  expect(accountContactsFor(example, { kind: "member", name: "prod-data" })?.operations).toEqual({
    name: "Lena Hoffmann",
    title: "Data Engineering Lead",
    email: "oncall-data@northwind-health.com",
    phone: "+1 555 0110",
  });
  expect(accountContactsFor(example, { kind: "member", name: "audit" })).toEqual(
    organization.accountContacts,
  );
  const bare = {
    ...example,
    organization: {
      ...example.organization,
      config: { ...organization, accountContacts: undefined },
    },
  };
  expect(accountContactsFor(bare, { kind: "member", name: "dev-data" })).toBeUndefined();
});

test("a budget is the environment's, notifying its recipients and the account's owner", () => {
  expect(budgetFor(environment("prod"), account("prod", "prod-platform"))).toEqual({
    monthlyUsd: 6000,
    notify: ["finops@northwind-health.com", "platform-team@northwind-health.com"],
  });
});

test("an account's own budget replaces the environment's amount", () => {
  expect(budgetFor(environment("prod"), account("prod", "prod-data"))).toEqual({
    monthlyUsd: 9000,
    notify: ["finops@northwind-health.com", "data-team@northwind-health.com"],
  });
});

test("an owner already among the recipients is notified once", () => {
  const prod = environment("prod");
  const withOwner = {
    ...prod,
    budget: { monthlyUsd: 10, notify: ["Data-Team@northwind-health.com"] },
  };
  expect(budgetFor(withOwner, account("prod", "prod-data"))?.notify).toEqual([
    "Data-Team@northwind-health.com",
  ]);
});

test("without a budget in the environment or the account there is none", () => {
  const prod = environment("prod");
  expect(
    budgetFor({ ...prod, budget: undefined }, account("prod", "prod-platform")),
  ).toBeUndefined();
  expect(budgetFor({ ...prod, budget: undefined }, account("prod", "prod-data"))).toEqual({
    monthlyUsd: 9000,
    notify: ["data-team@northwind-health.com"],
  });
});
