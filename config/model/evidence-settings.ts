import type { ComplianceConfig } from "../schema/compliance-schema";
import type { OrganizationConfig } from "../schema/organization-schema";

/**
 * Days each evidence snapshot stays immutable. The default follows the organization's own log
 * minimum, so it never breaks it; config checks hold a value set by hand to that minimum too.
 */
export function evidenceRetentionDays(compliance: ComplianceConfig): number {
  return compliance.evidenceRetentionDays ?? compliance.minimumLogRetentionDays;
}

/**
 * The role the evidence workflow assumes in the management account. The pipeline stack creates
 * it; the evidence bucket, its key and every member account's read role admit it by this name.
 */
export function evidenceRoleName(organization: OrganizationConfig): string {
  return organization.pipeline.evidenceRoleName ?? `${organization.resourcePrefix}-evidence`;
}
