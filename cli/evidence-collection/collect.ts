import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { UserError } from "../user-error";
import { defaultClientSettings, describeError } from "./aws-access";
import type { ClientSettings } from "./aws-access";
import { EVIDENCE_CHECKS } from "./evidence-checks";
import { EvidenceRun, NOT_COLLECTED } from "./evidence-run";
import type { CheckResult, EvidenceCheck } from "./evidence-run";
import { Limiter } from "./limiter";
import type { Period } from "./period";
import { compactTimestamp } from "./period";
import { uploadSnapshot } from "./s3-upload";
import type { UploadTarget } from "./s3-upload";
import { CollectionError, signIn } from "./sign-in";
import { writeSnapshot } from "./snapshot-files";
import type { SnapshotManifest } from "./snapshot-files";
import { buildManifest, evidenceFiles } from "./snapshot-manifest";

export interface CollectEvidenceOptions {
  readonly config: LandingZoneConfig;
  readonly period: Period;
  /**
   * The snapshot's folder, which must not exist or be empty: evidence is never overwritten.
   * @default evidence-snapshots/<period>-<collection time> in the working folder
   */
  readonly outDir?: string;
  /** Uploads the snapshot there once it is written. @default no upload */
  readonly upload?: UploadTarget;
  /** Accounts × regions read at once, across all checks. @default 8 */
  readonly concurrency?: number;
  /** @default ten attempts, adaptive retries, unless AWS_MAX_ATTEMPTS / AWS_RETRY_MODE say otherwise */
  readonly clientSettings?: ClientSettings;
  /** @default EVIDENCE_CHECKS, all of them */
  readonly checks?: readonly EvidenceCheck[];
  /** @default a line on stderr */
  readonly progress?: (line: string) => void;
  /** @default the clock */
  readonly now?: () => Date;
  /** @default setTimeout */
  readonly sleep?: (milliseconds: number) => Promise<void>;
}

export interface CollectEvidenceResult {
  readonly dir: string;
  readonly manifest: SnapshotManifest;
  /** S3 keys written, when uploading. */
  readonly uploaded: readonly string[];
}

/** The default folder of a snapshot of `period` collected at `time`. */
export function defaultSnapshotDir(period: Period, time: Date): string {
  return join("evidence-snapshots", `${period.label}-${compactTimestamp(time)}`);
}

/** Refuses a destination that is a file or already holds something. */
function checkSnapshotDir(dir: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory())
    throw new UserError(`--out ${dir} is a file; name a new folder for the snapshot`);
  if (readdirSync(dir).length > 0)
    throw new UserError(
      `--out ${dir} already holds files; a snapshot is never written over another: name a new folder`,
    );
}

/**
 * Reads the live organization through the landing zone's roles and writes a dated snapshot: one
 * file per check, each with its criteria, and a manifest with every file's SHA-256, the period,
 * the caller, the tool's version and everything that couldn't be collected.
 */
export async function collectEvidence(
  options: CollectEvidenceOptions,
): Promise<CollectEvidenceResult> {
  const now = options.now ?? (() => new Date());
  const progress = options.progress ?? ((line: string) => process.stderr.write(`${line}\n`));
  const started = now();
  const dir = resolve(options.outDir ?? defaultSnapshotDir(options.period, started));
  checkSnapshotDir(dir);
  const { config, period } = options;
  const limiter = new Limiter(options.concurrency ?? 8);
  const signedIn = await signIn(
    config,
    options.clientSettings ?? defaultClientSettings(process.env),
    limiter,
  );
  const { management, tree, scope, sessions } = signedIn;
  const organization = config.organization.config;
  progress(
    `Collecting evidence of ${organization.name} (${tree.id}) for ${period.from} to ${period.to} as ${signedIn.caller.arn}: ${scope.accounts.length} accounts, regions ${organization.governedRegions.join(", ")}`,
  );

  const run = new EvidenceRun({
    config,
    tree,
    scope,
    management,
    sessions,
    period,
    collectedAt: started,
    limiter,
    progress,
    sleep:
      options.sleep ?? ((milliseconds) => new Promise((done) => setTimeout(done, milliseconds))),
  });
  const results = await Promise.all(
    (options.checks ?? EVIDENCE_CHECKS).map(async (check) => {
      const began = Date.now();
      let result: CheckResult;
      try {
        result = await check.collect(run);
      } catch (error) {
        // A bug or an unexpected answer: the file says the check wasn't made, and why.
        run.recordMissing({
          check: check.id,
          account: "organization",
          reason: describeError(error),
        });
        result = NOT_COLLECTED;
      }
      const missing = run.missing.filter((entry) => entry.check === check.id).length;
      const seconds = ((Date.now() - began) / 1000).toFixed(1);
      progress(`${check.id}: ${result.flags.length} flagged, ${missing} missing (${seconds} s)`);
      return { check, result };
    }),
  );

  const files = results.flatMap(({ check, result }) => evidenceFiles(check, result, run));
  const manifest = writeSnapshot(dir, files, (hashed) =>
    buildManifest(run, signedIn, files, hashed, now()),
  );
  progress(
    `Snapshot written to ${dir}: ${manifest.files.length} files, ${run.missing.length} missing`,
  );

  let uploaded: string[] = [];
  if (options.upload) {
    const { bucket } = options.upload;
    try {
      uploaded = await uploadSnapshot(
        management,
        organization.homeRegion,
        dir,
        manifest,
        options.upload,
      );
    } catch (error) {
      throw new CollectionError(
        `the snapshot is in ${dir}, but uploading it to s3://${bucket} failed: ${describeError(error)}`,
      );
    }
    progress(
      `Uploaded ${uploaded.length} objects to s3://${bucket}/${uploaded[0]?.replace(/[^/]+$/, "")}`,
    );
  }
  return { dir, manifest, uploaded };
}
