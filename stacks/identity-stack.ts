import { DataAwsSsoadminInstances } from "@cdktf/provider-aws/lib/data-aws-ssoadmin-instances";
import { Fn, TerraformStack, Token } from "cdktf";
import type { Construct } from "constructs";
import { expandAssignments } from "../config/model/account-assignments";
import { readInlinePolicy } from "../config/model/inline-policy";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { STACK_NAMES } from "../config/model/stack-names";
import { AccountAssignments } from "../modules/identity/account-assignments";
import { IdentityCenterGroups } from "../modules/identity/identity-center-groups";
import { PermissionSet, permissionSetConstructId } from "../modules/identity/permission-set";
import type { MemberAccount } from "../modules/organizations/member-account";
import {
  managementAccountProvider,
  memberAccountProvider,
} from "../modules/terraform/aws-providers";
import { useRemoteState } from "../modules/terraform/remote-state";

export interface IdentityStackProps {
  readonly config: LandingZoneConfig;
  /** Core accounts by name, from the organization stack. */
  readonly coreAccounts: ReadonlyMap<string, MemberAccount>;
}

/**
 * IAM Identity Center from identity.yaml, in the management account or the delegated
 * administrator: groups, permission sets, and the core accounts' assignments. Environment stacks
 * assign their own accounts, so stamping an account leaves this stack alone.
 */
export class IdentityStack extends TerraformStack {
  readonly instanceArn: string;
  private readonly groups: IdentityCenterGroups;
  private readonly permissionSets = new Map<string, PermissionSet>();

  constructor(scope: Construct, props: IdentityStackProps) {
    super(scope, STACK_NAMES.identity);
    const { config } = props;
    const identity = config.identity!.config;
    const organization = config.organization.config;
    useRemoteState(this, organization.stateBackend);
    const administrator = identity.delegatedAdministrator;
    if (administrator)
      memberAccountProvider(this, organization, {
        accountId: props.coreAccounts.get(administrator)!.accountId,
        accountName: administrator,
      });
    else managementAccountProvider(this, organization);

    const instances = new DataAwsSsoadminInstances(this, "instance");
    this.instanceArn = Token.asString(Fn.element(Fn.tolist(instances.arns), 0));
    this.groups = new IdentityCenterGroups(this, "groups", {
      identityStoreId: Token.asString(Fn.element(Fn.tolist(instances.identityStoreIds), 0)),
      groups: identity.groups,
      source: identity.groupSource,
    });
    const constructIds = new Map<string, string>();
    for (const set of identity.permissionSets) {
      const constructId = permissionSetConstructId(set.name);
      const clash = constructIds.get(constructId);
      if (clash)
        throw new Error(
          `Permission sets "${clash}" and "${set.name}" would share the address ${constructId}; rename one`,
        );
      constructIds.set(constructId, set.name);
      const inline = readInlinePolicy(config.sourceDir, set);
      this.permissionSets.set(
        set.name,
        new PermissionSet(this, constructId, {
          instanceArn: this.instanceArn,
          config: set,
          inlinePolicy: inline.kind === "document" ? inline.document : undefined,
        }),
      );
    }
    new AccountAssignments(this, "core-account-assignments", {
      instanceArn: this.instanceArn,
      assignments: expandAssignments(config)
        .filter(({ account }) => account.owner.kind === "core")
        .map(({ group, permissionSet, account }) => ({
          group,
          permissionSet,
          accountName: account.name,
          accountId: props.coreAccounts.get(account.name)!.accountId,
        })),
      permissionSetArn: (name) => this.permissionSetArn(name),
      groupId: (name) => this.groupId(name),
    });
  }

  permissionSetArn(name: string): string {
    const set = this.permissionSets.get(name);
    if (!set) throw new Error(`No permission set "${name}"`);
    return set.arn;
  }

  groupId(name: string): string {
    return this.groups.idOf(name);
  }
}
