import { existsSync, readdirSync, statSync } from "node:fs";
import { extname } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError } from "../config/loader/config-problem";
import { IDENTITY_FILE, ORGANIZATION_FILE } from "../config/loader/load-config";
import { listAccounts } from "../config/model/accounts";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { environmentStackName } from "../config/model/stack-names";
import { differenceReport, newAccountReport } from "./account/account-report";
import {
  appendAccount,
  appendAccountLines,
  deleteAccountField,
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
import { movedVpcBlocks } from "./account/moved-vpc-blocks";
import {
  addressingOf,
  blocksByRegion,
  cidrOptions,
  describeBlocks,
  planVpcBlocks,
} from "./account/vpc-blocks";
import type { VpcBlock } from "./account/vpc-blocks";
import { removeVpcBlocks, setVpcBlocks } from "./account/vpc-blocks-yaml";
import { configDir, loadSynthConfig } from "./load-synth-config";
import { reproducibleToday } from "./reproducible-time";
import { exitWithError } from "./user-error";
import { skipTokenStackTraces } from "../modules/terraform/cdktf-internals";

const USAGE = `usage: npm run account -- <command>
  add        --env <env> --name <name> --email <email> --owner <owner> [--owner-email <email>] [--ou <path>] [--tag k=v]... [--cidr <region>=<block>]...
  import     --env <env> --name <name> --email <email> --owner <owner> [--owner-email <email>] --id <12 digits> [--ou <path>] [--tag k=v]... [--cidr <region>=<block>]...
  move       --name <name> --to-env <env> [--id <12 digits>, required if config has no id]
  moved      --name <name>   (once a move is applied: removes movedFrom)
  quarantine --name <name> --reason <text>
  close      --name <name>
  list
--cidr sets the account's VPC block in a region of an environment with network.addressing.cidrs;
every region without one gets the lowest free block of the environment's size there.`;

const OPTIONS = {
  env: { type: "string" },
  name: { type: "string" },
  email: { type: "string" },
  owner: { type: "string" },
  "owner-email": { type: "string" },
  ou: { type: "string" },
  id: { type: "string" },
  tag: { type: "string", multiple: true },
  cidr: { type: "string", multiple: true },
  "to-env": { type: "string" },
  reason: { type: "string" },
} as const;

type Options = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : string;
};

