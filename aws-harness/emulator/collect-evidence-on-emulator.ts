import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { verifySnapshot } from "../../cli/evidence-collection/snapshot-files";
import { typescriptEntryArguments } from "../../cli/synth-command";
import type { AwsCredentials } from "./emulator-api";
import type { EmulatorEndpoint } from "./moto-server";

/** What `npm run collect-evidence` found in the organization the harness applied to the emulator. */
export interface EvidenceOnEmulator {
  readonly status: number | null;
  readonly snapshotDir: string;
  readonly files: readonly string[];
  /** Accounts the snapshot read, as `name (id)`. */
  readonly accounts: readonly string[];
  readonly trails: readonly string[];
  readonly policies: readonly string[];
  readonly assignments: number;
  /** Checks the snapshot records as missing, with the emulator's reason. */
  readonly missing: readonly string[];
  /** What the snapshot shows that doesn't match what was applied: these fail the run. */
  readonly problems: readonly string[];
}

export interface EvidenceRunInput {
  readonly endpoint: EmulatorEndpoint;
  readonly credentials: AwsCredentials;
  readonly configDir: string;
  readonly region: string;
  readonly workDir: string;
}

interface SnapshotFile<Results> {
  readonly flags: readonly { readonly issue: string }[];
  readonly results: Results;
}

function run(args: readonly string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ status: number | null; stderr: string }>((done) => {
    const child = spawn(
      process.execPath,
      [...typescriptEntryArguments("cli/collect-evidence.ts"), ...args],
      { cwd: join(__dirname, "..", ".."), env, stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    child.on("close", (status) => done({ status, stderr }));
  });
}

/**
 * Runs the evidence collector as a process against the emulator, as the management account, once
 * the landing zone is applied there: the snapshot must read back the organization the stacks made.
 */
export async function collectEvidenceOnEmulator(
  input: EvidenceRunInput,
): Promise<EvidenceOnEmulator> {
  const snapshotDir = join(input.workDir, "evidence-snapshot");
  const { status, stderr } = await run(["--out", snapshotDir], {
    ...process.env,
    ...input.credentials,
    AWS_ENDPOINT_URL: input.endpoint.url,
    AWS_REGION: input.region,
    // The emulator's certificate, for the SDK's TLS client in that process.
    NODE_EXTRA_CA_CERTS: input.endpoint.caBundle,
    // An API the emulator lacks fails at once instead of being retried.
    AWS_MAX_ATTEMPTS: "1",
    LZ_CONFIG_DIR: input.configDir,
  });
  const empty = {
    status,
    snapshotDir,
    files: [],
    accounts: [],
    trails: [],
    policies: [],
    assignments: 0,
    missing: [],
  };
  // 0: complete; 2: written, with the checks it couldn't make listed as missing.
  if ((status !== 0 && status !== 2) || !existsSync(join(snapshotDir, "manifest.json")))
    return {
      ...empty,
      problems: [
        `collect-evidence exited ${status}: ${stderr.trim().split("\n").slice(-5).join(" ")}`,
      ],
    };
  const read = <Results>(file: string) =>
    JSON.parse(readFileSync(join(snapshotDir, file), "utf8")) as SnapshotFile<Results>;
  const manifest = JSON.parse(readFileSync(join(snapshotDir, "manifest.json"), "utf8")) as {
    files: { path: string }[];
    missing: { check: string; account?: string; region?: string; reason: string }[];
  };
  const accounts = read<{
    accounts: { account: string; accountId: string }[];
    notInOrganization: { account: string }[];
  }>("organization-accounts.json");
  const trail = read<{ expectedTrail: string; trails: { name: string }[] }>("cloudtrail.json");
  const policies = read<{ policies: { name: string; inConfig: boolean; document: string }[] }>(
    "organization-policies.json",
  );
  const assignments = read<{ assignments: unknown[] }>("identity-center-assignments.json");
  const trailNames = trail.results.trails.map((entry) => entry.name);
  const problems = [
    ...verifySnapshot(snapshotDir).map((problem) => `manifest: ${problem}`),
    ...accounts.results.notInOrganization.map(
      (entry) => `${entry.account} is in config but the snapshot found no such account`,
    ),
    ...(trailNames.includes(trail.results.expectedTrail)
      ? []
      : [`the snapshot found no trail ${trail.results.expectedTrail}`]),
    // The stacks applied these documents from config: reading back another is a real difference.
    ...policies.results.policies
      .filter((policy) => policy.inConfig && policy.document === "differs from config")
      .map((policy) => `${policy.name}: the emulator holds another document than config's`),
  ];
  return {
    status,
    snapshotDir,
    files: manifest.files.map((file) => file.path),
    accounts: accounts.results.accounts.map((entry) => `${entry.account} (${entry.accountId})`),
    trails: trailNames,
    policies: policies.results.policies.map((policy) => `${policy.name} (${policy.document})`),
    assignments: assignments.results.assignments.length,
    missing: manifest.missing.map(
      (entry) =>
        `${entry.check}${entry.account ? ` in ${entry.account}` : ""}${entry.region ? ` (${entry.region})` : ""}: ${entry.reason}`,
    ),
    problems,
  };
}
