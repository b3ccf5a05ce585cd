import { readdirSync } from "node:fs";
import { extname } from "node:path";
import { parseArgs } from "node:util";
import { IDENTITY_FILE, ORGANIZATION_FILE } from "../environments/loader/load-config";
import { listAccounts } from "../environments/model/accounts";
import type { LandingZoneConfig } from "../environments/model/landing-zone-config";
import { differenceReport, newAccountReport } from "./account/account-report";
import {
  appendAccount,
  appendAccountLines,
  findAccount,
  removeAccount,
  setAccountField,
  topLevelScalar,
} from "./account/account-yaml";
import {
  commitConfigEdits,
  loadConfigBeforeEdit,
  readConfigFile,
  RequestError,
} from "./account/config-transaction";
import { configDir, loadSynthConfig } from "./load-synth-config";
import { reproducibleNow } from "./reproducible-time";

const USAGE = `usage: npm run account -- <command>
  add        --env <env> --name <name> --email <email> [--owner <owner>] [--ou <path>] [--tag k=v]...
  import     --env <env> --name <name> --email <email> --id <12 digits> [--owner <owner>] [--ou <path>] [--tag k=v]...
  move       --name <name> --to-env <env>
  quarantine --name <name> --reason <text>
  close      --name <name>
  list`;

const OPTIONS = {
  env: { type: "string" },
  name: { type: "string" },
  email: { type: "string" },
  owner: { type: "string" },
  ou: { type: "string" },
  id: { type: "string" },
  tag: { type: "string", multiple: true },
  "to-env": { type: "string" },
  reason: { type: "string" },
} as const;

type Options = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : string;
};

function required(options: Options, name: keyof Options): string {
  const value = options[name];
  if (typeof value !== "string" || value === "")
    throw new RequestError(`--${name} is required\n${USAGE}`);
  return value;
}

/** The environment files of the folder, by environment name (as written in each file). */
function environmentFiles(dir: string): Map<string, string> {
  const files = readdirSync(dir).filter(
    (file) =>
      [".yaml", ".yml"].includes(extname(file)) &&
      file !== ORGANIZATION_FILE &&
      file !== IDENTITY_FILE,
  );
  return new Map(
    files.sort().map((file) => [topLevelScalar(readConfigFile(dir, file), "name") ?? file, file]),
  );
}

function fileOfEnvironment(dir: string, environment: string): string {
  const files = environmentFiles(dir);
  const file = files.get(environment);
  if (!file)
    throw new RequestError(
      `There is no environment "${environment}"; known: ${[...files.keys()].join(", ")}`,
    );
  return file;
}

/** The environment file and list index of a workload account. */
function locateAccount(dir: string, name: string): { file: string; index: number } {
  for (const file of environmentFiles(dir).values()) {
    const index = findAccount(readConfigFile(dir, file), name);
    if (index >= 0) return { file, index };
  }
  throw new RequestError(
    `There is no workload account "${name}"; run npm run account -- list to see them. Core accounts are changed in organization.yaml.`,
  );
}

