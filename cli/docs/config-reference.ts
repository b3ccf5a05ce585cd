import type { JsonSchema } from "../../config/schema/json-schemas";
import { markdownTable } from "../../compliance/evidence/markdown-table";

/** One key of a config file, as the reference table shows it. */
export interface ReferenceRow {
  /** Path from the file's top: `guardrails.backupPolicies[].selectionTag.key`. */
  readonly key: string;
  readonly type: string;
  readonly required: string;
  readonly defaultValue: string;
  readonly description: string;
}

/** Where a map's own keys go in a path: `guardrails.attachments.<name>`. */
const MAP_KEY = "<name>";
/** zod writes Number.MAX_SAFE_INTEGER as the maximum of a bare `.int()`: no real bound. */
const NO_BOUND = Number.MAX_SAFE_INTEGER;

/**
 * Every key a config file may hold, depth first in the schema's order, from the JSON Schema that
 * zod generates (`config/schema/json-schemas.ts`). `required` is about the key's own object: a
 * required key inside an optional section is required only when the section is there.
 */
export function configReferenceRows(root: JsonSchema): ReferenceRow[] {
  const rows: ReferenceRow[] = [];
  const resolve = (node: JsonSchema): JsonSchema => {
    if (!node.$ref?.startsWith("#/$defs/")) return node;
    const { $ref, ...overrides } = node;
    return { ...root.$defs?.[$ref.slice("#/$defs/".length)], ...overrides };
  };

  const addKeys = (
    object: JsonSchema,
    path: string,
    refs: readonly string[],
    requiredLabel = "yes",
  ) => {
    const required = Array.isArray(object.required) ? (object.required as string[]) : [];
    for (const [name, child] of Object.entries(object.properties ?? {})) {
      const key = path === "" ? name : `${path}.${name}`;
      const node = resolve(child);
      rows.push(row(key, node, required.includes(name) ? requiredLabel : "no", resolve));
      descend(child, key, refs);
    }
  };

  const descend = (child: JsonSchema, path: string, refs: readonly string[]) => {
    // A schema that contains itself (an OU's children) is described once, where it first appears.
    if (child.$ref !== undefined && refs.includes(child.$ref)) return;
    const inner = child.$ref === undefined ? refs : [...refs, child.$ref];
    const node = resolve(child);
    if (node.properties) addKeys(node, path, inner);
    for (const alternative of alternativesOf(node))
      addKeys(resolve(alternative), path, inner, "yes, in this form");
    if (node.type === "array" && node.items) descend(node.items, `${path}[]`, inner);
    if (typeof node.additionalProperties === "object") {
      const value = resolve(node.additionalProperties);
      const described = value.description ?? value.items?.description;
      if (value.properties || described !== undefined) {
        const key = `${path}.${MAP_KEY}`;
        rows.push(row(key, value, "no", resolve));
        descend(node.additionalProperties, key, inner);
      }
    }
  };

  descend(root, "", []);
  return rows;
}

/** The reference of one config file as a Markdown table. */
export function configReferenceTable(root: JsonSchema): string[] {
  return markdownTable(
    ["key", "type", "required", "default", "description"],
    configReferenceRows(root).map((entry) => [
      `\`${entry.key}\``,
      entry.type,
      entry.required,
      entry.defaultValue,
      entry.description,
    ]),
  );
}

function row(
  key: string,
  node: JsonSchema,
  required: string,
  resolve: (node: JsonSchema) => JsonSchema,
): ReferenceRow {
  return {
    key,
    type: typeOf(node, resolve),
    required,
    defaultValue: defaultOf(node),
    description: node.description ?? (node.items && resolve(node.items).description) ?? "",
  };
}

function alternativesOf(node: JsonSchema): JsonSchema[] {
  return Array.isArray(node.anyOf) ? (node.anyOf as JsonSchema[]) : [];
}

/** The value's type in a few words: `list of string (at least 1)`, `integer, 0–360`. */
function typeOf(node: JsonSchema, resolve: (node: JsonSchema) => JsonSchema): string {
  if (Array.isArray(node.enum))
    return node.enum.map((value: unknown) => `\`${String(value)}\``).join(", ");
  if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
  const alternatives = alternativesOf(node);
  if (alternatives.length > 0)
    return alternatives
      .map((alternative) => {
        const resolved = resolve(alternative);
        return resolved.properties
          ? `\`{ ${Object.keys(resolved.properties).join(", ")} }\``
          : typeOf(resolved, resolve);
      })
      .join(" or ");
  switch (node.type) {
    case "string":
      return stringType(node);
    case "integer":
    case "number":
      return `${node.type}${range(node)}`;
    case "boolean":
      return "boolean";
    case "array": {
      const items = node.items ? typeOf(resolve(node.items), resolve) : "any";
      return `list of ${items}${typeof node.minItems === "number" && node.minItems > 0 ? ` (at least ${node.minItems})` : ""}`;
    }
    case "object":
      if (!node.properties && typeof node.additionalProperties === "object")
        return `map of ${typeOf(resolve(node.additionalProperties), resolve)}`;
      return "object";
    default:
      return "any";
  }
}

function stringType(node: JsonSchema): string {
  if (node.format === "email") return "email address";
  if (node.format === "date") return "date (YYYY-MM-DD)";
  const min = typeof node.minLength === "number" ? node.minLength : 0;
  const max = typeof node.maxLength === "number" ? node.maxLength : undefined;
  if (max !== undefined) return `string, ${Math.max(min, 1)}–${max} characters`;
  if (min > 1) return `string, at least ${min} characters`;
  return "string";
}

function range(node: JsonSchema): string {
  const max =
    typeof node.maximum === "number" && node.maximum < NO_BOUND ? node.maximum : undefined;
  const exclusive = typeof node.exclusiveMinimum === "number" ? node.exclusiveMinimum : undefined;
  const min =
    typeof node.minimum === "number"
      ? node.minimum
      : exclusive !== undefined && node.type === "integer"
        ? exclusive + 1
        : undefined;
  if (min !== undefined && max !== undefined) return `, ${min}–${max}`;
  if (min !== undefined) return ` ≥ ${min}`;
  if (exclusive !== undefined) return ` > ${exclusive}`;
  if (max !== undefined) return ` ≤ ${max}`;
  return "";
}

/** The default as YAML would spell it; an object with keys of its own defers to theirs. */
function defaultOf(node: JsonSchema): string {
  const value = node.default;
  if (value === undefined) return "";
  if (node.properties && typeof value === "object" && value !== null && Object.keys(value).length)
    return "its keys' defaults";
  if (typeof value === "string") return value === "" ? '`""`' : `\`${value}\``;
  return `\`${JSON.stringify(value)}\``;
}
