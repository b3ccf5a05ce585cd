import type { z } from "zod";
import { jsonSchemaAt, toJsonSchema } from "../schema/json-schemas";
import type { JsonSchema } from "../schema/json-schemas";
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
      return issue.origin === "array"
        ? `needs at least ${issue.minimum} item${issue.minimum === 1 ? "" : "s"}`
        : `is shorter than ${issue.minimum} characters`;
    case "too_big":
      return issue.origin === "array"
        ? `has more than ${issue.maximum} items`
        : `is longer than ${issue.maximum} characters`;
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
      nearestDescription(issue.path, schemaAt) ?? "see the config reference in README.md.";
    const missing = issue.code === "invalid_type" && issue.input === undefined;
    const fix = missing
      ? `Add ${String(issue.path.at(-1))}: ${description}`
      : `Expected: ${description}`;
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
