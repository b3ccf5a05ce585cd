import { OrganizationsAccount } from "@cdktf/provider-aws/lib/organizations-account";
import { Construct } from "constructs";
import { defineControl, implementsControl } from "../../compliance/controls/control";
import { importExisting } from "../terraform/import-existing";
import { publishOutput } from "../terraform/stack-outputs";
import type { PublishedOutput } from "../terraform/stack-outputs";

const ACCOUNT_ISOLATION_CONTROL = defineControl({
  id: "account-isolation",
  description:
    "Each workload and core function runs in its own account, which a config change cannot close or destroy",
  criteria: ["CC6.1", "CC8.1"],
});

export interface MemberAccountProps {
  readonly name: string;
  readonly email: string;
  /** Id of the OU (or root) the account sits in. */
  readonly parentId: string;
  /** Role AWS creates in a new account for the management account to assume. */
  readonly accessRoleName: string;
  /**
   * Id of an account that already exists; it is imported rather than created.
   * @default the account is created
   */
  readonly existingAccountId?: string;
  /** @default no tags beyond the provider's default tags */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Marks a quarantined account for closure: removing it from config then closes it. Only then
   * do close_on_deletion and a destroyable lifecycle apply, to this account alone.
   * @default false
   */
  readonly closing?: boolean;
}

/**
 * An account of the organization. Removing it from config must never close it: Terraform
 * refuses to destroy it, and even a forced destroy only removes it from the organization.
 */
export class MemberAccount extends Construct {
  readonly account: OrganizationsAccount;
  /** The account name from config (the resource's `name` is a Terraform reference). */
  readonly accountName: string;
  /** The account's root email, as configured: services that enroll members by email need it. */
  readonly email: string;
  private readonly existingAccountId: string | undefined;

  constructor(scope: Construct, id: string, props: MemberAccountProps) {
    super(scope, id);
    implementsControl(this, ACCOUNT_ISOLATION_CONTROL);
    this.accountName = props.name;
    this.email = props.email;
    this.existingAccountId = props.existingAccountId;
    this.account = new OrganizationsAccount(this, "account", {
      name: props.name,
      email: props.email,
      parentId: props.parentId,
      roleName: props.accessRoleName,
      // Lets IAM principals see billing, so a billing permission set can work.
      iamUserAccessToBilling: "ALLOW",
      closeOnDeletion: props.closing === true,
      tags: props.tags ? { ...props.tags } : undefined,
      lifecycle: {
        preventDestroy: props.closing !== true,
        // AWS only applies both at creation and cannot read them back: changing them would
        // otherwise plan a replacement of the account.
        ignoreChanges: ["role_name", "iam_user_access_to_billing"],
      },
    });
    if (props.existingAccountId) importExisting(this.account, props.existingAccountId);
  }

  /** True when the account is adopted rather than created, so it takes no creation slot. */
  get isImported(): boolean {
    return this.existingAccountId !== undefined;
  }

  /**
   * The account id: the literal id of an imported account, else a reference to the new one.
   * A literal keeps the account's baseline stack free of a cross-stack lookup.
   */
  get accountId(): string {
    return this.existingAccountId ?? this.account.id;
  }

  /**
   * The account id as another stack should take it: the literal id of an imported account, else
   * an output of this account's stack that holds the new account's id.
   */
  accountIdForOtherStacks(): string | PublishedOutput {
    return (
      this.existingAccountId ??
      publishOutput(this, `account-id-${this.accountName}`, this.account.id)
    );
  }
}
