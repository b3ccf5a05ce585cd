import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { typescriptEntryArguments } from "../../cli/synth-command";
import { copyExampleConfig } from "../helpers/example-config";
import { tempDir } from "../helpers/temp-dirs";

const ROOT = join(__dirname, "..", "..");
const scripts: Record<string, string> = JSON.parse(
  readFileSync(join(ROOT, "package.json"), "utf8"),
).scripts;
/** Scripts that take no input from the user: no arguments, no variables. */
const WITHOUT_INPUT = ["generate-schema", "docs", "lint:workflows"];

/** The TypeScript entry point an npm script runs, as `npm run <script>` would. */
function entryOf(script: string): string {
  const entry = /^node -r \.\/cli\/register-typescript\.js (\S+\.ts)$/.exec(scripts[script] ?? "");
  if (!entry)
    throw new Error(`npm run ${script} is not "node -r ./cli/register-typescript.js <file>"`);
  return entry[1];
}

function run(script: string, args: readonly string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, [...typescriptEntryArguments(entryOf(script)), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => done({ status, stderr }));
  });
}

interface Mistake {
  readonly script: string;
  readonly mistake: string;
  readonly args?: readonly string[];
  readonly env?: () => Record<string, string>;
  /** What the message must say. */
  readonly says: string;
}

const missing = () => join(tempDir(), "missing");
const fileIn = (text: string) => {
  const file = join(tempDir(), "file");
  writeFileSync(file, text);
  return file;
};

const MISTAKES: readonly Mistake[] = [
  {
    script: "synth",
    mistake: "CDKTF_OUTDIR in a folder that doesn't exist",
    env: () => ({ CDKTF_OUTDIR: join(missing(), "out") }),
    says: "does not exist. Create it (mkdir -p",
  },
  {
    script: "synth",
    mistake: "CDKTF_OUTDIR naming a file",
    env: () => ({ CDKTF_OUTDIR: fileIn("mine") }),
    says: "it is a file",
  },
  {
    script: "synth",
    mistake: "LZ_CONFIG_DIR naming no folder",
    env: () => ({ LZ_CONFIG_DIR: missing() }),
    says: "is not a folder",
  },
  {
    script: "account",
    mistake: "a misspelt option",
    args: ["add", "--env", "dev", "--nmae", "x"],
    says: "Unknown option '--nmae'",
  },
  {
    script: "account",
    mistake: "LZ_CONFIG_DIR naming no folder",
    args: ["add", "--env", "dev", "--name", "dev-x", "--email", "x@example.com", "--owner", "me"],
    env: () => ({ LZ_CONFIG_DIR: missing() }),
    says: "which is not a folder",
  },
  {
    script: "affected",
    mistake: "a misspelt option",
    args: ["--bsae", "main"],
    says: "Unknown option '--bsae'",
  },
  { script: "affected", mistake: "no base", args: [], says: "Nothing to compare with" },
  {
    script: "affected",
    mistake: "a config outside the repository and no base for it",
    args: ["--base", "HEAD"],
    env: () => ({ LZ_CONFIG_DIR: copyExampleConfig() }),
    says: "is outside this repository",
  },
  {
    script: "plan-evidence",
    mistake: "a misspelt option",
    args: ["plan.json", "--fail-on-destory"],
    says: "Unknown option '--fail-on-destory'",
  },
  {
    script: "plan-evidence",
    mistake: "a folder for a plan",
    args: [__dirname],
    says: "is a folder; pass files written by terraform show -json",
  },
  {
    script: "plan-evidence",
    mistake: "a binary plan instead of its JSON",
    args: [fileIn("PK\u0003\u0004 binary")],
    says: "is not JSON",
  },
  {
    script: "collect-evidence",
    mistake: "a misspelt option",
    args: ["--form", "2026-01-01"],
    says: "Unknown option '--form'",
  },
  {
    script: "collect-evidence",
    mistake: "a date that doesn't exist",
    args: ["--from", "2026-02-30", "--to", "2026-03-31"],
    says: '--from takes a date as YYYY-MM-DD, got "2026-02-30"',
  },
  {
    script: "new-config",
    mistake: "an existing folder",
    args: [__dirname],
    says: "already exists and is not an empty folder",
  },
  { script: "new-config", mistake: "no folder", args: [], says: "usage: npm run new-config" },
  {
    script: "bench",
    mistake: "a size that is not a number",
    args: ["--sizes", "10,1k"],
    says: '--sizes takes positive whole numbers, got "1k"',
  },
  {
    script: "bench",
    mistake: "a misspelt option",
    args: ["--repaet", "1"],
    says: "Unknown option",
  },
  {
    script: "cdktf",
    mistake: "a stack that doesn't exist",
    args: ["diff", "no-such-stack", "--output", join(tempDir(), "out")],
    says: "Could not find stack: no-such-stack",
  },
  {
    script: "test:aws",
    mistake: "tools that aren't there",
    env: () => ({
      LZ_TERRAFORM: join(missing(), "terraform"),
      LZ_MOTO_SERVER: join(missing(), "moto_server"),
      LZ_PROVIDER_MIRROR: missing(),
    }),
    says: "Terraform not found",
  },
];

test("every npm script that takes input is tried with a mistake", () => {
  const withInput = Object.keys(scripts).filter(
    (script) =>
      scripts[script].startsWith("node -r ./cli/register-typescript.js") &&
      !WITHOUT_INPUT.includes(script),
  );
  expect(withInput.filter((script) => !MISTAKES.some((m) => m.script === script))).toEqual([]);
});

test.concurrent.each(MISTAKES.map((mistake) => [`${mistake.script}: ${mistake.mistake}`, mistake]))(
  "%s ends with a message and exit code 1, not a stack trace",
  async (_, { script, args = [], env = () => ({}), says }) => {
    const { status, stderr } = await run(script, args, env());
    expect(stderr).toContain(says);
    expect(stderr).not.toMatch(/^ {4}at /m);
    expect(status).toBe(1);
  },
  60_000,
);
