import { accountScope } from "../../../cli/evidence-collection/account-scope";
import { ClientPool } from "../../../cli/evidence-collection/aws-access";
import { EvidenceRun } from "../../../cli/evidence-collection/evidence-run";
import type { EvidenceCheck } from "../../../cli/evidence-collection/evidence-run";
import { Limiter } from "../../../cli/evidence-collection/limiter";
import type {
  OrganizationAccount,
  OrganizationTree,
} from "../../../cli/evidence-collection/organization-tree";
import { parsePeriod } from "../../../cli/evidence-collection/period";
import { loadSynthConfig } from "../../../cli/load-synth-config";
import type { LandingZoneConfig } from "../../../config/model/landing-zone-config";
import { EXAMPLE_CONFIG_DIR } from "../../helpers/example-config";

export const MANAGEMENT = "111122223333";
export const COLLECTED_AT = new Date("2026-06-01T06:00:00Z");

/** Account ids of the example's accounts in the test organization. */
export const IDS: Record<string, string> = {
  "log-archive": "200000000001",
  audit: "200000000002",
  "shared-services": "200000000003",
  "dev-platform": "200000000004",
  "dev-data": "200000000005",
};

/** Clients whose calls aws-sdk-client-mock answers; a call that isn't mocked fails at once. */
const testPool = () =>
  new ClientPool({ maxAttempts: 1 }, { accessKeyId: "AKIATEST", secretAccessKey: "secret" });

let example: Promise<LandingZoneConfig> | undefined;
export const exampleConfig = () => (example ??= loadSynthConfig(EXAMPLE_CONFIG_DIR, "2026-06-01"));

/**
 * The example organization as AWS would have it: the root, the OUs of the example accounts, the
 * management account and the accounts of IDS (plus any extra), each in the OU config puts it.
 */
export function exampleTree(extra: readonly OrganizationAccount[] = []): OrganizationTree {
  const ou = (path: string) => ({ id: `ou-${path.toLowerCase().replace(/\W/g, "")}`, path });
  return {
    id: "o-example1234",
    managementAccountId: MANAGEMENT,
    rootId: "r-root",
    enabledPolicyTypes: ["SERVICE_CONTROL_POLICY"],
    organizationalUnits: ["Security", "Infrastructure", "Workloads", "Workloads/Development"].map(
      ou,
    ),
    accounts: [
      {
        id: MANAGEMENT,
        name: "management",
        email: "aws+management@northwind-health.com",
        state: "ACTIVE",
        parentPath: "Root",
      },
      {
        id: IDS["log-archive"],
        name: "log-archive",
        email: "aws+log-archive@northwind-health.com",
        state: "ACTIVE",
        parentPath: "Security",
      },
      {
        id: IDS.audit,
        name: "audit",
        email: "aws+audit@northwind-health.com",
        state: "ACTIVE",
        parentPath: "Security",
      },
      {
        id: IDS["shared-services"],
        name: "shared-services",
        email: "aws+shared-services@northwind-health.com",
        state: "ACTIVE",
        parentPath: "Infrastructure",
      },
      {
        id: IDS["dev-platform"],
        name: "dev-platform",
        email: "aws+dev-platform@northwind-health.com",
        state: "ACTIVE",
        parentPath: "Workloads/Development",
      },
      {
        id: IDS["dev-data"],
        name: "dev-data",
        email: "aws+dev-data@northwind-health.com",
        state: "ACTIVE",
        parentPath: "Workloads/Development",
      },
      ...extra,
    ],
  };
}

/** A run over the example organization, every member account's read role assumed. */
export async function exampleRun(
  options: { tree?: OrganizationTree; failures?: Record<string, string> } = {},
): Promise<EvidenceRun> {
  const config = await exampleConfig();
  const tree = options.tree ?? exampleTree();
  const scope = accountScope(config, tree);
  const pool = testPool();
  return new EvidenceRun({
    config,
    tree,
    scope,
    period: parsePeriod(undefined, undefined, COLLECTED_AT),
    collectedAt: COLLECTED_AT,
    management: pool,
    sessions: new Map(
      scope.accounts.map((account) => [
        account.id,
        options.failures?.[account.id] ? { failure: options.failures[account.id] } : pool,
      ]),
    ),
    limiter: new Limiter(4),
    progress: () => {},
    sleep: () => Promise.resolve(),
  });
}

/** A check's result, with what the run recorded missing for it. */
export async function collect(check: EvidenceCheck, run: EvidenceRun) {
  const result = await check.collect(run);
  return { ...result, missing: run.missing.filter((entry) => entry.check === check.id) };
}
