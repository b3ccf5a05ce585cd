import { didYouMean } from "../loader/did-you-mean";
import type { ConfigProblem } from "../loader/config-problem";
import { CORE_ACCOUNT_ROLES, listAccounts } from "../model/accounts";
import { allowsEverything, readInlinePolicy } from "../model/inline-policy";
import { listOrganizationalUnits } from "../model/organizational-unit-paths";
import type { SemanticCheck } from "./semantic-check";

const ADMINISTRATOR_ACCESS = /:policy\/AdministratorAccess$/;

/**
 * identity.yaml names only groups, permission sets, accounts, OUs and environments that exist,
 * and administrator-level access only on sets marked privileged with a justification.
 */
export const checkIdentity: SemanticCheck = ({
  organization,
  identity,
  environments,
  sourceDir,
  everyFileParsed,
}) => {
  if (!organization || !identity) return [];
  const { file, config } = identity;
  const problems: ConfigProblem[] = [];
  const unknown = (
    path: readonly PropertyKey[],
    what: string,
    value: string,
    known: readonly string[],
  ) =>
    problems.push({
      file,
      path,
      message: `is not ${what}`,
      received: value,
      fix: `${didYouMean(value, known)}Known: ${known.join(", ") || "none"}.`,
    });
  const duplicates = (
    names: readonly string[],
    path: (index: number) => readonly PropertyKey[],
    what: string,
  ) =>
    names.forEach((name, index) => {
      if (names.indexOf(name) !== index) {
        problems.push({
          file,
          path: path(index),
          message: `names a second ${what} with this name`,
          received: name,
          fix: `Give each ${what} its own name.`,
        });
      }
    });

  const coreAccounts = CORE_ACCOUNT_ROLES.flatMap(
    (role) => organization.config.coreAccounts[role]?.name ?? [],
  );
  if (
    config.delegatedAdministrator !== undefined &&
    !coreAccounts.includes(config.delegatedAdministrator)
  ) {
    unknown(
      ["delegatedAdministrator"],
      "a core account (the delegated administrator must be one)",
      config.delegatedAdministrator,
      coreAccounts,
    );
  }
  const groups = config.groups.map((group) => group.name);
  const sets = config.permissionSets.map((set) => set.name);
  duplicates(groups, (index) => ["groups", index, "name"], "group");
  duplicates(sets, (index) => ["permissionSets", index, "name"], "permission set");

  const breakGlass = organization.config.guardrails.breakGlassPermissionSet;
  if (!sets.includes(breakGlass)) {
    problems.push({
      file: organization.file,
      path: ["guardrails", "breakGlassPermissionSet"],
      message: "is not a permission set in identity.yaml",
      received: breakGlass,
      fix: `${didYouMean(breakGlass, sets)}Break glass is a session of this permission set: define it in identity.yaml and assign it to the break-glass group in every account. Known: ${sets.join(", ") || "none"}.`,
    });
  }
  config.permissionSets.forEach((set, index) => {
    const path = ["permissionSets", index];
    const inline = readInlinePolicy(sourceDir, set);
    if (inline.kind === "error") {
      problems.push({
        file,
        path: [...path, "inlinePolicy", "file"],
        message: inline.message,
        received: (set.inlinePolicy as { file: string }).file,
        fix: "Point at a JSON policy document beside identity.yaml.",
      });
    }
    if (set.privileged) return;
    const administrator = set.managedPolicies.find((arn) => ADMINISTRATOR_ACCESS.test(arn));
    if (administrator) {
      problems.push({
        file,
        path: [...path, "managedPolicies"],
        message: "grants AdministratorAccess on a set not marked privileged",
        received: administrator,
        fix: "Add privileged: { justification: ... } to the set, or attach a narrower policy.",
      });
    }
    if (inline.kind === "document" && allowsEverything(inline.document)) {
      problems.push({
        file,
        path: [...path, "inlinePolicy"],
        message: 'allows "*" on "*" in a set not marked privileged',
        received: set.name,
        fix: "Add privileged: { justification: ... } to the set, or narrow the policy.",
      });
    }
  });

  const accounts = listAccounts({ organization, environments }).map((account) => account.name);
  const ous = listOrganizationalUnits(organization.config.organizationalUnits).map(
    (entry) => entry.path,
  );
  const environmentNames = environments.map((environment) => environment.config.name);
  // An account or environment in a file that failed to parse would look unknown: skip until it parses.
  if (!everyFileParsed) return problems;
  config.assignments.forEach((assignment, index) => {
    const path = ["assignments", index];
    if (!groups.includes(assignment.group))
      unknown([...path, "group"], "a group in identity.yaml", assignment.group, groups);
    if (!sets.includes(assignment.permissionSet))
      unknown(
        [...path, "permissionSet"],
        "a permission set in identity.yaml",
        assignment.permissionSet,
        sets,
      );
    assignment.accounts.forEach(
      (name, target) =>
        accounts.includes(name) ||
        unknown([...path, "accounts", target], "a member account", name, accounts),
    );
    assignment.ous.forEach(
      (ou, target) => ous.includes(ou) || unknown([...path, "ous", target], "an OU path", ou, ous),
    );
    assignment.environments.forEach(
      (name, target) =>
        environmentNames.includes(name) ||
        unknown([...path, "environments", target], "an environment", name, environmentNames),
    );
    const targets =
      assignment.accounts.length + assignment.ous.length + assignment.environments.length;
    if (targets === 0 && !assignment.allAccounts) {
      problems.push({
        file,
        path,
        message: "assigns to no account",
        received: assignment.group,
        fix: "Add accounts, ous, environments, or allAccounts: true.",
      });
    }
  });
  return problems;
};
