import { organizationalUnitConstructId } from "../../modules/organizations/organizational-unit-ids";
import type { ConfigProblem } from "../loader/config-problem";
import { formatPath } from "../loader/config-problem";
import { listOrganizationalUnits } from "../model/organizational-unit-paths";
import type { OrganizationalUnitEntry } from "../model/organizational-unit-paths";
import { MAX_OU_DEPTH } from "../schema/organization-schema";
import type { SemanticCheck } from "./semantic-check";

/**
 * AWS limits OU nesting to five levels; sibling names must differ for paths to be unique, and
 * paths must differ in more than case and punctuation, because they make the OUs' construct ids.
 */
export const checkOrganizationalUnitTree: SemanticCheck = ({ organization }) => {
  if (!organization) return [];
  const problems: ConfigProblem[] = [];
  const seenPaths = new Set<string>();
  const byConstructId = new Map<string, OrganizationalUnitEntry>();
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
    const constructId = organizationalUnitConstructId(entry.path);
    const sameId = byConstructId.get(constructId);
    if (seenPaths.has(entry.path)) {
      problems.push({
        file: organization.file,
        path: [...entry.configPath, "name"],
        message: "names a second OU with the same name under the same parent",
        received: entry.unit.name,
        fix: "Give sibling OUs distinct names, or merge them.",
      });
    } else if (sameId) {
      problems.push({
        file: organization.file,
        path: [...entry.configPath, "name"],
        message: `gives the OU "${entry.path}" the same construct id as the OU "${sameId.path}" (${formatPath(sameId.configPath)}): "${constructId}", part of their Terraform addresses`,
        received: entry.unit.name,
        fix: "Rename one of the two: construct ids keep only lowercase letters and digits, so OU paths that differ only in case, spaces or punctuation collide.",
      });
    }
    seenPaths.add(entry.path);
    if (!sameId) byConstructId.set(constructId, entry);
  }
  return problems;
};
