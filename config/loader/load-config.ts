import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, resolve } from "node:path";
import type { z } from "zod";
import { checkAccountContacts } from "../checks/account-contacts";
import { checkAccountMoves } from "../checks/account-moves";
import { checkAddressOverlaps } from "../checks/address-overlaps";
import { checkBudgets } from "../checks/budgets";
import { checkEnvironments } from "../checks/environments";
import { checkEvidence } from "../checks/evidence";
import { checkIdentity } from "../checks/identity";
import { checkIpamPools } from "../checks/ipam-pools";
import { checkBackupPolicies } from "../checks/backup-policies";
import { checkLogging } from "../checks/logging";
import { checkQuarantineOu } from "../checks/quarantine-ou";
import { checkMacieMembers } from "../checks/macie-members";
import { checkNetworkAddressing } from "../checks/network-addressing";
import { checkNetworkSettings } from "../checks/network-settings";
import { checkOptInRegions } from "../checks/opt-in-regions";
import { checkBaseline } from "../checks/baseline";
import { checkOrganizationalUnitTree } from "../checks/organizational-unit-tree";
import { checkOuReferences } from "../checks/ou-references";
import { checkRegions } from "../checks/regions";
import type { PartialConfig, SemanticCheck } from "../checks/semantic-check";
import { checkUniqueAccounts } from "../checks/unique-accounts";
import type { LandingZoneConfig, SourcedConfig } from "../model/landing-zone-config";
import { EnvironmentConfigSchema } from "../schema/environment-schema";
import type { EnvironmentConfig } from "../schema/environment-schema";
import { OrganizationConfigSchema } from "../schema/organization-schema";
import { IdentityConfigSchema } from "../schema/identity-schema";
import type { IdentityConfig } from "../schema/identity-schema";
import type { OrganizationConfig } from "../schema/organization-schema";
import { compareProblems, ConfigError } from "./config-problem";
import { applyOrganizationDefaults } from "./cross-file-defaults";
import type { ConfigProblem } from "./config-problem";
import { ifReadable, salvage, UnreadableValue } from "./salvage";
import { parseYamlSource } from "./yaml-source";
import type { YamlSource } from "./yaml-source";
import { describeIssue, issuesToProblems } from "./zod-problems";

export const ORGANIZATION_FILE = "organization.yaml";
/** Optional: IAM Identity Center groups, permission sets and assignments. */
export const IDENTITY_FILE = "identity.yaml";

/** The folder the example organization ships in; LZ_CONFIG_DIR points elsewhere. */
export const DEFAULT_CONFIG_DIR = resolve(__dirname, "..", "..", "environments");

const SEMANTIC_CHECKS: readonly SemanticCheck[] = [
  checkOrganizationalUnitTree,
  checkOuReferences,
  checkRegions,
  checkUniqueAccounts,
  checkEnvironments,
  checkIdentity,
  checkLogging,
  checkEvidence,
  checkBaseline,
  checkBackupPolicies,
  checkQuarantineOu,
  checkMacieMembers,
  checkAccountMoves,
  checkOptInRegions,
  checkNetworkSettings,
  checkNetworkAddressing,
  checkIpamPools,
  checkAddressOverlaps,
  checkBudgets,
  checkAccountContacts,
];

/**
 * Reads organization.yaml and one YAML file per environment from `dir`, and validates them
 * completely. Throws a ConfigError listing every problem found, never just the first.
 */
export function loadLandingZoneConfig(
  dir: string = DEFAULT_CONFIG_DIR,
  /** Checks of layers above the config, such as suppressions naming real rules. */
  extraChecks: readonly SemanticCheck[] = [],
): LandingZoneConfig {
  const { config, problems, locate } = readConfig(dir, extraChecks);
  if (problems.length > 0 || !config) throw new ConfigError(locate(problems));
  return config;
}

/**
 * A check that needs the whole config and asynchronous data (such as the IAM catalogue). When
 * other problems were found, it runs on what is readable of the config, as semantic checks do.
 */
export type AsyncConfigCheck = (config: LandingZoneConfig) => Promise<ConfigProblem[]>;

/** As loadLandingZoneConfig, then the asynchronous checks, reported the same way. */
export async function loadCheckedLandingZoneConfig(
  dir: string,
  extraChecks: readonly SemanticCheck[],
  asyncChecks: readonly AsyncConfigCheck[],
): Promise<LandingZoneConfig> {
  const { config, partial, problems, locate } = readConfig(dir, extraChecks);
  // With problems found already, these checks still run on what is readable, so one run says everything.
  const checkable = config ?? checkableWhole(partial);
  const later = checkable
    ? (
        await Promise.all(
          asyncChecks.map((check) =>
            Promise.resolve(checkable)
              .then(check)
              .catch((error: unknown) => {
                if (error instanceof UnreadableValue) return [];
                throw error;
              }),
          ),
        )
      ).flat()
    : [];
  if (problems.length > 0 || later.length > 0 || !config)
    throw new ConfigError(locate([...problems, ...later]));
  return config;
}

