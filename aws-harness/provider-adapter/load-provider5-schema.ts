import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  AWS_PROVIDER_SOURCE,
  parseProviderSchemaJson,
  type ProviderSchema,
} from "./provider-schema";

export interface LoadProvider5SchemaOptions {
  /** Path of the terraform binary to run. */
  readonly terraformBinary: string;
  /**
   * CLI configuration that installs the provider from the filesystem mirror. It replaces any
   * TF_CLI_CONFIG_FILE in the environment (which may point at a file that doesn't exist).
   */
  readonly cliConfigFile: string;
  /** Folder for a one-file root module and its `.terraform`; created when missing. */
  readonly scratchDir: string;
  /**
   * The exact 5.x version to require; it must be in the mirror.
   * @default "5.100.0"
   */
  readonly providerVersion?: string;
}

/** `terraform providers schema -json` prints the whole AWS schema (13 MB for 5.100.0). */
const SCHEMA_OUTPUT_LIMIT = 512 * 1024 * 1024;

/**
 * Reads the 5.x AWS provider's schema from the real binary: writes a root module that
 * requires exactly that version, runs `terraform init`, checks which version Terraform
 * selected, and parses `terraform providers schema -json`. Runs terraform directly (no
 * shell) and caches nothing; call it once per harness run.
 */
export function loadProvider5Schema(options: LoadProvider5SchemaOptions): ProviderSchema {
  const version = options.providerVersion ?? "5.100.0";
  if (!/^5\.\d+\.\d+$/.test(version)) {
    throw new Error(`loadProvider5Schema: expected an exact 5.x version, got "${version}"`);
  }
  mkdirSync(options.scratchDir, { recursive: true });
  const rootModule = {
    terraform: { required_providers: { aws: { source: "hashicorp/aws", version } } },
  };
  writeFileSync(join(options.scratchDir, "main.tf.json"), `${JSON.stringify(rootModule)}\n`);

  const terraform = (args: string[]) => runTerraform(options, args);
  terraform(["init", "-input=false", "-no-color", "-backend=false"]);
  const versionJson = JSON.parse(terraform(["version", "-json"])) as {
    provider_selections?: Record<string, string>;
  };
  const selected = versionJson.provider_selections?.[AWS_PROVIDER_SOURCE];
  if (selected !== version) {
    throw new Error(
      `loadProvider5Schema: terraform init in ${options.scratchDir} selected ${AWS_PROVIDER_SOURCE} ${JSON.stringify(selected)}, expected ${version}`,
    );
  }
  const schemaJson: unknown = JSON.parse(terraform(["providers", "schema", "-json"]));
  return parseProviderSchemaJson(schemaJson, AWS_PROVIDER_SOURCE, selected);
}

function runTerraform(options: LoadProvider5SchemaOptions, args: string[]): string {
  const result = spawnSync(options.terraformBinary, args, {
    cwd: options.scratchDir,
    encoding: "utf8",
    maxBuffer: SCHEMA_OUTPUT_LIMIT,
    env: {
      ...process.env,
      TF_CLI_CONFIG_FILE: options.cliConfigFile,
      TF_INPUT: "0",
      TF_IN_AUTOMATION: "1",
      // No version check against checkpoint-api.hashicorp.com; the machine has no registry access.
      CHECKPOINT_DISABLE: "1",
    },
  });
  if (result.error !== undefined) {
    throw new Error(
      `loadProvider5Schema: could not run ${options.terraformBinary} ${args.join(" ")}: ${result.error.message}`,
    );
  }
  if (result.status !== 0) {
    throw new Error(
      `loadProvider5Schema: ${options.terraformBinary} ${args.join(" ")} exited with ${result.status ?? result.signal} in ${options.scratchDir}:\n${result.stderr}${result.stdout}`,
    );
  }
  return result.stdout;
}
