import type { SemanticCheck } from "./semantic-check";

/**
 * The quarantine OU carries the deny-all SCP: quarantining moves an account there, and an OU
 * without it would leave a quarantined account as free as before.
 */
export const checkQuarantineOu: SemanticCheck = ({ organization }) => {
  const quarantine = organization?.config.quarantineOu;
  if (!organization || !quarantine) return [];
  const denyAll = organization.config.guardrails.attachments["deny-all"] ?? [];
  if (denyAll.includes(quarantine)) return [];
  return [
    {
      file: organization.file,
      path: ["quarantineOu"],
      message: `is not where the deny-all SCP is attached (guardrails.attachments.deny-all: ${denyAll.length > 0 ? denyAll.join(", ") : "none"}), so quarantine would stop nothing`,
      received: quarantine,
      fix: `Add ${quarantine} to guardrails.attachments.deny-all, or name the OU that carries it.`,
    },
  ];
};