/** The config as the synchronous checks saw it, when every file could be read. */
function checkableWhole(partial: PartialConfig): LandingZoneConfig | undefined {
  const { organization, everyFileParsed, ...rest } = partial;
  return organization && everyFileParsed ? { ...rest, organization } : undefined;
}

interface ConfigReading {
  readonly config: LandingZoneConfig | undefined;
  /** What the checks saw: when a file failed its schema, the values in it that passed. */
  readonly partial: PartialConfig;
  readonly problems: readonly ConfigProblem[];
  /** Adds line numbers and sorts, for problems found in these files. */
  readonly locate: (problems: readonly ConfigProblem[]) => ConfigProblem[];
}

function readConfig(dir: string, extraChecks: readonly SemanticCheck[]): ConfigReading {
  const sourceDir = resolve(dir);
  const shown = (file: string) => {
    const fromHere = relative(process.cwd(), join(sourceDir, file));
    return fromHere.startsWith("..") ? join(sourceDir, file) : fromHere;
  };
  if (!existsSync(sourceDir) || !statSync(sourceDir).isDirectory()) {
    throw new ConfigError([
      {
        file: dir,
        path: [],
        message: "is not a folder",
        fix: "Point LZ_CONFIG_DIR at the folder that holds organization.yaml and the environment files.",
      },
    ]);
  }
  const yamlFiles = readdirSync(sourceDir)
    .filter((name) => [".yaml", ".yml"].includes(extname(name)))
    .sort();
  if (!yamlFiles.includes(ORGANIZATION_FILE)) {
    throw new ConfigError([
      {
        file: shown(ORGANIZATION_FILE),
        path: [],
        message: "is missing",
        fix: `Create ${ORGANIZATION_FILE} in ${shown(".")}; the example in environments/ shows every key.`,
      },
    ]);
  }

  const sources = yamlFiles.map((name) =>
    parseYamlSource(shown(name), readFileSync(join(sourceDir, name), "utf8")),
  );
  const problems: ConfigProblem[] = sources.flatMap((source) => source.syntaxProblems);
  let everyFileParsed = problems.length === 0;
  /**
   * The file's config; when it fails the schema, the problems, and the values that passed for the
   * checks to go on with: problems in one file must not hide those of another.
   */
  const validate = <T>(source: YamlSource, schema: z.ZodType<T>): SourcedConfig<T> | undefined => {
    if (source.syntaxProblems.length > 0) return undefined;
    const input = source.data ?? {};
    const result = schema.safeParse(input, { reportInput: true, error: describeIssue });
    if (result.success) return { file: source.file, config: result.data };
    problems.push(...issuesToProblems(source.file, schema, result.error.issues));
    const readable = salvage(schema, input);
    if (readable === undefined) everyFileParsed = false;
    return readable === undefined ? undefined : { file: source.file, config: readable };
  };
  const organization = validate<OrganizationConfig>(
    sources[yamlFiles.indexOf(ORGANIZATION_FILE)],
    OrganizationConfigSchema,
  );
  const identityIndex = yamlFiles.indexOf(IDENTITY_FILE);
  const identity =
    identityIndex >= 0
      ? validate<IdentityConfig>(sources[identityIndex], IdentityConfigSchema)
      : undefined;
  const environments = sources
    .filter(
      (_, index) => yamlFiles[index] !== ORGANIZATION_FILE && yamlFiles[index] !== IDENTITY_FILE,
    )
    .map((source) => validate<EnvironmentConfig>(source, EnvironmentConfigSchema))
    .filter((environment) => environment !== undefined);
  for (const environment of environments) applyOrganizationDefaults(environment, organization);

  const partial: PartialConfig = {
    sourceDir,
    organization,
    identity,
    environments,
    everyFileParsed,
  };
  problems.push(
    ...[...SEMANTIC_CHECKS, ...extraChecks].flatMap((check) =>
      ifReadable(() => check(partial), []),
    ),
  );
  const lineOf = new Map(sources.map((source) => [source.file, source.lineOf]));
  const locate = (found: readonly ConfigProblem[]) =>
    found
      .map((problem) =>
        problem.line === undefined
          ? { ...problem, line: lineOf.get(problem.file)?.(problem.path) }
          : problem,
      )
      .sort(compareProblems);
  const config =
    problems.length === 0 && organization
      ? deepFreeze({ sourceDir, organization, identity, environments })
      : undefined;
  return { config, partial, problems, locate };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
