import { FINDING_SEVERITIES } from "../../config/schema/security-findings-schema";
import type { FindingSeverity } from "../../config/schema/security-findings-schema";

/** An EventBridge event pattern, as EventBridge reads it from JSON. */
export type EventPattern = Readonly<Record<string, unknown>>;

/** `minimum` and every severity above it, lowest first. */
export function severitiesFrom(minimum: FindingSeverity): FindingSeverity[] {
  return FINDING_SEVERITIES.slice(FINDING_SEVERITIES.indexOf(minimum));
}

/**
 * Security Hub findings (its own controls' and those GuardDuty, Inspector, Macie and Access
 * Analyzer send it) of the severities that alert. Security Hub sends a finding again on every
 * update, so only active findings nobody has triaged yet alert: setting the workflow status
 * (NOTIFIED, SUPPRESSED, RESOLVED) stops the repeats.
 */
export function securityHubFindingsPattern(minimum: FindingSeverity): EventPattern {
  return {
    source: ["aws.securityhub"],
    "detail-type": ["Security Hub Findings - Imported"],
    detail: {
      findings: {
        Severity: { Label: severitiesFrom(minimum) },
        RecordState: ["ACTIVE"],
        Workflow: { Status: ["NEW"] },
      },
    },
  };
}

/** The lowest GuardDuty score of each severity: LOW 1–3.9, MEDIUM 4–6.9, HIGH 7–8.9, CRITICAL 9+. */
export const GUARDDUTY_SEVERITY_SCORES: Readonly<Record<FindingSeverity, number>> = {
  LOW: 1,
  MEDIUM: 4,
  HIGH: 7,
  CRITICAL: 9,
};

/** GuardDuty findings of the severities that alert, for where Security Hub doesn't carry them. */
export function guardDutyFindingsPattern(minimum: FindingSeverity): EventPattern {
  return {
    source: ["aws.guardduty"],
    "detail-type": ["GuardDuty Finding"],
    detail: { severity: [{ numeric: [">=", GUARDDUTY_SEVERITY_SCORES[minimum]] }] },
  };
}
