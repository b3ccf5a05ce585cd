import type { ConfigProblem } from "../loader/config-problem";
import { listOrganizationalUnits } from "../model/organizational-unit-paths";
import { MAX_OU_DEPTH } from "../schema/organization-schema";
import type { SemanticCheck } from "./semantic-check";

/** AWS limits OU nesting to five levels, and sibling names must differ for paths to be unique. */
export const checkOrganizationalUnitTree: SemanticCheck = ({ organization }) => {
  if (!organization) return [];
  const problems: ConfigProblem[] = [];
  const seenPaths = new Set<string>();
  for (const entry of listOrganizationalUnits(organization.config.organizationalUnits)) {
    if (entry.depth > MAX_OU_DEPTH) {
      problems.push({
        file: organization.file,
        path: entry.configPath,
        message: `is ${entry.depth} levels deep; AWS allows ${MAX_OU_DEPTH} below the root`,
        received: entry.path,
        fix: "Move this OU higher in the tree.",
      });
    }
    if (seenPaths.has(entry.path)) {
      problems.push({
        file: organization.file,
        path: [...entry.configPath, "name"],
        message: "names a second OU with the same name under the same parent",
        received: entry.unit.name,
        fix: "Give sibling OUs distinct names, or merge them.",
      });
    }
    seenPaths.add(entry.path);
  }
  return problems;
};
