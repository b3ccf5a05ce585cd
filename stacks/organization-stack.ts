import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { CORE_ACCOUNT_ROLES } from "../config/model/accounts";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { STACK_NAMES } from "../config/model/stack-names";
import { chainAccountCreation } from "../modules/organizations/account-creation-lanes";
import { DelegatedAdministrator } from "../modules/organizations/delegated-administrator";
import { MemberAccount } from "../modules/organizations/member-account";
import { Organization } from "../modules/organizations/organization";
import { OrganizationalUnitTree } from "../modules/organizations/organizational-unit-tree";
import { OrganizationPolicies } from "../modules/organizations/organization-policies";
import {
  attachedPolicies,
  ROOT_TARGET,
} from "../modules/organizations/policies/landing-zone-policies";
import { managementAccountProvider } from "../modules/terraform/aws-providers";
import { useRemoteState } from "../modules/terraform/remote-state";
import { optInRegionsOf } from "../config/model/opt-in-regions";
import { ipamAccountName } from "../config/model/network";
import { OptInRegions } from "../modules/vending/opt-in-regions";
import { CostAnomalyDetection } from "../modules/vending/cost-anomaly-detection";
import { IpamDelegation } from "../modules/network/ipam-delegation";

/** The organization, its OU tree and the core accounts, in the management account. */
export class OrganizationStack extends TerraformStack {
  readonly organizationalUnits: OrganizationalUnitTree;
  /** Core accounts by account name. */
  readonly coreAccounts: ReadonlyMap<string, MemberAccount>;
  readonly policies: OrganizationPolicies;
  /** The organization id: literal when it already exists, else a reference. */
  readonly organizationId: string;
  /** The organization root's id, for policies that apply to everything. */
  readonly rootId: string;

  constructor(scope: Construct, config: LandingZoneConfig) {
    super(scope, STACK_NAMES.organization);
    const organization = config.organization.config;
    useRemoteState(this, organization.stateBackend);
    managementAccountProvider(this, organization);

    const org = new Organization(this, "organization", {
      existingOrganizationId: organization.existingOrganizationId,
    });
    this.organizationId = organization.existingOrganizationId ?? org.organization.id;
    this.rootId = org.rootId;
    this.organizationalUnits = new OrganizationalUnitTree(this, "organizational-units", {
      rootId: org.rootId,
      units: organization.organizationalUnits,
    });

    const accounts = CORE_ACCOUNT_ROLES.flatMap((role) => {
      const account = organization.coreAccounts[role];
      if (!account) return [];
      return [
        new MemberAccount(this, `account-${account.name}`, {
          name: account.name,
          email: account.email,
          parentId: this.organizationalUnits.idOf(account.ou),
          accessRoleName: organization.accessRoleName,
          existingAccountId: account.id,
          tags: { AccountRole: role },
        }),
      ];
    });
    chainAccountCreation(accounts);
    this.coreAccounts = new Map(accounts.map((account) => [account.accountName, account]));

    const identityAdministrator = config.identity?.config.delegatedAdministrator;
    if (identityAdministrator) {
      new DelegatedAdministrator(this, "identity-center-administrator", {
        accountId: this.coreAccounts.get(identityAdministrator)!.accountId,
        servicePrincipal: "sso.amazonaws.com",
      });
    }

    // Opt-in regions before any baseline deploys there; environment stacks do their own accounts.
    const optInRegions = optInRegionsOf(organization.governedRegions);
    if (optInRegions.length > 0) {
      new OptInRegions(this, "opt-in-regions-management", { regions: optInRegions });
      for (const account of accounts)
        new OptInRegions(this, `opt-in-regions-${account.accountName}`, {
          accountId: account.accountId,
          regions: optInRegions,
          dependsOn: [org.organization],
        });
    }

    const ipam = organization.network?.ipam;
    if (ipam) {
      new IpamDelegation(this, "ipam-delegation", {
        administratorAccountId: this.coreAccounts.get(ipamAccountName(organization, ipam))!
          .accountId,
        dependsOn: [org.organization],
      });
    }
    const anomalyDetection = organization.costControls?.anomalyDetection;
    if (anomalyDetection) {
      new CostAnomalyDetection(this, "cost-anomaly-detection", {
        namePrefix: organization.resourcePrefix,
        thresholdUsd: anomalyDetection.thresholdUsd,
        frequency: anomalyDetection.frequency,
        emails: anomalyDetection.notify,
      });
    }

    // Workload accounts belong to environment stacks, which attach their own account-level policies.
    this.policies = new OrganizationPolicies(this, "policies", {
      organization: org.organization,
      policies: attachedPolicies(config, this.organizationId),
      namePrefix: organization.resourcePrefix,
      targetId: (target) =>
        target === ROOT_TARGET
          ? org.rootId
          : (this.organizationalUnits.tryIdOf(target) ?? this.coreAccounts.get(target)?.accountId),
    });
  }
}
