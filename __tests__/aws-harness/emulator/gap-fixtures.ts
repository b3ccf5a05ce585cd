import type { EmulatorGap } from "../../../aws-harness/emulator/emulator-gap";

/** Two gap entries shaped like the real list's: one for a whole type, one for some of a type. */
export const PERMISSION_SETS: EmulatorGap = {
  resourceType: "aws_ssoadmin_permission_set",
  reason: "No tag listing for permission sets.",
  failingCall: "SSO Admin: ListTagsForResource",
  emulatorMessage:
    "NotImplementedError: The list_tags_for_resource action has not been implemented",
};
export const BACKUP_POLICIES: EmulatorGap = {
  resourceType: "aws_organizations_policy",
  where: { argument: "type", equals: "BACKUP_POLICY" },
  reason: "No backup policies.",
  failingCall: "Organizations: CreatePolicy",
  emulatorMessage: "NotImplementedError: The BACKUP_POLICY policy type has not been implemented",
};
