import { didYouMean } from "../loader/did-you-mean";
import type { ConfigProblem } from "../loader/config-problem";
import { CORE_ACCOUNT_ROLES } from "../model/accounts";
import { listOrganizationalUnits } from "../model/organizational-unit-paths";
import type { SemanticCheck } from "./semantic-check";

/** Every OU named by an environment or a core account exists in the tree. */
export const checkOuReferences: SemanticCheck = ({ organization, environments }) => {
  if (!organization) return [];
  const known = listOrganizationalUnits(organization.config.organizationalUnits).map(
    (entry) => entry.path,
  );
  const check = (file: string, path: readonly PropertyKey[], ou: string): ConfigProblem[] =>
    known.includes(ou)
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
  const core = CORE_ACCOUNT_ROLES.flatMap((role) => {
    const account = organization.config.coreAccounts[role];
    return account ? check(organization.file, ["coreAccounts", role, "ou"], account.ou) : [];
  });
  const environmentOus = environments.flatMap(({ file, config }) => [
    ...check(file, ["ou"], config.ou),
    ...config.accounts.flatMap((account, index) =>
      account.ou ? check(file, ["accounts", index, "ou"], account.ou) : [],
    ),
  ]);
  const quarantine = organization.config.quarantineOu;
  return [
    ...core,
    ...environmentOus,
    ...(quarantine ? check(organization.file, ["quarantineOu"], quarantine) : []),
  ];
};
