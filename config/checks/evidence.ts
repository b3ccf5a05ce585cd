import type { ConfigProblem } from "../loader/config-problem";
import type { SemanticCheck } from "./semantic-check";

/** Evidence snapshots stay immutable at least as long as the organization keeps its logs. */
export const checkEvidence: SemanticCheck = ({ organization }) => {
  if (!organization) return [];
  const { file, config } = organization;
  const { evidenceRetentionDays, minimumLogRetentionDays } = config.compliance;
  const problems: ConfigProblem[] = [];
  if (evidenceRetentionDays !== undefined && evidenceRetentionDays < minimumLogRetentionDays)
    problems.push({
      file,
      path: ["compliance", "evidenceRetentionDays"],
      message: `is less than compliance.minimumLogRetentionDays (${minimumLogRetentionDays})`,
      received: evidenceRetentionDays,
      fix: `Keep evidence at least ${minimumLogRetentionDays} days, or leave the key out to keep it as long as the compliance minimum.`,
    });
  return problems;
};
