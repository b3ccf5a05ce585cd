import type { OPERATING_SYSTEMS, PatchingConfig } from "../../config/schema/baseline-schema";

type OperatingSystem = (typeof OPERATING_SYSTEMS)[number];

/**
 * Approval filters per operating system: security patches of the two highest severities, plus
 * bug fixes where config approves non-security updates. Ubuntu has no release dates, so SSM
 * can't delay its approval; its rule approves by priority alone.
 */
export function approvalRule(os: OperatingSystem, patching: PatchingConfig) {
  const base = { complianceLevel: patching.complianceLevel };
  switch (os) {
    case "WINDOWS":
      return {
        ...base,
        approveAfterDays: patching.approveAfterDays,
        patchFilter: [
          {
            key: "CLASSIFICATION",
            values: [
              "CriticalUpdates",
              "SecurityUpdates",
              ...(patching.approveNonSecurity ? ["Updates"] : []),
            ],
          },
          { key: "MSRC_SEVERITY", values: ["Critical", "Important"] },
        ],
      };
    case "UBUNTU":
      return {
        ...base,
        enableNonSecurity: patching.approveNonSecurity,
        patchFilter: [
          {
            key: "PRIORITY",
            values: ["Required", "Important", ...(patching.approveNonSecurity ? ["Standard"] : [])],
          },
        ],
      };
    default:
      return {
        ...base,
        approveAfterDays: patching.approveAfterDays,
        enableNonSecurity: patching.approveNonSecurity,
        patchFilter: [
          {
            key: "CLASSIFICATION",
            values: ["Security", ...(patching.approveNonSecurity ? ["Bugfix"] : [])],
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
