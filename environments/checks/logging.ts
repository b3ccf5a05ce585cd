import type { ConfigProblem } from "../loader/config-problem";
import type { SemanticCheck } from "./semantic-check";

/** Log retention settings agree with each other and with the compliance minimums. */
export const checkLogging: SemanticCheck = ({ organization }) => {
  if (!organization) return [];
  const { file, config } = organization;
  const { logging, compliance } = config;
  const problems: ConfigProblem[] = [];
  const retentionDays = logging.retentionYears * 365;
  if (logging.cloudWatchRetentionDays < compliance.minimumLogRetentionDays) {
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
  return problems;
};
