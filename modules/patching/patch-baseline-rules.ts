import type { COMPLIANCE_LEVELS, OPERATING_SYSTEMS } from "../../config/schema/baseline-schema";

/** An operating system as SSM names it, such as AMAZON_LINUX_2023. */
export type OperatingSystem = (typeof OPERATING_SYSTEMS)[number];

/** Which patches a baseline approves, and when. */
export interface PatchApproval {
  /** Severity SSM reports for a missing approved patch. */
  readonly complianceLevel: (typeof COMPLIANCE_LEVELS)[number];
  /** Days after release a patch is approved; Ubuntu's rule ignores it. */
  readonly approveAfterDays: number;
  /** Also approve bug fixes and other non-security updates. */
  readonly approveNonSecurity: boolean;
}

/**
 * Approval filters per operating system: security patches of the two highest severities, plus
 * bug fixes where config approves non-security updates. Ubuntu has no release dates, so SSM
 * can't delay its approval; its rule approves by priority alone.
 */
export function approvalRule(os: OperatingSystem, approval: PatchApproval) {
  const base = { complianceLevel: approval.complianceLevel };
  switch (os) {
    case "WINDOWS":
      return {
        ...base,
        approveAfterDays: approval.approveAfterDays,
        patchFilter: [
          {
            key: "CLASSIFICATION",
            values: [
              "CriticalUpdates",
              "SecurityUpdates",
              ...(approval.approveNonSecurity ? ["Updates"] : []),
            ],
          },
          { key: "MSRC_SEVERITY", values: ["Critical", "Important"] },
        ],
      };
    case "UBUNTU":
      return {
        ...base,
        enableNonSecurity: approval.approveNonSecurity,
        patchFilter: [
          {
            key: "PRIORITY",
            values: ["Required", "Important", ...(approval.approveNonSecurity ? ["Standard"] : [])],
          },
        ],
      };
    default:
      return {
        ...base,
        approveAfterDays: approval.approveAfterDays,
        enableNonSecurity: approval.approveNonSecurity,
        patchFilter: [
          {
            key: "CLASSIFICATION",
            values: ["Security", ...(approval.approveNonSecurity ? ["Bugfix"] : [])],
          },
          { key: "SEVERITY", values: ["Critical", "Important"] },
        ],
      };
  }
}

/** The patch group instances join with their "Patch Group" tag. */
export function patchGroupName(environment: string, os: OperatingSystem): string {
  return `${environment}-${os.toLowerCase().replaceAll("_", "-")}`;
}
