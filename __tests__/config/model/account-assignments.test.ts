import { join } from "node:path";
import { loadLandingZoneConfig } from "../../../config/loader/load-config";
import { expandAssignments } from "../../../config/model/account-assignments";
import { copyExampleConfig, EXAMPLE_CONFIG_DIR, replaceInFile } from "../../helpers/example-config";

const grantsOf = (configDir: string) =>
  expandAssignments(loadLandingZoneConfig(configDir)).map(
    (grant) => `${grant.group}:${grant.permissionSet}@${grant.account.name}`,
  );
const example = grantsOf(EXAMPLE_CONFIG_DIR);
const accountsWith = (group: string, permissionSet: string, grants = example) =>
  grants
    .filter((grant) => grant.startsWith(`${group}:${permissionSet}@`))
    .map((grant) => grant.split("@")[1])
    .sort();

test("allAccounts reaches every member account, core and workload, but not the management account", () => {
  expect(accountsWith("platform-admins", "PlatformAdmin")).toEqual([
    "audit",
    "dev-data",
    "dev-platform",
    "log-archive",
    "prod-analytics",
    "prod-data",
    "prod-platform",
    "shared-services",
    "staging-data",
    "staging-platform",
  ]);
});

test("an environment target reaches exactly that environment's accounts", () => {
  expect(accountsWith("developers", "Developer")).toEqual([
    "dev-data",
    "dev-platform",
    "staging-data",
    "staging-platform",
  ]);
  expect(accountsWith("developers", "ReadOnly")).toEqual([
    "prod-analytics",
    "prod-data",
    "prod-platform",
  ]);
});

test("an OU target reaches the accounts of that OU and of the OUs below it", () => {
  expect(accountsWith("data-engineers", "ReadOnly")).toEqual([
    "dev-data",
    "dev-platform",
    "prod-analytics",
    "prod-data",
    "prod-platform",
    "staging-data",
    "staging-platform",
  ]);
  expect(accountsWith("data-engineers", "Developer")).toEqual(["dev-data"]);
});

test("expansion is deterministic and has no duplicates", () => {
  expect(grantsOf(EXAMPLE_CONFIG_DIR)).toEqual(example);
  expect(new Set(example).size).toBe(example.length);
});

test("a new account under an OU or environment target inherits its assignments with no identity change", () => {
  const configDir = copyExampleConfig();
  const prodFile = join(configDir, "prod.yaml");
  replaceInFile(
    prodFile,
    "\nbaseline:\n",
    "\n  - name: prod-payments\n    email: aws+prod-payments@northwind-health.com\n    owner: payments-team\nbaseline:\n",
  );
  // Every account of prod has a VPC in each region, from a block of its own.
  replaceInFile(
    prodFile,
    "      prod-analytics: { us-east-1: 10.20.32.0/20, us-west-2: 10.21.32.0/20 }\n",
    "      prod-analytics: { us-east-1: 10.20.32.0/20, us-west-2: 10.21.32.0/20 }\n      prod-payments: { us-east-1: 10.20.48.0/20, us-west-2: 10.21.48.0/20 }\n",
  );
  const grants = grantsOf(configDir);
  const forNew = grants.filter((grant) => grant.endsWith("@prod-payments")).sort();
  expect(forNew).toEqual([
    "break-glass:BreakGlassAdmin@prod-payments",
    "data-engineers:ReadOnly@prod-payments",
    "developers:ReadOnly@prod-payments",
    "finance:Billing@prod-payments",
    "platform-admins:PlatformAdmin@prod-payments",
    "security-auditors:SecurityAudit@prod-payments",
  ]);
});

test("a quarantined account loses every assignment, break glass included", () => {
  // The deny-all SCP of the quarantine OU refuses every session anyway; revoking says so in
  // Identity Center and in the access review.
  const configDir = copyExampleConfig();
  const prodFile = join(configDir, "prod.yaml");
  const quarantine = [
    "    lifecycle:",
    "      state: quarantined",
    "      reason: Credentials leaked in a public repository",
    '      since: "2026-11-30"',
  ].join("\n");
  replaceInFile(
    prodFile,
    "    owner: analytics-team\n",
    `    owner: analytics-team\n${quarantine}\n`,
  );
  expect(example.filter((grant) => grant.endsWith("@prod-analytics")).length).toBeGreaterThan(2);
  expect(grantsOf(configDir).filter((grant) => grant.endsWith("@prod-analytics"))).toEqual([]);
});
