import {
  GetDetectorCommand,
  GuardDutyClient,
  paginateListDetectors,
} from "@aws-sdk/client-guardduty";
import { BatchGetAccountStatusCommand, Inspector2Client } from "@aws-sdk/client-inspector2";
import { GetMacieSessionCommand, Macie2Client } from "@aws-sdk/client-macie2";
import { guardDutyFeatures } from "../../../modules/security/guardduty-organization";
import { describeError, errorName } from "../aws-access";
import type { ClientPool } from "../aws-access";
import type { EvidenceCheck, EvidenceRun, Flag } from "../evidence-run";
import { flagFor } from "../evidence-run";

async function guardDuty(clients: ClientPool, region: string) {
  const client = clients.client(GuardDutyClient, region);
  const ids: string[] = [];
  for await (const page of paginateListDetectors({ client }, {}))
    ids.push(...(page.DetectorIds ?? []));
  if (ids.length === 0) return { status: "NOT ENABLED", features: {} };
  const detector = await client.send(new GetDetectorCommand({ DetectorId: ids[0] }));
  return {
    status: detector.Status ?? "UNKNOWN",
    features: Object.fromEntries(
      (detector.Features ?? []).map((feature) => [feature.Name ?? "", feature.Status ?? ""]),
    ),
  };
}

async function inspector(clients: ClientPool, region: string, accountId: string) {
  const client = clients.client(Inspector2Client, region);
  const { accounts = [], failedAccounts = [] } = await client.send(
    new BatchGetAccountStatusCommand({ accountIds: [accountId] }),
  );
  const failed = failedAccounts.find((account) => account.accountId === accountId);
  if (failed)
    throw new Error(`Inspector: ${failed.errorCode ?? ""} ${failed.errorMessage ?? ""}`.trim());
  const account = accounts.find((candidate) => candidate.accountId === accountId);
  const resources = account?.resourceState;
  return {
    status: account?.state?.status ?? "NOT ENABLED",
    resources: Object.fromEntries(
      Object.entries(resources ?? {}).map(([type, state]) => [
        type,
        (state as { status?: string })?.status ?? "",
      ]),
    ),
  };
}

async function macie(clients: ClientPool, region: string) {
  try {
    const session = await clients.client(Macie2Client, region).send(new GetMacieSessionCommand({}));
    return { status: session.status ?? "UNKNOWN" };
  } catch (error) {
    // Macie answers AccessDenied, "Macie is not enabled", where it is off.
    if (
      errorName(error) === "AccessDeniedException" &&
      /not enabled/i.test((error as Error).message)
    )
      return { status: "NOT ENABLED" };
    throw error;
  }
}

/**
 * GuardDuty (with its protection plans), Inspector (with its scan types) and Macie in every
 * account and governed region. A service config turns on that is off, and a GuardDuty plan config
 * turns on that is off, are flagged.
 */
export const DETECTION_SERVICES: EvidenceCheck = {
  id: "detection-services",
  title: "GuardDuty, Inspector and Macie status per account and region",
  criteria: ["CC7.1", "CC7.2", "CC6.8", "C1.1"],
  covers: "collection time",
  async collect(run: EvidenceRun) {
    const services = run.config.organization.config.securityServices;
    const features = guardDutyFeatures(services.guardDuty);
    // Each service on its own: one the emulator (or a permission) lacks leaves the others' status.
    const units = await run.eachAccountRegion(this.id, async ({ account, clients, region }) => {
      const attempt = async <T>(service: string, read: () => Promise<T>) => {
        try {
          return await read();
        } catch (error) {
          run.recordMissing({
            check: this.id,
            account: account.id,
            accountName: account.name,
            region,
            reason: `${service}: ${describeError(error)}`,
          });
          return undefined;
        }
      };
      return {
        guardDuty: await attempt("GuardDuty", () => guardDuty(clients, region)),
        inspector: services.inspector
          ? await attempt("Inspector", () => inspector(clients, region, account.id))
          : undefined,
        macie: services.macie ? await attempt("Macie", () => macie(clients, region)) : undefined,
      };
    });
    const flags: Flag[] = [];
    for (const { account, region, value } of units) {
      const guard = value.guardDuty;
      if (guard && guard.status !== "ENABLED")
        flags.push(flagFor(account, `GuardDuty is ${guard.status.toLowerCase()}`, region));
      else if (guard)
        for (const feature of features.filter((name) => guard.features[name] !== "ENABLED"))
          flags.push(flagFor(account, `GuardDuty ${feature} is not enabled`, region));
      if (value.inspector && value.inspector.status !== "ENABLED")
        flags.push(
          flagFor(account, `Inspector is ${value.inspector.status.toLowerCase()}`, region),
        );
      if (value.macie && value.macie.status !== "ENABLED")
        flags.push(flagFor(account, `Macie is ${value.macie.status.toLowerCase()}`, region));
    }
    const enabled = (pick: (value: (typeof units)[number]["value"]) => string | undefined) =>
      units.filter((unit) => pick(unit.value) === "ENABLED").length;
    return {
      summary: {
        accountRegions: units.length,
        guardDutyEnabled: enabled((value) => value.guardDuty?.status),
        ...(services.inspector
          ? { inspectorEnabled: enabled((value) => value.inspector?.status) }
          : {}),
        ...(services.macie ? { macieEnabled: enabled((value) => value.macie?.status) } : {}),
      },
      flags,
      results: {
        expected: {
          guardDutyFeatures: features,
          inspector: services.inspector,
          macie: services.macie,
        },
        accounts: units.map(({ account, region, value }) => ({
          account: account.name,
          accountId: account.id,
          region,
          ...value,
        })),
      },
    };
  },
};
