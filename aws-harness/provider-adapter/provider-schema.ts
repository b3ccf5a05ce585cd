/**
 * The part of `terraform providers schema -json` the adapter needs: which argument and nested
 * block names exist, recursively, for the provider block, each resource type and each data
 * source type. Types, descriptions and validation stay with Terraform, which checks them
 * again when the harness runs `terraform validate`.
 */
export interface ProviderSchema {
  /** Registry address, e.g. `registry.terraform.io/hashicorp/aws`. */
  readonly source: string;
  /** The installed version the schema was read from, e.g. `5.100.0`. */
  readonly version: string;
  readonly provider: BlockSchema;
  readonly resources: Readonly<Record<string, BlockSchema>>;
  readonly dataSources: Readonly<Record<string, BlockSchema>>;
}

export interface BlockSchema {
  readonly attributes: Readonly<Record<string, AttributeSchema>>;
  readonly blocks: Readonly<Record<string, NestedBlockSchema>>;
}

export interface AttributeSchema {
  /** False for computed-only attributes: they exist, but a configuration may not set them. */
  readonly configurable: boolean;
  /** Plugin-framework nested attributes (`nested_type`), which take objects like blocks do. */
  readonly nested?: NestedBlockSchema;
}

/** `map` nesting takes an object of labelled instances; the others take one object or a list. */
export type Nesting = "single" | "group" | "list" | "set" | "map";

export interface NestedBlockSchema extends BlockSchema {
  readonly nesting: Nesting;
}

export const AWS_PROVIDER_SOURCE = "registry.terraform.io/hashicorp/aws";

/**
 * Reduces the JSON printed by `terraform providers schema -json` to one provider's
 * {@link ProviderSchema}. The version is passed in because the schema JSON doesn't carry it.
 */
export function parseProviderSchemaJson(
  schemaJson: unknown,
  source: string,
  version: string,
): ProviderSchema {
  const root = expectObject(schemaJson, "schema JSON");
  const format = root["format_version"];
  if (typeof format !== "string" || !format.startsWith("1.")) {
    throw new Error(
      `provider schema: expected format_version 1.x (from terraform providers schema -json), got ${preview(format)}`,
    );
  }
  const providers = expectObject(root["provider_schemas"], "provider_schemas");
  if (!Object.hasOwn(providers, source)) {
    throw new Error(
      `provider schema: no schema for ${source}; found ${JSON.stringify(Object.keys(providers))}. Run terraform init in a folder that requires it first`,
    );
  }
  const provider = expectObject(providers[source], source);
  return {
    source,
    version,
    provider: parseBlock(expectObject(provider["provider"], "provider")["block"], "provider"),
    resources: parseTypes(provider["resource_schemas"], "resource_schemas"),
    dataSources: parseTypes(provider["data_source_schemas"], "data_source_schemas"),
  };
}

// Records are built with Object.fromEntries, which defines own properties, so even a key
// such as "__proto__" stays data; lookups elsewhere use Object.hasOwn for the same reason.

function parseTypes(value: unknown, where: string): Record<string, BlockSchema> {
  return Object.fromEntries(
    Object.entries(expectObject(value ?? {}, where)).map(([type, schema]) => [
      type,
      parseBlock(expectObject(schema, `${where}.${type}`)["block"], type),
    ]),
  );
}

function parseBlock(value: unknown, where: string): BlockSchema {
  const block = expectObject(value, where);
  const attributes = Object.entries(expectObject(block["attributes"] ?? {}, where)).map(
    ([name, raw]): [string, AttributeSchema] => [name, parseAttribute(raw, `${where}.${name}`)],
  );
  const blocks = Object.entries(expectObject(block["block_types"] ?? {}, where)).map(
    ([name, raw]): [string, NestedBlockSchema] => {
      const blockType = expectObject(raw, `${where}.${name}`);
      return [
        name,
        {
          nesting: parseNesting(blockType["nesting_mode"], `${where}.${name}`),
          ...parseBlock(blockType["block"], `${where}.${name}`),
        },
      ];
    },
  );
  return { attributes: Object.fromEntries(attributes), blocks: Object.fromEntries(blocks) };
}

function parseAttribute(value: unknown, where: string): AttributeSchema {
  const attribute = expectObject(value, where);
  const configurable = attribute["optional"] === true || attribute["required"] === true;
  if (attribute["nested_type"] === undefined) return { configurable };
  return { configurable, nested: parseNestedType(attribute["nested_type"], where) };
}

/** A nested attribute's type lists its attributes directly (no `block` wrapper, no blocks). */
function parseNestedType(value: unknown, where: string): NestedBlockSchema {
  const nestedType = expectObject(value, where);
  return {
    nesting: parseNesting(nestedType["nesting_mode"], where),
    ...parseBlock({ attributes: nestedType["attributes"] }, where),
  };
}

const NESTINGS: readonly Nesting[] = ["single", "group", "list", "set", "map"];

function parseNesting(value: unknown, where: string): Nesting {
  const nesting = NESTINGS.find((candidate) => candidate === value);
  if (nesting === undefined) {
    throw new Error(
      `provider schema: ${where}: expected nesting_mode ${NESTINGS.join("|")}, got ${preview(value)}`,
    );
  }
  return nesting;
}

function expectObject(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`provider schema: ${where}: expected an object, got ${preview(value)}`);
  }
  return value as Record<string, unknown>;
}

/** Enough of a malformed value to recognise it, without printing a 13 MB schema. */
function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
