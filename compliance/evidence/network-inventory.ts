import { listAccounts } from "../../config/model/accounts";
import { heldBaselines } from "../../config/model/held-baselines";
import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { vpcPlansFor } from "../../config/model/network";
import type { VpcPlan } from "../../config/model/network";
import { logArchiveNames } from "../../modules/logging/log-archive-names";
import { DEFAULT_VPCS_INERT_CONTROL } from "../../modules/network/inert-default-vpc";
import { NETWORK_BASELINE_CONTROL } from "../../modules/network/workload-vpc";
import { markdownTable } from "./markdown-table";

/** The gateway endpoints WorkloadVpc gives every VPC (modules/network/vpc-endpoints.ts). */
const GATEWAY_ENDPOINTS = ["S3", "DynamoDB"] as const;

/** One workload account's VPC in one region, as config plans it. */
export interface VpcEntry {
  readonly environment: string;
  readonly account: string;
  /** Null for an account the landing zone creates: its id is known once it exists. */
  readonly accountId: string | null;
  readonly region: string;
  readonly addressing: string;
  readonly availabilityZones: number;
  /** The written justification, or "none". */
  readonly publicSubnets: string;
  readonly interfaceEndpoints: readonly string[];
  readonly gatewayEndpoints: readonly string[];
  readonly flowLogs: string;
  readonly dnsQueryLogs: string;
  /** Why the account's baseline isn't planned (its VPC stays as last applied), or null. */
  readonly held: string | null;
}

export interface AccountWithoutVpc {
  readonly environment: string;
  readonly account: string;
  readonly reason: string;
}

/** One account's default VPCs, in every governed region. */
export interface DefaultVpcEntry {
  readonly account: string;
  readonly accountId: string | null;
  readonly regions: readonly string[];
  readonly handling: string;
}

export interface NetworkInventory {
  readonly criteria: readonly string[];
  readonly logBucket: string;
  /** Environments in file order, accounts in config order, regions in network order. */
  readonly vpcs: readonly VpcEntry[];
  readonly accountsWithoutVpc: readonly AccountWithoutVpc[];
  readonly defaultVpcDecision: string;
  /** The management account, core accounts, then workload accounts. */
  readonly defaultVpcs: readonly DefaultVpcEntry[];
}

const INERT =
  "inert: default security group and default network ACL emptied, flow logs of all traffic on; none created where there is none";

/** Every account's VPCs and default VPCs, derived from config by the same functions the stacks use. */
export function buildNetworkInventory(config: LandingZoneConfig): NetworkInventory {
  const organization = config.organization.config;
  const logBucket = logArchiveNames(
    organization.resourcePrefix,
    organization.managementAccountId,
  ).networkLogsBucket;
  const held = new Map(
    heldBaselines(config).map((baseline) => [
      baseline.account,
      `baseline held (${baseline.state} since ${baseline.since}): kept as last applied, not planned`,
    ]),
  );
  const members = listAccounts(config);
  const idOf = new Map(members.map((account) => [account.name, account.id ?? null]));
  const logPrefix = (account: string, kind: string) =>
    `s3://${logBucket}/AWSLogs/${idOf.get(account) ?? `<${account}'s account id>`}/${kind}/`;

  const vpcs: VpcEntry[] = [];
  const accountsWithoutVpc: AccountWithoutVpc[] = [];
  for (const { config: environment } of config.environments) {
    const network = environment.network;
    for (const account of environment.accounts) {
      const plans = vpcPlansFor(environment, account.name);
      if (!network || plans.length === 0) {
        accountsWithoutVpc.push({
          environment: environment.name,
          account: account.name,
          reason: !network
            ? `environment ${environment.name} has no network: the landing zone builds no VPC in its accounts`
            : `closing: no VPC is planned for it, and any it has stays as last applied (${held.get(account.name) ?? "baseline held"})`,
        });
        continue;
      }
      for (const plan of plans)
        vpcs.push({
          environment: environment.name,
          account: account.name,
          accountId: idOf.get(account.name) ?? null,
          region: plan.region,
          addressing: describeAddressing(plan),
          availabilityZones: network.availabilityZones,
          publicSubnets: network.publicSubnets?.justification ?? "none",
          interfaceEndpoints: network.interfaceEndpoints,
          gatewayEndpoints: GATEWAY_ENDPOINTS,
          flowLogs: `all traffic → ${logPrefix(account.name, "vpcflowlogs")}`,
          dnsQueryLogs: `every query → ${logPrefix(account.name, "vpcdnsquerylogs")}`,
          held: held.get(account.name) ?? null,
        });
    }
  }

  const everyAccount = [
    { name: "management", id: organization.managementAccountId as string | null },
    ...members.map((account) => ({ name: account.name, id: account.id ?? null })),
  ];
  const defaultVpcs = everyAccount.map((account): DefaultVpcEntry => ({
    account: account.name,
    accountId: account.id,
    regions: organization.governedRegions,
    handling: held.get(account.name) ?? INERT,
  }));

  return {
    criteria: [
      ...new Set([...NETWORK_BASELINE_CONTROL.criteria, ...DEFAULT_VPCS_INERT_CONTROL.criteria]),
    ].sort(),
    logBucket,
    vpcs,
    accountsWithoutVpc,
    defaultVpcDecision: DEFAULT_VPCS_INERT_CONTROL.description,
    defaultVpcs,
  };
}