function tagsOf(values: readonly string[] | undefined): Record<string, string> | undefined {
  if (!values || values.length === 0) return undefined;
  return Object.fromEntries(
    values.map((pair) => {
      const at = pair.indexOf("=");
      if (at <= 0) throw new RequestError(`--tag takes key=value, got "${pair}"`);
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

async function addAccount(
  dir: string,
  options: Options,
  today: string,
  withId: boolean,
): Promise<string> {
  const environment = required(options, "env");
  const file = fileOfEnvironment(dir, environment);
  const name = required(options, "name");
  const entry = {
    name,
    email: required(options, "email"),
    owner: options.owner ?? "unassigned",
    ...(withId ? { id: required(options, "id") } : {}),
    ...(options.ou ? { ou: options.ou } : {}),
    ...(tagsOf(options.tag) ? { tags: tagsOf(options.tag) } : {}),
  };
  const { after } = await commitConfigEdits(
    dir,
    new Map([[file, appendAccount(readConfigFile(dir, file), entry)]]),
    today,
  );
  return `${withId ? "Imported" : "Added"} ${name} to ${file}.\n${newAccountReport(after, name)}`;
}

async function moveAccount(dir: string, options: Options, today: string): Promise<string> {
  const name = required(options, "name");
  const target = fileOfEnvironment(dir, required(options, "to-env"));
  const source = locateAccount(dir, name);
  if (source.file === target) throw new RequestError(`${name} is already in ${target}`);
  const { text, removed } = removeAccount(readConfigFile(dir, source.file), source.index);
  const edits = new Map([
    [source.file, text],
    [target, appendAccountLines(readConfigFile(dir, target), removed)],
  ]);
  const { before, after } = await commitConfigEdits(dir, edits, today);
  return `Moved ${name} from ${source.file} to ${target}.\n${differenceReport(before, after, name)}`;
}

async function setLifecycle(
  dir: string,
  options: Options,
  today: string,
  state: "quarantined" | "closing",
): Promise<string> {
  const name = required(options, "name");
  const { file, index } = locateAccount(dir, name);
  const config = await loadConfigBeforeEdit(dir, today);
  const current = config.environments
    .flatMap((environment) => environment.config.accounts)
    .find((account) => account.name === name);
  let reason: string;
  if (state === "closing") {
    if (current?.lifecycle?.state !== "quarantined") {
      throw new RequestError(
        `${name} is not quarantined; quarantine it first (npm run account -- quarantine --name ${name} --reason ...), then close it.`,
      );
    }
    reason = current.lifecycle.reason;
  } else {
    reason = required(options, "reason");
    if (current?.lifecycle)
      throw new RequestError(
        `${name} is already ${current.lifecycle.state} since ${current.lifecycle.since}.`,
      );
  }
  const text = setAccountField(readConfigFile(dir, file), index, "lifecycle", {
    state,
    reason,
    since: today,
  });
  const { before, after } = await commitConfigEdits(dir, new Map([[file, text]]), today, config);
  const next =
    state === "closing"
      ? "Next: merge and apply; then remove the account from config in a pull request that adds it to compliance.approvedDestroys. Applying that closes it."
      : "Next: merge and apply; the account moves under the deny-all SCP at once.";
  return `${name} is ${state} (${reason}).\n${differenceReport(before, after, name)}\n\n${next}`;
}

function listAll(config: LandingZoneConfig): string {
  const states = new Map(
    config.environments.flatMap((environment) =>
      environment.config.accounts.map((account) => [
        account.name,
        account.lifecycle?.state ?? "active",
      ]),
    ),
  );
  const rows = listAccounts(config).map((account) => [
    account.name,
    account.owner.kind === "workload" ? account.owner.environment : `core (${account.owner.role})`,
    account.ou,
    account.id ?? "new",
    account.owner.kind === "workload"
      ? (config.environments
          .flatMap((environment) => environment.config.accounts)
          .find((entry) => entry.name === account.name)?.owner ?? "")
      : config.organization.config.defaultTags.owner,
    states.get(account.name) ?? "active",
  ]);
  const header = ["name", "environment", "ou", "id", "owner", "status"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export async function runAccountCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({ args: [...rest], options: OPTIONS, strict: true });
  const options = values as Options;
  const dir = configDir(env);
  const today = reproducibleNow(env).toISOString().slice(0, 10);
  switch (command) {
    case "add":
      return addAccount(dir, options, today, false);
    case "import":
      return addAccount(dir, options, today, true);
    case "move":
      return moveAccount(dir, options, today);
    case "quarantine":
      return setLifecycle(dir, options, today, "quarantined");
    case "close":
      return setLifecycle(dir, options, today, "closing");
    case "list":
      return listAll(await loadSynthConfig(dir, today));
    default:
      throw new RequestError(command ? `Unknown command "${command}"\n${USAGE}` : USAGE);
  }
}

if (require.main === module) {
  runAccountCommand(process.argv.slice(2), process.env)
    .then((output) => process.stdout.write(`${output}\n`))
    .catch((error: Error) => {
      process.stderr.write(
        `${error instanceof RequestError || error.name === "ConfigError" || error.name === "TypeError" ? error.message : String(error.stack ?? error)}\n`,
      );
      process.exitCode = 1;
    });
}
