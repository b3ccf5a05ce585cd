import { buildPolicyInventory } from "../../compliance/evidence/organization-inventory";
import { expandAssignments } from "../../config/model/account-assignments";
import { listAccounts } from "../../config/model/accounts";
import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { accountBaselineStackName, environmentStackName } from "../../config/model/stack-names";

/** Access (group: permission set) an account gets from identity.yaml. */
function accessOf(config: LandingZoneConfig, account: string): string[] {
  return expandAssignments(config)
    .filter((grant) => grant.account.name === account)
    .map((grant) => `${grant.group}: ${grant.permissionSet}`);
}

/** Organization policies reaching an account, by their names in config, with where each is attached. */
function guardrailsOf(config: LandingZoneConfig, account: string): string[] {
  const reaching = buildPolicyInventory(config).accounts.find((entry) => entry.account === account);
  return (reaching?.policies ?? []).map(
    (policy) => `${policy.configName ?? policy.name} (${policy.attachedAt})`,
  );
}

const bullets = (items: readonly string[]) =>
  items.length > 0 ? items.map((item) => `  - ${item}`) : ["  (none)"];

/** What adding or importing an account will change, and what it gets on day one. */
export function newAccountReport(config: LandingZoneConfig, name: string): string {
  const account = listAccounts(config).find((entry) => entry.name === name)!;
  const environment = account.owner.kind === "workload" ? account.owner.environment : "";
  return [
    "What changes:",
    `  - stack ${environmentStackName(environment)}: ${account.id ? `imports account ${account.id}` : "creates the account"} in OU ${account.ou}`,
    `  - new stack ${accountBaselineStackName(name)}: its baseline in ${config.organization.config.governedRegions.join(", ")}`,
    "Access it gets (Identity Center):",
    ...bullets(accessOf(config, name)),
    "Guardrails that reach it:",
    ...bullets(guardrailsOf(config, name)),
    "",
    "Next: commit and open a pull request; its plan is the change record.",
  ].join("\n");
}

/** How an account's guardrails and access differ between two configs. */
export function differenceReport(
  before: LandingZoneConfig,
  after: LandingZoneConfig,
  name: string,
): string {
  const diff = (label: string, old: readonly string[], now: readonly string[]) => {
    const removed = old.filter((entry) => !now.includes(entry)).map((entry) => `  - ${entry}`);
    const added = now.filter((entry) => !old.includes(entry)).map((entry) => `  + ${entry}`);
    return [
      label,
      ...(removed.length + added.length > 0 ? [...removed, ...added] : ["  no change"]),
    ];
  };
  return [
    ...diff("Guardrails:", guardrailsOf(before, name), guardrailsOf(after, name)),
    ...diff("Access:", accessOf(before, name), accessOf(after, name)),
  ].join("\n");
}