function required(options: Options, name: keyof Options, meaning?: string): string {
  const value = options[name];
  if (typeof value !== "string" || value === "")
    throw new RequestError(`--${name} is required${meaning ? `: ${meaning}` : ""}\n${USAGE}`);
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

/** The environment, its file and the list index of a workload account. */
function locateAccount(
  dir: string,
  name: string,
): { environment: string; file: string; index: number } {
  for (const [environment, file] of environmentFiles(dir)) {
    const index = findAccount(readConfigFile(dir, file), name);
    if (index >= 0) return { environment, file, index };
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
  const name = required(options, "name");
  const email = required(options, "email");
  // Who is accountable for an account is a SOC 2 fact: the tool never makes one up.
  const owner = required(
    options,
    "owner",
    "name the team or person accountable for the account (its Owner tag, in the audit evidence)",
  );
  const id = withId ? required(options, "id") : undefined;
  const file = fileOfEnvironment(dir, environment);
  const config = await loadConfigBeforeEdit(dir, today);
  const given = Object.entries(cidrOptions(options.cidr)).map(([region, cidr]): VpcBlock => ({
    region,
    cidr,
    source: "given",
  }));
  const addressing = addressingOf(config, environment);
  if (given.length > 0 && addressing.kind !== "cidrs")
    throw new RequestError(
      `--cidr sets a block in network.addressing.cidrs, and ${environment} ${addressing.kind === "ipam" ? "allocates its VPCs' addresses from the organization IPAM" : "has no network"}; leave out --cidr.`,
    );
  const entry = {
    name,
    email,
    owner,
    // The owner hears about the account's budget; the loader checks the address.
    ...(options["owner-email"] ? { ownerEmail: options["owner-email"] } : {}),
    ...(id ? { id } : {}),
    ...(options.ou ? { ou: options.ou } : {}),
    ...(tagsOf(options.tag) ? { tags: tagsOf(options.tag) } : {}),
  };
  let text = appendAccount(readConfigFile(dir, file), entry);
  // A name that has blocks already is taken; the load says so, and its blocks stay as they are.
  const blocks =
    addressing.kind === "cidrs" && (given.length > 0 || !Object.hasOwn(addressing.cidrs, name))
      ? planVpcBlocks(config, addressing, given)
      : [];
  if (blocks.length > 0) text = setVpcBlocks(text, name, blocksByRegion(blocks));
  const { after } = await commitConfigEdits(dir, new Map([[file, text]]), today, config);
  return [
    `${withId ? "Imported" : "Added"} ${name} to ${file}${blocks.length > 0 ? ", with its VPC blocks in network.addressing.cidrs:" : "."}`,
    ...describeBlocks(blocks),
    newAccountReport(after, name),
  ].join("\n");
}

/** The account's entry as config holds it now (valid, as every command loads it first). */
function entryOf(config: LandingZoneConfig, name: string) {
  return config.environments
    .flatMap((environment) => environment.config.accounts)
    .find((account) => account.name === name);
}

/**
 * Moves an account's lines to another environment file and records where it came from, so that
 * synth keeps its state: the stack it leaves forgets it (a removed block with destroy = false)
 * and the stack it joins imports it by id, instead of one refusing to destroy it (prevent_destroy)
 * and the other creating a second account.
 */
async function moveAccount(dir: string, options: Options, today: string): Promise<string> {
  const name = required(options, "name");
  const toEnvironment = required(options, "to-env");
  const target = fileOfEnvironment(dir, toEnvironment);
  const source = locateAccount(dir, name);
  if (source.file === target) throw new RequestError(`${name} is already in ${target}`);
  const config = await loadConfigBeforeEdit(dir, today);
  const current = entryOf(config, name)!;
  if (current.movedFrom !== undefined) {
    throw new RequestError(
      `${name} is still moving from ${current.movedFrom} to ${source.environment} (movedFrom in ${source.file}). Apply that move, run npm run account -- moved --name ${name}, then move it again; to call off a move that is not applied, revert its change to config.`,
    );
  }
  const id = current.id ?? options.id;
  if (id === undefined) {
    throw new RequestError(
      `--id is required: ${name} was created by the landing zone, so config has no id for the ${toEnvironment} stack to import it by. Pass --id with its 12-digit id (aws organizations list-accounts --query "Accounts[?Name=='${name}'].Id"); it is kept in config.`,
    );
  }
  if (current.id !== undefined && options.id !== undefined && options.id !== current.id) {
    throw new RequestError(
      `${name} has id ${current.id} in ${source.file}, not ${options.id}; leave out --id or correct it.`,
    );
  }
  const { text, removed } = removeAccount(readConfigFile(dir, source.file), source.index);
  let moved = appendAccountLines(readConfigFile(dir, target), removed);
  const index = findAccount(moved, name);
  if (current.id === undefined) moved = setAccountField(moved, index, "id", id);
  moved = setAccountField(moved, index, "movedFrom", source.environment);
  const vpcs = movedVpcBlocks(config, name, source.environment, toEnvironment);
  if (vpcs.blocks) moved = setVpcBlocks(moved, name, blocksByRegion(vpcs.blocks));
  const edits = new Map([
    [source.file, removeVpcBlocks(text, name)],
    [target, moved],
  ]);
  const { before, after } = await commitConfigEdits(dir, edits, today, config);
  return [
    `Moved ${name} from ${source.file} to ${target}${current.id === undefined ? `, with its id ${id}` : ""}, and wrote movedFrom: ${source.environment} on it.`,
    "Terraform state, until the move is applied:",
    `  - stack ${environmentStackName(source.environment)}: a removed block (lifecycle destroy = false) forgets the account without destroying it`,
    `  - stack ${environmentStackName(toEnvironment)}: an import block adopts account ${id} instead of creating one`,
    ...vpcs.report,
    differenceReport(before, after, name),
    "",
    `Next: commit and open a pull request; its plans show the account forgotten in ${environmentStackName(source.environment)} and imported into ${environmentStackName(toEnvironment)}${vpcs.changesVpcs ? ", and the VPC changes above in its baseline" : ", with nothing destroyed or created"}. Once both stacks are applied, remove the movedFrom line: npm run account -- moved --name ${name} (or delete it by hand).`,
  ].join("\n");
}

/** Ends a move once it is applied: removes movedFrom, and with it the removed block. */
async function endMove(dir: string, options: Options, today: string): Promise<string> {
  const name = required(options, "name");
  const { environment, file, index } = locateAccount(dir, name);
  const config = await loadConfigBeforeEdit(dir, today);
  const from = entryOf(config, name)!.movedFrom;
  if (from === undefined)
    throw new RequestError(`${name} is not moving: ${file} has no movedFrom on it.`);
  const text = deleteAccountField(readConfigFile(dir, file), index, "movedFrom");
  await commitConfigEdits(dir, new Map([[file, text]]), today, config);
  return [
    `Removed movedFrom: ${from} from ${name} in ${file}.`,
    `Stack ${environmentStackName(from)} no longer has the removed block; ${environmentStackName(environment)} manages the account, and keeps its id (${entryOf(config, name)!.id}) in config.`,
    `Do this only once both stacks are applied: until ${environmentStackName(from)} has forgotten the account, its plan would try to destroy it and fail on prevent_destroy.`,
  ].join("\n");
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
  const current = entryOf(config, name);
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
        account.lifecycle?.state ??
          (account.movedFrom === undefined ? "active" : `moving from ${account.movedFrom}`),
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
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new RequestError(
      `LZ_CONFIG_DIR is ${dir}, which is not a folder. Point it at the folder that holds organization.yaml and the environment files.`,
    );
  const today = reproducibleToday(env);
  switch (command) {
    case "add":
      return addAccount(dir, options, today, false);
    case "import":
      return addAccount(dir, options, today, true);
    case "move":
      return moveAccount(dir, options, today);
    case "moved":
      return endMove(dir, options, today);
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
  // Each command synthesizes the organization to check the edit, as npm run synth does.
  skipTokenStackTraces();
  runAccountCommand(process.argv.slice(2), process.env)
    .then((output) => process.stdout.write(`${output}\n`))
    .catch((error: unknown) => exitWithError(error, [RequestError, ConfigError]));
}
