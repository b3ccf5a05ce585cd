import type { LandingZoneConfig } from "../../environments/model/landing-zone-config";
import { listAccounts } from "../../environments/model/accounts";
import { listOrganizationalUnits } from "../../environments/model/organizational-unit-paths";

export interface PolicyTarget {
  readonly target: string;
  readonly kind: "root" | "ou" | "account";
  /** Organization policies attached here, by type. */
  readonly policies: readonly {
    readonly name: string;
    readonly type: string;
    readonly managedBy: string;
  }[];
}

/**
 * Where organization policies apply. The guardrail capability attaches SCPs, RCPs, tag and backup
 * policies; until then only AWS's default FullAWSAccess SCP sits on the root.
 */
export function buildPolicyInventory(config: LandingZoneConfig): PolicyTarget[] {
  const organization = config.organization.config;
  return [
    {
      target: "Root",
      kind: "root",
      policies: [{ name: "FullAWSAccess", type: "SERVICE_CONTROL_POLICY", managedBy: "AWS" }],
    },
    ...listOrganizationalUnits(organization.organizationalUnits).map((entry) => ({
      target: entry.path,
      kind: "ou" as const,
      policies: [],
    })),
    ...listAccounts(config).map((account) => ({
      target: account.name,
      kind: "account" as const,
      policies: [],
    })),
  ];
}

export function renderPolicyInventory(targets: readonly PolicyTarget[]): string {
  return [
    "# Organization policy inventory",
    "",
    "Which service control, resource control, tag and backup policies apply to each target. Policies on a parent apply to everything beneath it.",
    "",
    "| target | kind | policies |",
    "| --- | --- | --- |",
    ...targets.map(
      (target) =>
        `| ${target.target} | ${target.kind} | ${target.policies.map((policy) => `${policy.name} (${policy.type}, ${policy.managedBy})`).join("; ") || "inherited only"} |`,
    ),
    "",
  ].join("\n");
}

/** Mermaid flowchart: root, OUs, accounts, and the policies attached to each. */
export function renderOrganizationDiagram(
  config: LandingZoneConfig,
  targets: readonly PolicyTarget[],
): string {
  const organization = config.organization.config;
  const nodeId = (kind: string, name: string) => `${kind}_${name.replace(/[^A-Za-z0-9]/g, "_")}`;
  const policiesOf = (target: string) =>
    targets.find((entry) => entry.target === target)?.policies.map((policy) => policy.name) ?? [];
  const label = (name: string, target: string) => {
    const policies = policiesOf(target);
    return policies.length > 0 ? `${name}<br/><i>${policies.join(", ")}</i>` : name;
  };
  const lines = ["flowchart TD", `  root["${label(`Root: ${organization.name}`, "Root")}"]`];
  for (const entry of listOrganizationalUnits(organization.organizationalUnits)) {
    const parent = entry.parentPath === undefined ? "root" : nodeId("ou", entry.parentPath);
    lines.push(
      `  ${nodeId("ou", entry.path)}["${label(`OU ${entry.unit.name}`, entry.path)}"]`,
      `  ${parent} --> ${nodeId("ou", entry.path)}`,
    );
  }
  const ouOfAccount = new Map<string, string>();
  for (const role of ["logArchive", "audit", "sharedServices"] as const) {
    const account = organization.coreAccounts[role];
    if (account) ouOfAccount.set(account.name, account.ou);
  }
  for (const environment of config.environments) {
    for (const account of environment.config.accounts)
      ouOfAccount.set(account.name, environment.config.ou);
  }
  for (const account of listAccounts(config)) {
    const id = nodeId("account", account.name);
    lines.push(
      `  ${id}(["${label(account.name, account.name)}"])`,
      `  ${nodeId("ou", ouOfAccount.get(account.name)!)} --> ${id}`,
    );
  }
  return ["# Organization", "", "```mermaid", ...lines, "```", ""].join("\n");
}
