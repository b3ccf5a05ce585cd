import { parseArgs } from "node:util";
import { ConfigError } from "../config/loader/config-problem";
import { evidenceBucketName } from "../contracts/resource-names";
import { configDir, loadSynthConfig } from "./load-synth-config";
import { reproducibleNow } from "./reproducible-time";
import { collectEvidence, defaultSnapshotDir } from "./evidence-collection/collect";
import { parsePeriod } from "./evidence-collection/period";
import { parseS3Url } from "./evidence-collection/s3-upload";
import type { UploadTarget } from "./evidence-collection/s3-upload";
import { verifySnapshot } from "./evidence-collection/snapshot-files";
import { exitWithError, UserError } from "./user-error";

const USAGE = `usage: npm run collect-evidence -- [--from YYYY-MM-DD --to YYYY-MM-DD] [--out DIR] [--upload | --upload-to s3://BUCKET/PREFIX] [--concurrency N]
       npm run collect-evidence -- --verify DIR
  --from, --to    the period, both days included (default: the previous calendar month)
  --out DIR       the snapshot's folder (default: evidence-snapshots/<period>-<time>)
  --upload        upload to the evidence bucket, <resourcePrefix>-evidence-<management account id>
  --upload-to     upload to another bucket and prefix
  --concurrency   accounts × regions read at once (default 8)
  --verify DIR    check a snapshot's files against its manifest's SHA-256 and exit`;

/** Exit code of a snapshot written with something missing (0: complete; 1: no snapshot). */
export const EXIT_INCOMPLETE = 2;

/** Key prefix of snapshots in the evidence bucket. */
const EVIDENCE_BUCKET_PREFIX = "evidence-snapshots";

function positiveInteger(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value))
    throw new UserError(`${option} takes a whole number of 1 or more, got "${value}"`);
  return Number(value);
}

export async function runCollectEvidence(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      from: { type: "string" },
      to: { type: "string" },
      out: { type: "string" },
      upload: { type: "boolean", default: false },
      "upload-to": { type: "string" },
      concurrency: { type: "string" },
      verify: { type: "string" },
    },
  });
  if (positionals.length > 0)
    throw new UserError(`unexpected argument "${positionals[0]}"\n${USAGE}`);
  if (values.verify !== undefined) {
    const problems = verifySnapshot(values.verify);
    if (problems.length > 0)
      throw new UserError(
        `${values.verify} does not match its manifest:\n  ${problems.join("\n  ")}`,
      );
    process.stdout.write(`${values.verify}: every file matches its SHA-256 in the manifest\n`);
    return 0;
  }
  if (values.upload && values["upload-to"] !== undefined)
    throw new UserError(`give --upload or --upload-to, not both\n${USAGE}`);
  const now = reproducibleNow(env);
  const period = parsePeriod(values.from, values.to, now);
  const concurrency = positiveInteger("--concurrency", values.concurrency);
  const explicitUpload =
    values["upload-to"] === undefined ? undefined : parseS3Url(values["upload-to"]);

  const config = await loadSynthConfig(configDir(env), now.toISOString().slice(0, 10));
  const organization = config.organization.config;
  const upload: UploadTarget | undefined = values.upload
    ? {
        bucket: evidenceBucketName(organization.resourcePrefix, organization.managementAccountId),
        prefix: EVIDENCE_BUCKET_PREFIX,
      }
    : explicitUpload;
  const { dir, manifest } = await collectEvidence({
    config,
    period,
    outDir: values.out ?? defaultSnapshotDir(period, now),
    upload,
    concurrency,
    now: () => (env.SOURCE_DATE_EPOCH ? now : new Date()),
  });
  process.stdout.write(`${dir}\n`);
  if (manifest.complete) return 0;
  process.stderr.write(
    `The snapshot is incomplete: ${manifest.missing.length} check${manifest.missing.length === 1 ? "" : "s"} could not be made (manifest.json lists them under "missing").\n`,
  );
  return EXIT_INCOMPLETE;
}

if (require.main === module) {
  runCollectEvidence(process.argv.slice(2), process.env).then(
    (code) => (process.exitCode = code),
    (error) => exitWithError(error, [ConfigError]),
  );
}
