import { listAccounts } from "../../config/model/accounts";
import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { listOrganizationalUnits } from "../../config/model/organizational-unit-paths";
import {
  attachedPolicies,
  LONGEST_ORGANIZATION_ID,
  renderPolicyContent,
  ROOT_TARGET,
} from "../../modules/organizations/policies/landing-zone-policies";
import type { OrganizationPolicyType } from "../../modules/organizations/policies/organization-policy";

export interface PolicyEntry {
  readonly name: string;
  readonly type: OrganizationPolicyType;
  readonly description: string;
  readonly criteria: readonly string[];
  readonly targets: readonly string[];
  readonly statements: readonly string[];
  readonly characters: number;
  readonly characterLimit: number;
}

export interface AccountPolicies {
  readonly account: string;
  /** Root, then each OU down to the account: where each policy comes from. */
  readonly path: readonly string[];
  readonly policies: readonly {
    readonly name: string;
    readonly type: string;
    readonly attachedAt: string;
  }[];
}

export interface PolicyInventory {
  readonly policies: readonly PolicyEntry[];
  readonly accounts: readonly AccountPolicies[];
}

/** AWS attaches these to every target; the deny-list guardrails work on top of them. */
const AWS_MANAGED = [
  { name: "FullAWSAccess", type: "SERVICE_CONTROL_POLICY" },
  { name: "RCPFullAWSAccess", type: "RESOURCE_CONTROL_POLICY" },
] as const;

/** Where each organization policy applies, and the effective set that reaches each account. */
export function buildPolicyInventory(config: LandingZoneConfig): PolicyInventory {
  const organization = config.organization.config;
  const { limits } = organization.guardrails;
  const limitOf: Record<OrganizationPolicyType, number> = {
    SERVICE_CONTROL_POLICY: limits.serviceControlPolicyCharacters,
    RESOURCE_CONTROL_POLICY: limits.resourceControlPolicyCharacters,
    TAG_POLICY: limits.tagPolicyCharacters,
    BACKUP_POLICY: limits.backupPolicyCharacters,
  };
  const attached = attachedPolicies(
    config,
    organization.existingOrganizationId ?? LONGEST_ORGANIZATION_ID,
  );
  const policies = attached.map(({ policy, targets }) => ({
    name: policy.name,
    type: policy.type,
    description: policy.description,
    criteria: policy.criteria,
    targets,
    statements: policy.summary,
    characters: renderPolicyContent(policy).length,
    characterLimit: limitOf[policy.type],
  }));
  const accounts = listAccounts(config).map((account) => {
    const segments = account.ou.split("/");
    const path = [
      ROOT_TARGET,
      ...segments.map((_, index) => segments.slice(0, index + 1).join("/")),
      account.name,
    ];
    return {
      account: account.name,
      path,
      policies: [
        ...AWS_MANAGED.map((policy) => ({ ...policy, attachedAt: ROOT_TARGET })),
        ...path.flatMap((target) =>
          policies
            .filter((policy) => policy.targets.includes(target))
            .map((policy) => ({ name: policy.name, type: policy.type, attachedAt: target })),
        ),
      ],
    };
  });
  return { policies, accounts };
}

export function renderPolicyInventory(inventory: PolicyInventory): string {
  const lines = [
    "# Organization policy inventory",
    "",
    "Deny-list strategy: AWS's FullAWSAccess and RCPFullAWSAccess stay attached everywhere; the landing zone's policies deny on top of them.",
    "",
    "| policy | type | attached to | size (characters) | criteria |",
    "| --- | --- | --- | --- | --- |",
    ...inventory.policies.map(
      (policy) =>
        `| ${policy.name} | ${policy.type} | ${policy.targets.join(", ")} | ${policy.characters} / ${policy.characterLimit} | ${policy.criteria.join(", ") || "—"} |`,
    ),
  ];
  for (const policy of inventory.policies) {
    lines.push(
      "",
      `## ${policy.name}`,
      "",
      `${policy.description}.`,
      "",
      ...policy.statements.map((statement) => `- ${statement}`),
    );
  }
  lines.push(
    "",
    "## Effective policies per account",
    "",
    "| account | policies (where attached) |",
    "| --- | --- |",
  );
  lines.push(
    ...inventory.accounts.map(
      (account) =>
        `| ${account.account} | ${account.policies.map((policy) => `${policy.name} (${policy.attachedAt})`).join(", ")} |`,
    ),
  );
  return [...lines, ""].join("\n");
}

/** Mermaid flowchart: root, OUs, accounts, and the policies attached to each. */
export function renderOrganizationDiagram(
  config: LandingZoneConfig,
  inventory: PolicyInventory,
): string {
  const organization = config.organization.config;
  const nodeId = (kind: string, name: string) => `${kind}_${name.replace(/[^A-Za-z0-9]/g, "_")}`;
  const label = (name: string, target: string) => {
    const policies = inventory.policies
      .filter((policy) => policy.targets.includes(target))
      .map((policy) => policy.name);
    return policies.length > 0 ? `${name}<br/><i>${policies.join(", ")}</i>` : name;
  };
  const lines = ["flowchart TD", `  root["${label(`Root: ${organization.name}`, ROOT_TARGET)}"]`];
  for (const entry of listOrganizationalUnits(organization.organizationalUnits)) {
    const parent = entry.parentPath === undefined ? "root" : nodeId("ou", entry.parentPath);
    lines.push(
      `  ${nodeId("ou", entry.path)}["${label(`OU ${entry.unit.name}`, entry.path)}"]`,
      `  ${parent} --> ${nodeId("ou", entry.path)}`,
    );
  }
  for (const account of inventory.accounts) {
    const id = nodeId("account", account.account);
    const ou = account.path[account.path.length - 2];
    lines.push(
      `  ${id}(["${label(account.account, account.account)}"])`,
      `  ${nodeId("ou", ou)} --> ${id}`,
    );
  }
  return ["# Organization", "", "```mermaid", ...lines, "```", ""].join("\n");
}
