import type { z } from "zod";
import { jsonSchemaAt, toJsonSchema } from "../schema/json-schemas";
import type { JsonSchema } from "../schema/json-schemas";
import { SUGGEST_FROM } from "../schema/primitives";
import type { ConfigProblem } from "./config-problem";
import { didYouMean } from "./did-you-mean";

type Issue = z.core.$ZodIssue;

/**
 * Messages for the checks whose schema gives none. Passed to safeParse, so a message written in
 * the schema still wins.
 */
export function describeIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return "is missing";
      return `must be ${article(issue.expected)}, not ${typeName(issue.input)}`;
    case "too_small":
      if (issue.origin === "array")
        return `needs at least ${issue.minimum} item${issue.minimum === 1 ? "" : "s"}`;
      if (issue.origin === "string")
        return issue.minimum === 1 ? "is empty" : `is shorter than ${issue.minimum} characters`;
      return issue.inclusive === false
        ? `must be more than ${issue.minimum}`
        : `is less than ${issue.minimum}, the least allowed`;
    case "too_big":
      if (issue.origin === "array") return `has more than ${issue.maximum} items`;
      if (issue.origin === "string") return `is longer than ${issue.maximum} characters`;
      return issue.inclusive === false
        ? `must be less than ${issue.maximum}`
        : `is more than ${issue.maximum}, the most allowed`;
    case "invalid_value":
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
    case "invalid_format":
      return `is not a valid ${issue.format}`;
    default:
      return "is not valid";
  }
}

export function issuesToProblems(
  file: string,
  schema: z.ZodType,
  issues: readonly Issue[],
): ConfigProblem[] {
  let jsonSchema: JsonSchema | undefined;
  const schemaAt = (path: readonly PropertyKey[]) =>
    jsonSchemaAt((jsonSchema ??= toJsonSchema(schema)), path);
  return issues.flatMap((issue): ConfigProblem[] => {
    if (issue.code === "unrecognized_keys") {
      const known = Object.keys(schemaAt(issue.path)?.properties ?? {});
      return issue.keys.map((key) => ({
        file,
        path: [...issue.path, key],
        message: "is not a known key",
        fix: `${didYouMean(key, known)}Allowed keys here: ${known.join(", ")}.`,
      }));
    }
    const description =
      nearestDescription(issue.path, schemaAt) ??
      "see the config reference in docs/configuration.md.";
    const missing = issue.code === "invalid_type" && issue.input === undefined;
    const fix = missing
      ? `Add ${String(issue.path.at(-1))}: ${description}`
      : `${suggestion(issue)}Expected: ${description}`;
    const message =
      issue.code === "invalid_key"
        ? `key ${issue.issues.map((inner) => inner.message).join("; ")}`
        : issue.message;
    return [
      missing
        ? { file, path: issue.path, message, fix }
        : { file, path: issue.path, message, received: issue.input, fix },
    ];
  });
}

/** "Did you mean ...?" when a refinement passed the values it accepts (see SUGGEST_FROM). */
function suggestion(issue: Issue): string {
  const candidates: unknown = issue.code === "custom" ? issue.params?.[SUGGEST_FROM] : undefined;
  return Array.isArray(candidates) && typeof issue.input === "string"
    ? didYouMean(issue.input, candidates as string[])
    : "";
}

/** List items and record values rarely carry their own description; their container's fits. */
function nearestDescription(
  path: readonly PropertyKey[],
  schemaAt: (path: readonly PropertyKey[]) => JsonSchema | undefined,
): string | undefined {
  for (let length = path.length; length >= 0; length--) {
    const description = schemaAt(path.slice(0, length))?.description;
    if (description) return description;
  }
  return undefined;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return article(typeof value);
}

function article(type: string): string {
  const readable = type === "object" ? "mapping" : type === "array" ? "list" : type;
  return `${/^[aeiou]/.test(readable) ? "an" : "a"} ${readable}`;
}
