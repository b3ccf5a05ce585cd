import type { TerraformJson } from "./rule";

export interface ParsedStatement {
  readonly Effect?: string;
  readonly Principal?: unknown;
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: string | string[];
  readonly Condition?: Record<string, unknown>;
}

/** Statements of a policy held as JSON text, or [] when the text is missing or not JSON. */
export function statementsOf(policy: unknown): ParsedStatement[] {
  if (typeof policy !== "string") return [];
  try {
    const document = JSON.parse(policy) as TerraformJson;
    const statements = document.Statement;
    if (Array.isArray(statements)) return statements as ParsedStatement[];
    return statements ? [statements] : [];
  } catch {
    return [];
  }
}

export function asList(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** AWS principals a statement names: "*" for the anonymous wildcard. */
export function awsPrincipals(statement: ParsedStatement): string[] {
  const principal = statement.Principal;
  if (principal === "*") return ["*"];
  if (principal && typeof principal === "object") return asList((principal as TerraformJson).AWS);
  return [];
}

export function hasCondition(statement: ParsedStatement): boolean {
  return statement.Condition !== undefined && Object.keys(statement.Condition).length > 0;
}
