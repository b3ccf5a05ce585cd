import type { StackReport } from "./adaptation-report";
import type { AttributeSchema, BlockSchema, NestedBlockSchema } from "./provider-schema";
import type { SixOnlyAttribute } from "./six-only-allowlist";
import { blockInstances, isJsonObject, type AwsBlock, type JsonObject } from "./terraform-json";

/** Terraform's own arguments on resources and data sources; no provider schema lists them. */
const META_ARGUMENTS = [
  "count",
  "for_each",
  "provider",
  "depends_on",
  "lifecycle",
  "provisioner",
  "connection",
];

/** moveRegionToProvider owns `region` and reports every one it leaves in place. */
const SKIPPED_TOP_LEVEL_KEYS = new Set([...META_ARGUMENTS, "region"]);

/** Terraform's own arguments on a provider block. */
const PROVIDER_META_ARGUMENTS = new Set(["alias", "version"]);

/** Terraform JSON ignores a "//" property in any block; cdktf writes its metadata there. */
const COMMENT = "//";

/**
 * Called for a key the schema doesn't know (or knows only as read-only), with the path that
 * names it in messages.
 */
type OnUnknown = (body: JsonObject, key: string, path: string, readOnly?: boolean) => void;

/**
 * Checks a resource's or data source's arguments and nested blocks, recursively, against the
 * 5.x schema. An unknown argument fails unless the allowlist names it; allowlisted ones are
 * dropped (only with their protective value when they carry a protection) and reported.
 */
export function checkBlockAgainstSchema(
  block: AwsBlock,
  typeSchema: BlockSchema,
  version: string,
  allowlist: readonly SixOnlyAttribute[],
  report: StackReport,
): void {
  const reportUnknown = unknownReporter(block.address, block.type, version, report);
  const onTopLevelUnknown: OnUnknown = (body, key, path, readOnly) => {
    const entry =
      block.kind === "resource" && !readOnly
        ? allowlist.find((it) => it.resourceType === block.type && it.attribute === key)
        : undefined;
    if (entry === undefined) reportUnknown(body, key, path, readOnly);
    else dropAllowlisted(block.address, body, entry, report);
  };
  checkBody(block.body, typeSchema, "", SKIPPED_TOP_LEVEL_KEYS, onTopLevelUnknown, reportUnknown);
}

/** Checks one provider configuration (`provider.aws` or `provider.aws.<alias>`); no allowlist. */
export function checkProviderAgainstSchema(
  address: string,
  configuration: JsonObject,
  providerSchema: BlockSchema,
  version: string,
  report: StackReport,
): void {
  const reportUnknown = unknownReporter(address, "the provider block", version, report);
  checkBody(
    configuration,
    providerSchema,
    "",
    PROVIDER_META_ARGUMENTS,
    reportUnknown,
    reportUnknown,
  );
}

function checkBody(
  body: JsonObject,
  schema: BlockSchema,
  path: string,
  metaArguments: ReadonlySet<string>,
  onUnknown: OnUnknown,
  onNestedUnknown: OnUnknown,
): void {
  for (const [key, value] of Object.entries(body)) {
    const at = path === "" ? key : `${path}.${key}`;
    if (key === COMMENT || metaArguments.has(key)) continue;
    if (key === "dynamic") {
      checkDynamicBlocks(body, schema, at, onNestedUnknown);
    } else if (Object.hasOwn(schema.attributes, key)) {
      checkAttribute(body, key, schema.attributes[key], at, onNestedUnknown);
    } else if (Object.hasOwn(schema.blocks, key)) {
      checkNested(value, schema.blocks[key], at, onNestedUnknown);
    } else {
      onUnknown(body, key, at);
    }
  }
}

function checkAttribute(
  body: JsonObject,
  key: string,
  attribute: AttributeSchema,
  path: string,
  onUnknown: OnUnknown,
): void {
  if (!attribute.configurable) {
    // 5.x knows the name but only as an output; Terraform would reject the configured value.
    onUnknown(body, key, path, true);
  } else if (attribute.nested !== undefined) {
    checkNested(body[key], attribute.nested, path, onUnknown);
  }
}

/** Interpolation strings and nulls yield no instances: nothing in them to check. */
function checkNested(
  value: JsonObject[string],
  schema: NestedBlockSchema,
  path: string,
  onUnknown: OnUnknown,
): void {
  const labelled =
    schema.nesting === "map" && isJsonObject(value)
      ? Object.entries(value).map(([label, instances]) => ({ label: `.${label}`, instances }))
      : [{ label: "", instances: value }];
  for (const { label, instances } of labelled) {
    for (const { body, suffix } of blockInstances(instances)) {
      checkBody(body, schema, `${path}${label}${suffix}`, new Set(), onUnknown, onUnknown);
    }
  }
}

/** `"dynamic": {"<block type>": {"for_each": ..., "content": {...}}}`, one or a list per type. */
function checkDynamicBlocks(
  body: JsonObject,
  schema: BlockSchema,
  path: string,
  onUnknown: OnUnknown,
): void {
  const dynamic = body["dynamic"];
  if (!isJsonObject(dynamic)) return;
  for (const [blockType, specs] of Object.entries(dynamic)) {
    if (!Object.hasOwn(schema.blocks, blockType)) {
      onUnknown(dynamic, blockType, `${path}.${blockType}`);
      continue;
    }
    for (const { body: spec, suffix } of blockInstances(specs)) {
      checkNested(
        spec["content"],
        schema.blocks[blockType],
        `${path}.${blockType}${suffix}.content`,
        onUnknown,
      );
    }
  }
}

function dropAllowlisted(
  address: string,
  body: JsonObject,
  entry: SixOnlyAttribute,
  report: StackReport,
): void {
  const value = body[entry.attribute];
  const shown = `${entry.attribute} = ${JSON.stringify(value)}`;
  const effect = entry.securityEffect;
  if (effect === "none") {
    delete body[entry.attribute];
    report.adapted(
      address,
      "six-only-attribute-dropped",
      `dropped 6.x-only ${shown}: ${entry.sixOnlyBecause}; security effect: none`,
    );
  } else if (value === effect.protectiveValue) {
    delete body[entry.attribute];
    report.adapted(
      address,
      "six-only-attribute-dropped",
      `dropped 6.x-only ${shown}: ${entry.sixOnlyBecause}. UNPROVEN ON 5.x: ${effect.protects}`,
      effect.protects,
    );
  } else {
    report.failed(
      address,
      entry.attribute,
      `is 6.x-only (${entry.sixOnlyBecause}) and the allowlist lets it go only with its protective value ${JSON.stringify(effect.protectiveValue)}, got ${JSON.stringify(value)}`,
    );
  }
}

function unknownReporter(
  address: string,
  owner: string,
  version: string,
  report: StackReport,
): OnUnknown {
  return (_body, _key, path, readOnly) =>
    report.failed(
      address,
      path,
      readOnly
        ? `is read-only (computed) for ${owner} in the AWS provider ${version} schema, so 5.x can't take a configured value`
        : `is not in the AWS provider ${version} schema for ${owner}, nor on the 6.x-only allowlist; the adapter knows no 5.x form for it`,
    );
}
