import { BACKUP_JOBS } from "./collectors/backup-jobs";
import { CONFIG_CONFORMANCE_PACKS } from "./collectors/config-conformance-packs";
import { DETECTION_SERVICES } from "./collectors/detection-services";
import { IAM_CREDENTIAL_REPORTS } from "./collectors/iam-credential-reports";
import { IDENTITY_CENTER_ASSIGNMENTS } from "./collectors/identity-center-assignments";
import { ORGANIZATION_ACCOUNTS } from "./collectors/organization-accounts";
import { ORGANIZATION_POLICIES } from "./collectors/organization-policies";
import { ORGANIZATION_TRAIL } from "./collectors/organization-trail";
import { SECURITY_HUB } from "./collectors/security-hub";
import type { EvidenceCheck } from "./evidence-run";

/** Every check a snapshot makes, in the order its files are listed. */
export const EVIDENCE_CHECKS: readonly EvidenceCheck[] = [
  ORGANIZATION_ACCOUNTS,
  ORGANIZATION_POLICIES,
  IDENTITY_CENTER_ASSIGNMENTS,
  IAM_CREDENTIAL_REPORTS,
  ORGANIZATION_TRAIL,
  CONFIG_CONFORMANCE_PACKS,
  SECURITY_HUB,
  DETECTION_SERVICES,
  BACKUP_JOBS,
];
