import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing } from "cdktf";
import type { Construct } from "constructs";
import type { StackJson } from "./synth-output";

/** The region of the default provider a construct is synthesized with. */
const TEST_REGION = "us-east-1";

/**
 * One construct synthesized on its own (Testing.synthScope), beside a default AWS provider: its
 * Terraform JSON, parsed.
 */
export function synthConstruct(build: (scope: Construct) => void): StackJson {
  return JSON.parse(
    Testing.synthScope((scope) => {
      new AwsProvider(scope, "aws", { region: TEST_REGION });
      build(scope);
    }),
  );
}

/** Resources of one type, by logical id. */
export function resourcesOf(json: StackJson, type: string): Record<string, StackJson> {
  return json.resource?.[type] ?? {};
}

/** The one resource of a type whose logical id contains `fragment`; fails on none or several. */
export function resourceNamed(json: StackJson, type: string, fragment: string): StackJson {
  const matches = Object.entries(resourcesOf(json, type)).filter(([id]) => id.includes(fragment));
  if (matches.length !== 1)
    throw new Error(
      `expected one ${type} with "${fragment}" in its id, found ${matches.map(([id]) => id).join(", ") || "none"}`,
    );
  return matches[0][1];
}

/** A rendered policy attribute, parsed. */
export function parsedPolicy(document: string): {
  Version: string;
  Statement: StackJson[];
} {
  return JSON.parse(document);
}

/** The statement with this Sid; fails when there is none. */
export function statementWithSid(statements: readonly StackJson[], sid: string): StackJson {
  const statement = statements.find((candidate) => candidate.Sid === sid);
  if (!statement)
    throw new Error(
      `no statement ${sid}; statements: ${statements.map((candidate) => candidate.Sid).join(", ")}`,
    );
  return statement;
}
