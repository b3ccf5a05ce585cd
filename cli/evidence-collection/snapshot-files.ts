import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import type { CriterionId } from "../../compliance/criteria/trust-services-criteria";
import type { ExcludedAccount } from "./account-scope";
import type { MissingEvidence } from "./evidence-run";
import type { ToolVersion } from "./tool-version";

/** Names the manifest's format, so a reader can tell which fields to expect. */
export const MANIFEST_FORMAT = "soc2-landing-zone/evidence-snapshot/1";
export const MANIFEST_FILE = "manifest.json";

export interface ManifestFile {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly check: string;
  readonly title: string;
  readonly criteria: readonly CriterionId[];
  readonly covers: "collection time" | "period";
  /** Differences and issues the file flags for a reviewer. */
  readonly flags: number;
  /** Whether the check was made everywhere it should have been. */
  readonly complete: boolean;
}

/** What a snapshot holds, for whom and when, and what it could not collect. */
export interface SnapshotManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly organization: {
    readonly name: string;
    readonly id: string;
    readonly managementAccountId: string;
  };
  /** Both days included; the label names the snapshot ("2026-05" for a calendar month). */
  readonly period: { readonly from: string; readonly to: string; readonly label: string };
  readonly collected: { readonly started: string; readonly finished: string };
  readonly caller: { readonly account: string; readonly arn: string; readonly userId: string };
  readonly tool: ToolVersion;
  /** The config the evidence was compared with, file by file. */
  readonly config: {
    readonly dir: string;
    readonly files: readonly { path: string; sha256: string }[];
  };
  /** True when nothing is missing: every check ran in every account and region it covers. */
  readonly complete: boolean;
  readonly files: readonly ManifestFile[];
  /** Each criterion the files serve, with its title and the files. */
  readonly criteria: Readonly<
    Record<
      string,
      { readonly title: string; readonly inScope: boolean; readonly files: readonly string[] }
    >
  >;
  readonly missing: readonly MissingEvidence[];
  readonly excludedAccounts: readonly ExcludedAccount[];
}

const sha256 = (content: string | Buffer) => createHash("sha256").update(content).digest("hex");

/** The config folder's own files (YAML and policy JSON), each with its SHA-256. */
export function configFiles(dir: string): { path: string; sha256: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((path) => ({ path, sha256: sha256(readFileSync(join(dir, path))) }));
}

/**
 * Writes the files and then the manifest beside the destination, and moves the folder into place
 * only when all are written: a snapshot folder always has its manifest.
 */
export function writeSnapshot(
  outDir: string,
  files: readonly { path: string; content: string }[],
  manifest: (hashed: ReadonlyMap<string, { sha256: string; bytes: number }>) => SnapshotManifest,
): SnapshotManifest {
  mkdirSync(dirname(outDir), { recursive: true });
  const staging = join(dirname(outDir), `.${basename(outDir)}.partial-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  try {
    const hashed = new Map<string, { sha256: string; bytes: number }>();
    for (const file of files) {
      writeFileSync(join(staging, file.path), file.content);
      hashed.set(file.path, {
        sha256: sha256(file.content),
        bytes: Buffer.byteLength(file.content),
      });
    }
    const written = manifest(hashed);
    writeFileSync(join(staging, MANIFEST_FILE), `${JSON.stringify(written, null, 2)}\n`);
    // The caller checked that the destination is absent or empty; rmdir refuses anything else.
    if (existsSync(outDir)) rmdirSync(outDir);
    renameSync(staging, outDir);
    return written;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * What is wrong with a snapshot folder: a file the manifest lists that is absent or whose SHA-256
 * differs, or a file the manifest doesn't list. Empty when the snapshot is intact.
 */
export function verifySnapshot(dir: string): string[] {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return [`${manifestPath} does not exist`];
  let manifest: SnapshotManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as SnapshotManifest;
  } catch (error) {
    return [`${manifestPath} is not JSON: ${(error as Error).message}`];
  }
  if (manifest?.format !== MANIFEST_FORMAT)
    return [
      `${manifestPath} is not an evidence snapshot manifest (format ${String(manifest.format)})`,
    ];
  const problems = manifest.files.flatMap((file) => {
    const path = join(dir, file.path);
    if (!existsSync(path)) return [`${file.path} is listed in the manifest but absent`];
    const actual = sha256(readFileSync(path));
    return actual === file.sha256
      ? []
      : [`${file.path} has SHA-256 ${actual}; the manifest says ${file.sha256}`];
  });
  const listed = new Set([MANIFEST_FILE, ...manifest.files.map((file) => file.path)]);
  for (const name of readdirSync(dir).sort())
    if (!listed.has(name)) problems.push(`${name} is not listed in the manifest`);
  return problems;
}
