import { z } from "zod";
import { EnvironmentConfigSchema } from "./environment-schema";
import { IdentityConfigSchema } from "./identity-schema";
import { OrganizationConfigSchema } from "./organization-schema";

export type JsonSchema = {
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  [key: string]: unknown;
};

/** The committed JSON Schemas editors use; generated from the same zod source as the types. */
export const JSON_SCHEMA_FILES = {
  "organization.schema.json": OrganizationConfigSchema,
  "environment.schema.json": EnvironmentConfigSchema,
  "identity.schema.json": IdentityConfigSchema,
} as const;

export function toJsonSchema(schema: z.ZodType): JsonSchema {
  // "input" describes what a user may write: keys with defaults are optional there.
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

/** The sub-schema that describes the value at `path`, following $refs, or undefined. */
export function jsonSchemaAt(
  root: JsonSchema,
  path: readonly PropertyKey[],
): JsonSchema | undefined {
  const resolve = (node: JsonSchema | undefined): JsonSchema | undefined =>
    node?.$ref?.startsWith("#/$defs/") ? root.$defs?.[node.$ref.slice("#/$defs/".length)] : node;
  let node = resolve(root);
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === "number") node = resolve(node.items);
    else if (node.properties && String(segment) in node.properties)
      node = resolve(node.properties[String(segment)]);
    else if (typeof node.additionalProperties === "object")
      node = resolve(node.additionalProperties);
    else return undefined;
  }
  return node;
}
