/**
 * Tags other parts of the landing zone key on. A guardrail that protects "what the landing zone
 * manages" and the resources it protects must agree on these byte for byte, so they live here.
 */

/** On every resource, through the providers' default tags; backup plan guardrails key on it. */
export const MANAGED_BY_TAG = { key: "ManagedBy", value: "landing-zone" } as const;

/** Marks a bucket as holding audit logs, which must be immutable (object lock). */
export const AUDIT_LOG_BUCKET_TAG = { key: "DataPurpose", value: "audit-logs" } as const;

/** Marks a bucket as holding audit evidence snapshots, which must be immutable too. */
export const AUDIT_EVIDENCE_BUCKET_TAG = { key: "DataPurpose", value: "audit-evidence" } as const;

/** Marks a backup vault whose lock makes recovery points immutable. */
export const IMMUTABLE_VAULT_TAG_KEY = "Immutable";

/**
 * The tag key the baseline's plans select resources by, and organization backup policies too.
 * AWS Backup matches tag keys case-sensitively, so `Backup` selects nothing the baseline tags.
 */
export const BACKUP_SELECTION_TAG_KEY = "backup";

/**
 * On every subnet that gives instances public IP addresses: why this VPC needs them. The network
 * guardrail fails a public subnet without it, so the exception is written down where it lives.
 */
export const PUBLIC_SUBNET_JUSTIFICATION_TAG_KEY = "PublicSubnetJustification";
