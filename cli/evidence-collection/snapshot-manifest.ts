import { criteriaInScope } from "../../compliance/criteria/trust-services-criteria";
import type { EvidenceRun, CheckResult, EvidenceCheck, MissingEvidence } from "./evidence-run";
import type { SignedIn } from "./sign-in";
import { configFiles, MANIFEST_FORMAT } from "./snapshot-files";
import type { ManifestFile, SnapshotManifest } from "./snapshot-files";
import { toolVersion } from "./tool-version";

/** A file of the snapshot, with the check it comes from. */
export interface EvidenceFile {
  readonly path: string;
  readonly content: string;
  readonly check: EvidenceCheck;
  readonly flags: number;
}

/** Missing entries in a stable order: checks run side by side, so they fail in any order. */
function sortedMissing(entries: readonly MissingEvidence[]): MissingEvidence[] {
  const key = (entry: MissingEvidence) =>
    [entry.check, entry.accountName ?? "", entry.account, entry.region ?? ""].join("\u0000");
  return [...entries].sort((a, b) => key(a).localeCompare(key(b)));
}

/** A check's `<id>.json`, which says what it is and what is missing from it, and its extra files. */
export function evidenceFiles(
  check: EvidenceCheck,
  result: CheckResult,
  run: EvidenceRun,
): EvidenceFile[] {
  const missing = sortedMissing(run.missing.filter((entry) => entry.check === check.id));
  const content = {
    check: check.id,
    title: check.title,
    criteria: check.criteria,
    covers: check.covers,
    period: { from: run.period.from, to: run.period.to },
    collectedAt: run.collectedAt.toISOString(),
    complete: missing.length === 0,
    summary: result.summary,
    flags: result.flags,
    missing,
    results: result.results,
  };
  const flags = result.flags.length;
  return [
    { path: `${check.id}.json`, content: `${JSON.stringify(content, null, 2)}\n`, check, flags },
    ...(result.extraFiles ?? []).map((extra) => ({
      path: extra.name,
      content: extra.content,
      check,
      flags,
    })),
  ];
}

/** The manifest of the files written, with their hashes. */
export function buildManifest(
  run: EvidenceRun,
  signedIn: SignedIn,
  files: readonly EvidenceFile[],
  hashed: ReadonlyMap<string, { sha256: string; bytes: number }>,
  finished: Date,
): SnapshotManifest {
  const organization = run.config.organization.config;
  const listed: ManifestFile[] = files.map((file) => ({
    path: file.path,
    ...hashed.get(file.path)!,
    check: file.check.id,
    title: file.check.title,
    criteria: file.check.criteria,
    covers: file.check.covers,
    flags: file.flags,
    complete: !run.missing.some((entry) => entry.check === file.check.id),
  }));
  const titles = new Map(
    criteriaInScope(["availability", "confidentiality", "processing-integrity", "privacy"]).map(
      (criterion) => [criterion.id, criterion.title],
    ),
  );
  const inScope = new Set(criteriaInScope(organization.compliance.categories).map((c) => c.id));
  const criteria = [...new Set(listed.flatMap((file) => file.criteria))].sort();
  return {
    format: MANIFEST_FORMAT,
    organization: {
      name: organization.name,
      id: signedIn.tree.id,
      managementAccountId: signedIn.tree.managementAccountId,
    },
    period: { from: run.period.from, to: run.period.to, label: run.period.label },
    collected: { started: run.collectedAt.toISOString(), finished: finished.toISOString() },
    caller: signedIn.caller,
    tool: toolVersion(),
    config: { dir: run.config.sourceDir, files: configFiles(run.config.sourceDir) },
    complete: run.missing.length === 0,
    files: listed,
    criteria: Object.fromEntries(
      criteria.map((id) => [
        id,
        {
          title: titles.get(id) ?? "",
          inScope: inScope.has(id),
          files: listed.filter((file) => file.criteria.includes(id)).map((file) => file.path),
        },
      ]),
    ),
    missing: sortedMissing(run.missing),
    excludedAccounts: signedIn.scope.excluded,
  };
}
