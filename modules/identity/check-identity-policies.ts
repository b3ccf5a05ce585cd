import type { ConfigProblem } from "../../config/loader/config-problem";
import { readInlinePolicy } from "../../config/model/inline-policy";
import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { actionExists } from "../iam/iam-catalogue";

const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Every action a permission set's inline policy names exists in AWS's catalogue. */
export async function checkIdentityPolicies(config: LandingZoneConfig): Promise<ConfigProblem[]> {
  if (!config.identity) return [];
  const { file, config: identity } = config.identity;
  const problems: ConfigProblem[] = [];
  for (const [index, set] of identity.permissionSets.entries()) {
    const inline = readInlinePolicy(config.sourceDir, set);
    if (inline.kind !== "document") continue;
    for (const statement of asList(inline.document.Statement) as Record<string, unknown>[]) {
      for (const action of [...asList(statement.Action), ...asList(statement.NotAction)]) {
        if (typeof action === "string" && (await actionExists(action))) continue;
        problems.push({
          file,
          path: ["permissionSets", index, "inlinePolicy"],
          message: `(permission set ${set.name}) names an action that isn't in AWS's service authorization reference`,
          received: action,
          fix: "Correct the action name; a misspelled action grants or denies nothing.",
        });
      }
    }
  }
  return problems;
}
