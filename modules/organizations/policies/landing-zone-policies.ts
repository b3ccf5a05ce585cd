import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { LandingZoneConfig } from "../../../config/model/landing-zone-config";
import { partitionOf } from "../../../config/schema/primitives";
import { breakGlassPrincipalArn } from "../../identity/break-glass";
import { backupPolicy, tagPolicy } from "./tag-and-backup-policies";
import { denyAllScp } from "./deny-all-scp";
import { denyIamUsersScp } from "./deny-iam-users-scp";
import { organizationIntegrityScp } from "./organization-integrity-scp";
import type { OrganizationPolicy, PolicyContext } from "./organization-policy";
import { protectLoggingScp } from "./protect-logging-scp";
import { protectSecurityServicesScp } from "./protect-security-services-scp";
import { regionDenyScp } from "./region-deny-scp";
import { dataPerimeterRcp, tlsOnlyRcp } from "./resource-control-policies";

/** Where a policy attaches: the root, an OU by path, or an account by name. */
export const ROOT_TARGET = "Root";

/**
 * The longest organization id AWS issues. Until the organization exists its id is a Terraform
 * reference; sizes are measured with this stand-in so a policy can't grow past the limit later.
 */
export const LONGEST_ORGANIZATION_ID = `o-${"x".repeat(32)}`;

function policyContext(config: LandingZoneConfig, organizationId: string): PolicyContext {
  const organization = config.organization.config;
  const { guardrails } = organization;
  const { pipeline } = organization;
  const partition = partitionOf(organization.homeRegion);
  // The pipeline deploys the landing zone, so it must be able to change what the guardrails protect.
  const exemptRoleNames = [
    ...new Set([...guardrails.exemptRoleNames, pipeline.applyRoleName, pipeline.deployRoleName]),
  ];
  return {
    partition,
    resourcePrefix: organization.resourcePrefix,
    governedRegions: organization.governedRegions,
    exemptPrincipalArns: [
      ...exemptRoleNames.map((name) => `arn:${partition}:iam::*:role/${name}`),
      breakGlassPrincipalArn(partition, guardrails.breakGlassPermissionSet),
    ],
    exemptPrincipalNames: [
      ...exemptRoleNames,
      `the break-glass permission set ${guardrails.breakGlassPermissionSet}`,
    ],
    protectedRoleNames: [
      ...new Set([
        organization.accessRoleName,
        ...exemptRoleNames,
        pipeline.planRoleName,
        pipeline.readRoleName,
      ]),
    ],
    organizationId,
  };
}

/** Every organization policy the config asks for, built-in, backup and custom, in a stable order. */
export function landingZonePolicies(
  config: LandingZoneConfig,
  organizationId: string,
): OrganizationPolicy[] {
  const { guardrails } = config.organization.config;
  const context = policyContext(config, organizationId);
  const custom = guardrails.customPolicies.map((policy): OrganizationPolicy => ({
    name: policy.name,
    type: policy.type,
    description: policy.description,
    criteria: [],
    content: JSON.parse(readFileSync(join(config.sourceDir, policy.file), "utf8")) as object,
    summary: [policy.description],
  }));
  return [
    organizationIntegrityScp(context),
    protectLoggingScp(context),
    protectSecurityServicesScp(context),
    regionDenyScp(context),
    denyIamUsersScp(context),
    denyAllScp(),
    tlsOnlyRcp(),
    ...(guardrails.dataPerimeter ? [dataPerimeterRcp(context)] : []),
    ...(guardrails.tagPolicy ? [tagPolicy(guardrails.tagPolicy)] : []),
    ...guardrails.backupPolicies.map((policy) => backupPolicy(policy, context)),
    ...custom,
  ];
}

/** Policies that are attached somewhere, with their targets; unattached built-ins are not created. */
export function attachedPolicies(
  config: LandingZoneConfig,
  organizationId: string,
): { policy: OrganizationPolicy; targets: readonly string[] }[] {
  const { attachments } = config.organization.config.guardrails;
  return landingZonePolicies(config, organizationId)
    .filter((policy) => attachments[policy.name] !== undefined)
    .map((policy) => ({ policy, targets: attachments[policy.name] }));
}

/** Minified, as AWS counts it. */
export function renderPolicyContent(policy: OrganizationPolicy): string {
  return JSON.stringify(policy.content);
}
