import { didYouMean } from "../loader/did-you-mean";
import type { ConfigProblem } from "../loader/config-problem";
import { ifReadable, readableItems } from "../loader/salvage";
import { CORE_ACCOUNT_ROLES } from "../model/accounts";
import { allowsEverything, readInlinePolicy } from "../model/inline-policy";
import { listOrganizationalUnits } from "../model/organizational-unit-paths";
import type { PermissionSetConfig } from "../schema/identity-schema";
import type { SemanticCheck } from "./semantic-check";

const ADMINISTRATOR_ACCESS = /:policy\/AdministratorAccess$/;

/**
 * identity.yaml names only groups, permission sets, accounts, OUs and environments that exist,
 * and administrator-level access only on sets marked privileged with a justification. Each part
 * is checked on its own, so a value refused elsewhere hides only what depends on it.
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
      fix: `${didYouMean(value, known)}Known: ${[...new Set(known)].join(", ") || "none"}.`,
    });
  const duplicates = (
    names: readonly string[] | undefined,
    path: (index: number) => readonly PropertyKey[],
    what: string,
  ) =>
    names?.forEach((name, index) => {
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
  /** Names declared in other files, when every file could be read: else a name would look unknown. */
  const declaredElsewhere = (read: () => string[]) =>
    everyFileParsed ? ifReadable(read, undefined) : undefined;

  const coreAccounts = ifReadable(
    () => CORE_ACCOUNT_ROLES.flatMap((role) => organization.config.coreAccounts[role]?.name ?? []),
    undefined,
  );
  ifReadable(() => {
    const administrator = config.delegatedAdministrator;
    if (coreAccounts && administrator !== undefined && !coreAccounts.includes(administrator)) {
      unknown(
        ["delegatedAdministrator"],
        "a core account (the delegated administrator must be one)",
        administrator,
        coreAccounts,
      );
    }
  }, undefined);
  const groups = ifReadable(() => config.groups.map((group) => group.name), undefined);
  const sets = ifReadable(() => config.permissionSets.map((set) => set.name), undefined);
  duplicates(groups, (index) => ["groups", index, "name"], "group");
  duplicates(sets, (index) => ["permissionSets", index, "name"], "permission set");

  ifReadable(() => {
    const breakGlass = organization.config.guardrails.breakGlassPermissionSet;
    if (sets && !sets.includes(breakGlass)) {
      problems.push({
        file: organization.file,
        path: ["guardrails", "breakGlassPermissionSet"],
        message: "is not a permission set in identity.yaml",
        received: breakGlass,
        fix: `${didYouMean(breakGlass, sets)}Break glass is a session of this permission set: define it in identity.yaml and assign it to the break-glass group in every account. Known: ${[...new Set(sets)].join(", ") || "none"}.`,
      });
    }
  }, undefined);
  function checkPermissionSet(set: PermissionSetConfig, index: number) {
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
  }
  const permissionSets = ifReadable(() => config.permissionSets, []);
  for (const [set, index] of readableItems(permissionSets)) {
    ifReadable(() => checkPermissionSet(set, index), undefined);
  }

  const accounts = coreAccounts
    ? declaredElsewhere(() => [
        ...coreAccounts,
        ...environments.flatMap(({ config: environment }) =>
          environment.accounts.map((account) => account.name),
        ),
      ])
    : undefined;
  const ous = declaredElsewhere(() =>
    listOrganizationalUnits(organization.config.organizationalUnits).map((entry) => entry.path),
  );
  const environmentNames = declaredElsewhere(() =>
    environments.map((environment) => environment.config.name),
  );
  const assignments = ifReadable(() => config.assignments, []);
  for (const [assignment, index] of readableItems(assignments)) {
    const path = ["assignments", index];
    const reference = (
      at: readonly PropertyKey[],
      what: string,
      read: () => string,
      known: readonly string[] | undefined,
    ) =>
      ifReadable(() => {
        const name = read();
        if (known && !known.includes(name)) unknown([...path, ...at], what, name, known);
      }, undefined);
    const references = (
      field: "accounts" | "ous" | "environments",
      what: string,
      known: readonly string[] | undefined,
    ) => {
      const names = ifReadable(() => assignment[field], []);
      for (const [name, target] of readableItems(names))
        reference([field, target], what, () => name, known);
    };
    reference(["group"], "a group in identity.yaml", () => assignment.group, groups);
    reference(
      ["permissionSet"],
      "a permission set in identity.yaml",
      () => assignment.permissionSet,
      sets,
    );
    references("accounts", "a member account", accounts);
    references("ous", "an OU path", ous);
    references("environments", "an environment", environmentNames);
    ifReadable(() => {
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
    }, undefined);
  }
  return problems;
};
