import type { EvidenceCheck, EvidenceRun, Flag } from "../evidence-run";
import { flagFor } from "../evidence-run";

/**
 * The accounts of the organization against config: which the snapshot read, which it left out
 * and why, and every difference (an account config doesn't declare, one it declares that AWS
 * lacks, one in another OU than config puts it). The scope of every other file.
 */
export const ORGANIZATION_ACCOUNTS: EvidenceCheck = {
  id: "organization-accounts",
  title: "Accounts of the organization compared with config: the snapshot's scope",
  criteria: ["CC6.1", "CC6.2", "CC8.1"],
  covers: "collection time",
  collect(run: EvidenceRun) {
    const { tree, scope } = run;
    const flags: Flag[] = [];
    for (const account of scope.accounts) {
      if (!account.inConfig)
        flags.push(flagFor(account, `is in the organization (${account.ou}) but not in config`));
      else if (account.configOu !== undefined && account.configOu !== account.ou)
        flags.push(flagFor(account, `is in ${account.ou}; config puts it in ${account.configOu}`));
    }
    for (const entry of scope.notInOrganization)
      flags.push({
        issue: `${entry.name} (${entry.file}) is in config but not in the organization`,
      });
    return Promise.resolve({
      summary: {
        inOrganization: tree.accounts.length,
        read: scope.accounts.length,
        excluded: scope.excluded.length,
        notInConfig: scope.accounts.filter((account) => !account.inConfig).length,
        notInOrganization: scope.notInOrganization.length,
      },
      flags,
      results: {
        organizationId: tree.id,
        managementAccountId: tree.managementAccountId,
        organizationalUnits: tree.organizationalUnits.map((unit) => unit.path),
        accounts: scope.accounts.map((account) => ({
          account: account.name,
          accountId: account.id,
          ou: account.ou,
          configOu: account.configOu ?? null,
          management: account.management,
          inConfig: account.inConfig,
        })),
        excluded: scope.excluded,
        notInOrganization: scope.notInOrganization.map((entry) => ({
          account: entry.name,
          email: entry.email,
          ou: entry.ou,
          file: entry.file,
        })),
      },
    });
  },
};
