import { StackReport, type AdaptationReport } from "./adaptation-report";
import { checkBlockAgainstSchema, checkProviderAgainstSchema } from "./check-against-schema";
import { moveRegionToProvider, RegionalProviderCopies } from "./move-region-to-provider";
import type { BlockSchema, ProviderSchema } from "./provider-schema";
import { SIX_ONLY_ATTRIBUTES, type SixOnlyAttribute } from "./six-only-allowlist";
import {
  AWS_PROVIDER,
  awsBlocks,
  blockInstances,
  isJsonObject,
  type TerraformJson,
} from "./terraform-json";

export interface StackToAdapt {
  /** The stack's name, as in `cdktf.out/stacks/<name>`; every report entry carries it. */
  readonly name: string;
  readonly json: TerraformJson;
}

export interface AdaptedStack {
  /** A new object; the input is left untouched. */
  readonly json: TerraformJson;
  readonly report: AdaptationReport;
}

/**
 * Top-level sections the adapter reads (or that hold no provider arguments). Anything else,
 * such as `module`, `check` or `ephemeral`, could hide 6.x-only arguments, so it fails.
 */
const INSPECTED_SECTIONS = new Set([
  "//",
  "terraform",
  "provider",
  "resource",
  "data",
  "variable",
  "output",
  "locals",
  "import",
  "moved",
  "removed",
]);

/**
 * Rewrites one synthesized stack for the 5.x AWS provider, only where its 6.x syntax has a
 * 5.x form: a per-resource `region` becomes an aliased provider configuration, and the
 * version constraint names the installed 5.x version. Everything the 5.x schema doesn't know
 * fails (and stays in the JSON, so Terraform fails too), except entries of the 6.x-only
 * allowlist, which are dropped and reported. Same input, same output, byte for byte.
 */
export function adaptStackToProvider5(
  stack: StackToAdapt,
  schema5: ProviderSchema,
  /** @default SIX_ONLY_ATTRIBUTES */
  allowlist: readonly SixOnlyAttribute[] = SIX_ONLY_ATTRIBUTES,
): AdaptedStack {
  if (!schema5.version.startsWith("5.")) {
    throw new Error(
      `adaptStackToProvider5 needs the schema of a 5.x AWS provider, got version ${schema5.version}`,
    );
  }
  const json = structuredClone(stack.json);
  const report = new StackReport(stack.name);

  for (const section of Object.keys(json).filter((key) => !INSPECTED_SECTIONS.has(key))) {
    report.failed(
      section,
      undefined,
      `"${section}" blocks are not inspected by the adapter, so 6.x-only arguments in them would go unnoticed`,
    );
  }
  pinProviderVersion(json, schema5.version, report);
  for (const { body } of blockInstances(providerSection(json))) {
    const alias = typeof body["alias"] === "string" ? `.${body["alias"]}` : "";
    const address = `provider.${AWS_PROVIDER}${alias}`;
    checkProviderAgainstSchema(address, body, schema5.provider, schema5.version, report);
  }

  // Copies are taken from the configurations checked above and written in only at the end.
  const copies = new RegionalProviderCopies(json);
  for (const block of awsBlocks(json)) {
    const types = block.kind === "resource" ? schema5.resources : schema5.dataSources;
    const typeSchema: BlockSchema | undefined = Object.hasOwn(types, block.type)
      ? types[block.type]
      : undefined;
    if (typeSchema === undefined) {
      report.failed(
        block.address,
        undefined,
        `${block.kind === "resource" ? "resource" : "data source"} type ${block.type} is not in the AWS provider ${schema5.version} schema`,
      );
      continue;
    }
    moveRegionToProvider(block, typeSchema, copies, report);
    checkBlockAgainstSchema(block, typeSchema, schema5.version, allowlist, report);
  }
  copies.writeInto(json, report);

  return { json, report: report.toReport() };
}

/**
 * The constraint says 6.x; the harness installs one 5.x version, so the constraint names it
 * exactly (the object form `{source, version}` and the legacy string form alike).
 */
function pinProviderVersion(json: TerraformJson, version: string, report: StackReport): void {
  const terraform = json["terraform"];
  const required = isJsonObject(terraform) ? terraform["required_providers"] : undefined;
  if (!isJsonObject(required) || !Object.hasOwn(required, AWS_PROVIDER)) return;
  const aws = required[AWS_PROVIDER];
  const was = isJsonObject(aws) ? aws["version"] : aws;
  if (was === version) return;
  if (isJsonObject(aws)) aws["version"] = version;
  else required[AWS_PROVIDER] = version;
  report.adapted(
    `terraform.required_providers.${AWS_PROVIDER}`,
    "provider-version-pinned",
    `version constraint ${JSON.stringify(was)} -> ${JSON.stringify(version)}, the installed 5.x provider`,
  );
}

function providerSection(json: TerraformJson) {
  const section = json["provider"];
  return isJsonObject(section) ? section[AWS_PROVIDER] : undefined;
}