function describeAddressing(plan: VpcPlan): string {
  const { addressing } = plan;
  if ("cidr" in addressing) return addressing.cidr;
  const { environment, region } = addressing.ipamPool;
  return `IPAM pool ${environment}/${region}, /${addressing.netmaskLength}`;
}

const idCell = (id: string | null) => id ?? "created by the landing zone";
/** S3 locations as code, so a placeholder such as `<prod-data's account id>` reads as written. */
const withCodePaths = (text: string) => text.replace(/s3:\/\/.+$/, (path) => `\`${path}\``);

export function renderNetworkInventory(inventory: NetworkInventory): string {
  return [
    `# Network inventory (${inventory.criteria.join(", ")})`,
    "",
    `The VPC of each workload account in each network region, as config plans it, and what happens to every account's default VPCs. Flow logs and DNS query logs go to the log archive bucket \`${inventory.logBucket}\`.`,
    "",
    "## Workload VPCs",
    "",
    ...(inventory.vpcs.length === 0
      ? ["None: no environment has a network."]
      : markdownTable(
          [
            "environment",
            "account",
            "account id",
            "region",
            "addressing",
            "availability zones",
            "public subnets",
            "interface endpoints",
            "gateway endpoints",
            "flow logs",
            "DNS query logs",
          ],
          inventory.vpcs.map((vpc) => [
            vpc.environment,
            vpc.held ? `${vpc.account} (${vpc.held})` : vpc.account,
            idCell(vpc.accountId),
            vpc.region,
            vpc.addressing,
            String(vpc.availabilityZones),
            vpc.publicSubnets,
            vpc.interfaceEndpoints.join(", ") || "none",
            vpc.gatewayEndpoints.join(", "),
            withCodePaths(vpc.flowLogs),
            withCodePaths(vpc.dnsQueryLogs),
          ]),
        )),
    "",
    "## Accounts without a landing-zone VPC",
    "",
    ...(inventory.accountsWithoutVpc.length === 0
      ? ["None: every workload account has a VPC in each network region."]
      : markdownTable(
          ["environment", "account", "reason"],
          inventory.accountsWithoutVpc.map((entry) => [
            entry.environment,
            entry.account,
            entry.reason,
          ]),
        )),
    "",
    "## Default VPCs",
    "",
    `Decision: ${inventory.defaultVpcDecision}.`,
    "",
    ...markdownTable(
      ["account", "account id", "governed regions", "default VPCs"],
      inventory.defaultVpcs.map((entry) => [
        entry.account,
        idCell(entry.accountId),
        entry.regions.join(", "),
        entry.handling,
      ]),
    ),
    "",
  ].join("\n");
}
