import type { ConfigProblem } from "../loader/config-problem";
import { retentionMeeting } from "../model/log-retention";
import type { SemanticCheck } from "./semantic-check";

/** Log retention settings agree with each other and with the compliance minimums. */
export const checkLogging: SemanticCheck = ({ organization, environments }) => {
  if (!organization) return [];
  const { file, config } = organization;
  const { logging, compliance } = config;
  const problems: ConfigProblem[] = [];
  const retentionDays = logging.retentionYears * 365;
  if (
    logging.cloudWatchRetentionDays !== undefined &&
    logging.cloudWatchRetentionDays < compliance.minimumLogRetentionDays
  ) {
    problems.push({
      file,
      path: ["logging", "cloudWatchRetentionDays"],
      message: `is less than compliance.minimumLogRetentionDays (${compliance.minimumLogRetentionDays})`,
      received: logging.cloudWatchRetentionDays,
      fix: "Keep the trail's log group at least as long as the compliance minimum.",
    });
  }
  if (logging.objectLockDays > retentionDays) {
    problems.push({
      file,
      path: ["logging", "objectLockDays"],
      message: `locks logs longer than they are kept (retentionYears: ${logging.retentionYears}, ${retentionDays} days)`,
      received: logging.objectLockDays,
      fix: "Lower objectLockDays or raise retentionYears.",
    });
  }
  if (logging.transitionToGlacierDays >= retentionDays) {
    problems.push({
      file,
      path: ["logging", "transitionToGlacierDays"],
      message: `comes after the logs expire (${retentionDays} days)`,
      received: logging.transitionToGlacierDays,
      fix: "Move logs to Glacier before they expire, or keep them longer.",
    });
  }
  for (const environment of environments) {
    const days = environment.config.baseline.waf?.logRetentionDays;
    if (days !== undefined && days < compliance.minimumLogRetentionDays)
      problems.push({
        file: environment.file,
        path: ["baseline", "waf", "logRetentionDays"],
        message: `is less than compliance.minimumLogRetentionDays (${compliance.minimumLogRetentionDays}) in ${file}`,
        received: days,
        fix: `Raise it to at least ${compliance.minimumLogRetentionDays}, or leave it out to keep WAF logs ${retentionMeeting(compliance.minimumLogRetentionDays)} days.`,
      });
  }
  return problems;
};
