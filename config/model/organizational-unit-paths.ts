import type { OrganizationalUnitConfig } from "../schema/organization-schema";

export interface OrganizationalUnitEntry {
  readonly unit: OrganizationalUnitConfig;
  /** "Workloads/Production" */
  readonly path: string;
  /** Path of the parent OU, or undefined under the root. */
  readonly parentPath: string | undefined;
  /** 1 for OUs directly under the root. */
  readonly depth: number;
  /** Where the OU sits in organization.yaml: organizationalUnits[2].children[0]. */
  readonly configPath: readonly PropertyKey[];
}

/** Every OU of the tree, parents before children, in config order. */
export function listOrganizationalUnits(
  units: readonly OrganizationalUnitConfig[],
): OrganizationalUnitEntry[] {
  const entries: OrganizationalUnitEntry[] = [];
  const visit = (
    children: readonly OrganizationalUnitConfig[],
    parentPath: string | undefined,
    configPath: readonly PropertyKey[],
    depth: number,
  ) => {
    children.forEach((unit, index) => {
      const path = parentPath === undefined ? unit.name : `${parentPath}/${unit.name}`;
      const unitConfigPath = [...configPath, index];
      entries.push({ unit, path, parentPath, depth, configPath: unitConfigPath });
      visit(unit.children, path, [...unitConfigPath, "children"], depth + 1);
    });
  };
  visit(units, undefined, ["organizationalUnits"], 1);
  return entries;
}
