import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PermissionSetConfig } from "../schema/identity-schema";

export type InlinePolicyReading =
  | { readonly kind: "none" }
  | { readonly kind: "document"; readonly document: Record<string, unknown> }
  | { readonly kind: "error"; readonly message: string };

/** A permission set's inline policy, from YAML or from a JSON file beside identity.yaml. */
export function readInlinePolicy(
  sourceDir: string,
  permissionSet: PermissionSetConfig,
): InlinePolicyReading {
  const inline = permissionSet.inlinePolicy;
  if (!inline) return { kind: "none" };
  if ("document" in inline) return { kind: "document", document: inline.document };
  const location = join(sourceDir, inline.file);
  if (!existsSync(location))
    return { kind: "error", message: "does not exist beside identity.yaml" };
  try {
    const document = JSON.parse(readFileSync(location, "utf8")) as Record<string, unknown>;
    return { kind: "document", document };
  } catch (error) {
    return { kind: "error", message: `is not JSON (${(error as Error).message.split("\n")[0]})` };
  }
}

/** Whether a policy document allows every action on every resource. */
export function allowsEverything(document: Record<string, unknown>): boolean {
  const statements = document.Statement;
  const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
  const has = (value: unknown, wanted: string) =>
    Array.isArray(value) ? value.includes(wanted) : value === wanted;
  return list.some(
    (statement: Record<string, unknown>) =>
      statement.Effect === "Allow" && has(statement.Action, "*") && has(statement.Resource, "*"),
  );
}
