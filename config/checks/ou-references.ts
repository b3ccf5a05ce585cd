import { didYouMean } from "../loader/did-you-mean";
import type { ConfigProblem } from "../loader/config-problem";
import { ifReadable, readableItems } from "../loader/salvage";
import { CORE_ACCOUNT_ROLES } from "../model/accounts";
import { listOrganizationalUnits } from "../model/organizational-unit-paths";
import type { SemanticCheck } from "./semantic-check";

/**
 * Every OU named by an environment or a core account exists in the tree. Each reference is
 * checked on its own, so a value refused elsewhere in its file hides no other reference.
 */
export const checkOuReferences: SemanticCheck = ({ organization, environments }) => {
  if (!organization) return [];
  const known = listOrganizationalUnits(organization.config.organizationalUnits).map(
    (entry) => entry.path,
  );
  const check = (
    file: string,
    path: readonly PropertyKey[],
    read: () => string | undefined,
  ): ConfigProblem[] =>
    ifReadable(() => {
      const ou = read();
      return ou === undefined || known.includes(ou)
        ? []
        : [
            {
              file,
              path,
              message: "is not an OU path in organization.yaml",
              received: ou,
              fix: `${didYouMean(ou, known)}Known OU paths: ${known.join(", ")}.`,
            },
          ];
    }, []);
  const core = CORE_ACCOUNT_ROLES.flatMap((role) =>
    check(
      organization.file,
      ["coreAccounts", role, "ou"],
      () => organization.config.coreAccounts[role]?.ou,
    ),
  );
  const environmentOus = environments.flatMap(({ file, config }) => [
    ...check(file, ["ou"], () => config.ou),
    ...ifReadable(() => readableItems(config.accounts), []).flatMap(([account, index]) =>
      check(file, ["accounts", index, "ou"], () => account.ou),
    ),
  ]);
  return [
    ...core,
    ...environmentOus,
    ...check(organization.file, ["quarantineOu"], () => organization.config.quarantineOu),
  ];
};
