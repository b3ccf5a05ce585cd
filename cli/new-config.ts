import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from "node:path";
import { DEFAULT_CONFIG_DIR } from "../config/loader/load-config";
import { exitWithError, UserError } from "./user-error";

const USAGE = "usage: npm run new-config -- <folder>";
const SCHEMAS_DIR = "schemas";
const SCHEMA_HEADER = /^# yaml-language-server: \$schema=(\S+)/;

/**
 * Points a YAML file's `yaml-language-server` header at the schema of the same name in the new
 * folder's own `schemas/`, so editors keep completing keys wherever the folder lives.
 */
export function withLocalSchema(text: string): string {
  const [first, ...rest] = text.split("\n");
  const header = SCHEMA_HEADER.exec(first);
  if (!header) return text;
  return [`# yaml-language-server: $schema=./${SCHEMAS_DIR}/${basename(header[1])}`, ...rest].join(
    "\n",
  );
}

const isData = (name: string) => [".yaml", ".yml", ".json"].includes(extname(name));

/**
 * Copies the config's data, every YAML and JSON file (the schemas, policy documents), and nothing
 * else a config folder of the user's may hold (notes, scripts). Returns the top-level entries
 * written.
 */
function copyData(from: string, to: string, top = true): string[] {
  const written: string[] = [];
  for (const name of readdirSync(from).sort()) {
    const source = join(from, name);
    if (statSync(source).isDirectory()) {
      if (copyData(source, join(to, name), false).length > 0) written.push(`${name}/`);
    } else if (isData(name)) {
      mkdirSync(to, { recursive: true });
      const text = readFileSync(source, "utf8");
      writeFileSync(
        join(to, name),
        top && extname(name) !== ".json" ? withLocalSchema(text) : text,
      );
      written.push(name);
    }
  }
  return written;
}

/**
 * `npm run new-config -- <folder>`: a new organization's config folder, copied from the example
 * (every YAML file, the JSON policy files they name, and the JSON Schemas). The folder must be new
 * or empty; it appears whole or not at all. Returns the names written.
 */
export function scaffoldConfig(folder: string, example: string = DEFAULT_CONFIG_DIR): string[] {
  const target = resolve(folder);
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0))
    throw new UserError(
      `${folder} already exists and is not an empty folder; new-config never overwrites. Name a new folder.`,
    );
  const fromExample = relative(resolve(example), target);
  if (!fromExample.startsWith("..") && !isAbsolute(fromExample))
    throw new UserError(`${folder} is inside the example ${example}; name a folder outside it.`);
  const staging = join(dirname(target), `.${basename(target)}.new-config-${process.pid}`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
  } catch (error) {
    throw new UserError(
      `Cannot create ${folder}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message} for ${staging}. Choose a folder you may write to.`,
    );
  }
  try {
    const written = copyData(example, staging);
    if (existsSync(target)) rmdirSync(target);
    renameSync(staging, target);
    return written;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (require.main === module) {
  try {
    const [folder, ...extra] = process.argv.slice(2);
    if (!folder || extra.length > 0 || folder.startsWith("-"))
      throw new UserError(`name one folder to create\n${USAGE}`);
    const written = scaffoldConfig(folder);
    process.stdout.write(
      `Created ${folder} from the example organization: ${written.join(", ")}.\n` +
        "Next: edit organization.yaml (name, management account, core accounts, emails), identity.yaml and one file per environment, " +
        `then check it with LZ_CONFIG_DIR=${folder} npm run synth.\n`,
    );
  } catch (error) {
    exitWithError(error);
  }
}
