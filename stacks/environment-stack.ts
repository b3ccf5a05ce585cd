import { TerraformStack } from "cdktf";
import type { TerraformResource } from "cdktf";
import type { Construct } from "constructs";
import { effectiveOu } from "../config/model/accounts";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { environmentStackName } from "../config/model/stack-names";
import type { EnvironmentConfig } from "../config/schema/environment-schema";
import { chainAccountCreation } from "../modules/organizations/account-creation-lanes";
import { MemberAccount } from "../modules/organizations/member-account";
import { AccountAssignments, assignmentId } from "../modules/identity/account-assignments";
import { adoptMovedAccount } from "../modules/organizations/account-move";
import { configBeforeMove } from "../config/model/account-moves";
import { expandAssignments } from "../config/model/account-assignments";
import type { IdentityStack } from "./identity-stack";
import type { OrganizationalUnitTree } from "../modules/organizations/organizational-unit-tree";
import type { OrganizationPolicies } from "../modules/organizations/organization-policies";
import { OrganizationsPolicyAttachment } from "@cdktf/provider-aws/lib/organizations-policy-attachment";
import {
  managementAccountProvider,
  memberAccountProvider,
} from "../modules/terraform/aws-providers";
import { useRemoteState } from "../modules/terraform/remote-state";
import { optInRegionsOf } from "../config/model/opt-in-regions";
import { budgetFor } from "../config/model/account-vending";
import { OptInRegions } from "../modules/vending/opt-in-regions";
import { AccountBudget } from "../modules/vending/account-budget";

export interface EnvironmentStackProps {
  readonly config: LandingZoneConfig;
  readonly environment: EnvironmentConfig;
  readonly organizationalUnits: OrganizationalUnitTree;
  readonly organizationPolicies: OrganizationPolicies;
  /** Identity Center, when the landing zone manages it: this stack assigns its own accounts. */
  readonly identity?: IdentityStack;
  /** Core accounts by name, to reach a delegated Identity Center administrator. */
  readonly coreAccounts: ReadonlyMap<string, MemberAccount>;
}

/** An environment's workload accounts, in its OU; managed from the management account. */
export class EnvironmentStack extends TerraformStack {
  /** Workload accounts by account name. */
  readonly accounts: ReadonlyMap<string, MemberAccount>;
  readonly environment: EnvironmentConfig;
  /** What this stack takes over from the stacks its moved-in accounts left, by environment. */
  readonly movedIn: readonly {
    readonly from: string;
    readonly resources: readonly TerraformResource[];
  }[];

  constructor(scope: Construct, props: EnvironmentStackProps) {
    const { environment } = props;
    super(scope, environmentStackName(environment.name));
    this.environment = environment;
    const organization = props.config.organization.config;
    useRemoteState(this, organization.stateBackend);
    managementAccountProvider(this, organization);

    const accounts = environment.accounts.map(
      (account) =>
        new MemberAccount(this, `account-${account.name}`, {
          name: account.name,
          email: account.email,
          parentId: props.organizationalUnits.idOf(
            effectiveOu(organization.quarantineOu, environment.ou, account),
          ),
          accessRoleName: organization.accessRoleName,
          existingAccountId: account.id,
          tags: { ...account.tags, Owner: account.owner, Environment: environment.name },
          closing: account.lifecycle?.state === "closing",
        }),
    );
    chainAccountCreation(accounts);
    this.accounts = new Map(accounts.map((account) => [account.accountName, account]));

    // What every account is stamped with besides its baseline: governed opt-in regions enabled
    // before the baseline deploys there, and a monthly budget that its owner hears about.
    const optInRegions = optInRegionsOf(organization.governedRegions);
    for (const account of environment.accounts) {
      const accountId = this.accounts.get(account.name)!.accountId;
      if (optInRegions.length > 0 && account.lifecycle?.state !== "closing")
        new OptInRegions(this, `opt-in-regions-${account.name}`, {
          accountId,
          regions: optInRegions,
        });
      const budget = budgetFor(environment, account);
      if (budget)
        new AccountBudget(this, `budget-${account.name}`, {
          namePrefix: organization.resourcePrefix,
          accountName: account.name,
          accountId,
          monthlyUsd: budget.monthlyUsd,
          notify: budget.notify,
        });
    }

    // Policies attached to one of this environment's accounts, by name in guardrails.attachments.
    const attachments = new Map<string, OrganizationsPolicyAttachment[]>();
    for (const [policy, targets] of Object.entries(organization.guardrails.attachments)) {
      for (const account of accounts.filter((entry) => targets.includes(entry.accountName))) {
        const attachment = new OrganizationsPolicyAttachment(
          this,
          `policy-${policy}-${account.accountName}`,
          { policyId: props.organizationPolicies.idOf(policy), targetId: account.accountId },
        );
        attachments.set(account.accountName, [
          ...(attachments.get(account.accountName) ?? []),
          attachment,
        ]);
      }
    }

    let assignments: AccountAssignments | undefined;
    if (props.identity) {
      const identity = props.identity;
      const administrator = props.config.identity?.config.delegatedAdministrator;
      assignments = new AccountAssignments(this, "account-assignments", {
        instanceArn: identity.instanceArn,
        assignments: expandAssignments(props.config)
          .filter(
            ({ account }) =>
              account.owner.kind === "workload" && account.owner.environment === environment.name,
          )
          .map(({ group, permissionSet, account }) => ({
            group,
            permissionSet,
            accountName: account.name,
            accountId: this.accounts.get(account.name)!.accountId,
          })),
        permissionSetArn: (name) => identity.permissionSetArn(name),
        groupId: (name) => identity.groupId(name),
        provider: administrator
          ? memberAccountProvider(
              this,
              organization,
              {
                accountId: props.coreAccounts.get(administrator)!.accountId,
                accountName: administrator,
              },
              "identity-center",
            )
          : undefined,
      });
    }

    // Accounts moved here from another environment: this stack imports what the stack they left
    // held for them, and that stack forgets it (stacks/landing-zone.ts).
    this.movedIn = environment.accounts.flatMap(({ name, movedFrom }) => {
      if (movedFrom === undefined) return [];
      const heldBefore = expandAssignments(configBeforeMove(props.config, name))
        .filter((grant) => grant.account.name === name)
        .map((grant) => assignmentId(name, grant.group, grant.permissionSet));
      const resources = adoptMovedAccount({
        account: this.accounts.get(name)!,
        policyAttachments: attachments.get(name) ?? [],
        assignments: heldBefore.flatMap((id) => assignments?.byId.get(id) ?? []),
      });
      return [{ from: movedFrom, resources }];
    });
  }
}
