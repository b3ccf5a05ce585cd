import { Inspector2Enabler } from "@cdktf/provider-aws/lib/inspector2-enabler";
import { Inspector2MemberAssociation } from "@cdktf/provider-aws/lib/inspector2-member-association";
import { Macie2Member } from "@cdktf/provider-aws/lib/macie2-member";
import { Construct } from "constructs";
import { implementsControl } from "../../compliance/controls/control";
import { INSPECTOR_SCANNED_RESOURCES } from "./inspector-organization";
import { DATA_DISCOVERY_CONTROL, VULNERABILITY_SCANNING_CONTROL } from "./security-service-control";

/** An account to enroll, by the id and root email the services need. */
export interface EnrolledAccount {
  readonly name: string;
  readonly id: string;
  readonly email: string;
}

export interface SecurityServiceMembersProps {
  readonly accounts: readonly EnrolledAccount[];
  readonly regions: readonly string[];
  readonly inspector: boolean;
  readonly macie: boolean;
}

/**
 * Enrolls accounts in Inspector and Macie, through the stack's provider in the audit account. The
 * services' organization auto-enable reaches only accounts that join after it is switched on, so
 * the management account, the core accounts and every imported or earlier account would
 * otherwise stay unscanned.
 */
export class SecurityServiceMembers extends Construct {
  constructor(scope: Construct, id: string, props: SecurityServiceMembersProps) {
    super(scope, id);
    const { accounts } = props;
    if (accounts.length === 0) return;
    if (props.inspector) implementsControl(this, VULNERABILITY_SCANNING_CONTROL);
    if (props.macie) implementsControl(this, DATA_DISCOVERY_CONTROL);
    for (const region of props.regions) {
      if (props.inspector) {
        const associations = accounts.map(
          (account) =>
            new Inspector2MemberAssociation(this, `inspector-${account.name}-${region}`, {
              region,
              accountId: account.id,
            }),
        );
        new Inspector2Enabler(this, `inspector-scanning-${region}`, {
          region,
          accountIds: accounts.map((account) => account.id),
          resourceTypes: INSPECTOR_SCANNED_RESOURCES,
          dependsOn: associations,
        });
      }
      if (props.macie) {
        for (const account of accounts) {
          new Macie2Member(this, `macie-${account.name}-${region}`, {
            region,
            accountId: account.id,
            email: account.email,
            status: "ENABLED",
            // Organization members join without an invitation.
            invite: false,
          });
        }
      }
    }
  }
}
