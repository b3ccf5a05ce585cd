import type { Construct } from "constructs";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { STACK_NAMES } from "../config/model/stack-names";
import type { MemberAccount } from "../modules/organizations/member-account";
import { SecurityServiceMembers } from "../modules/security/security-service-members";
import { memberAccountProvider } from "../modules/terraform/aws-providers";
import { StackWithoutCrossStackPass } from "../modules/terraform/cdktf-internals";
import { useRemoteState } from "../modules/terraform/remote-state";
import { valueFromOtherStack } from "../modules/terraform/stack-outputs";

export interface SecurityMembersStackProps {
  readonly config: LandingZoneConfig;
  /** Core accounts by name, the audit account among them. */
  readonly coreAccounts: ReadonlyMap<string, MemberAccount>;
  /** Workload accounts to enroll: every environment's, except those being closed. */
  readonly workloadAccounts: readonly MemberAccount[];
}

/**
 * Inspector and Macie enrollment of every account that exists, from the audit account: the
 * management account, the core accounts and the workload accounts. A stack of its own, deployed
 * after `security` and every environment, so that account creation doesn't wait for the security
 * services, nor they for it. It reads other stacks only through their published outputs, so it
 * skips cdktf's cross-stack pass: with 1,000 accounts that pass alone took a second.
 */
export class SecurityMembersStack extends StackWithoutCrossStackPass {
  constructor(scope: Construct, props: SecurityMembersStackProps) {
    super(scope, STACK_NAMES.securityMembers);
    const organization = props.config.organization.config;
    const { securityServices } = organization;
    useRemoteState(this, organization.stateBackend);
    // Ids come from other stacks' state, as account baselines read them: no cdktf references.
    const idOf = (account: MemberAccount) =>
      valueFromOtherStack(this, account.accountIdForOtherStacks(), organization.stateBackend);
    const audit = props.coreAccounts.get(organization.coreAccounts.audit.name)!;
    memberAccountProvider(this, organization, {
      accountId: idOf(audit),
      accountName: audit.accountName,
    });
    const enrolled = [...props.coreAccounts.values(), ...props.workloadAccounts].filter(
      (account) => account !== audit,
    );
    new SecurityServiceMembers(this, "members", {
      accounts: [
        {
          name: "management",
          id: organization.managementAccountId,
          // Required at config time while Macie is on (checkMacieMembers); unused otherwise.
          email: organization.managementAccountEmail ?? "",
        },
        ...enrolled.map((account) => ({
          name: account.accountName,
          id: idOf(account),
          email: account.email,
        })),
      ],
      regions: organization.governedRegions,
      inspector: securityServices.inspector,
      macie: securityServices.macie,
    });
  }
}
