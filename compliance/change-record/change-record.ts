import type { ExpiringSuppression } from "../suppressions/expiring-suppressions";
import { CHANGE_KINDS, classifyChange } from "./classify-change";
import type { ChangeKind } from "./classify-change";
import type { PlanResourceChange, TerraformPlan } from "./plan-json";
import { securityFlags } from "./security-flags";
import type { SecurityFlag } from "./security-flags";

export interface ResourceChangeRecord {
  readonly address: string;
  readonly type: string;
  readonly kind: ChangeKind;
  readonly previousAddress?: string;
  readonly importId?: string;
  readonly actionReason?: string;
  /** Attributes whose change forced a replacement. */
  readonly replacePaths?: readonly string[];
  /** Names of the attributes that change (values are not copied: they may be sensitive). */
  readonly changedAttributes: readonly string[];
  readonly flags: readonly SecurityFlag[];
  readonly criteria: readonly string[];
}

export interface StackChangeRecord {
  readonly stack: string;
  readonly formatVersion: string;
  readonly terraformVersion?: string;
  readonly summary: Readonly<Record<ChangeKind, number>>;
  readonly changes: readonly ResourceChangeRecord[];
}

export interface ChangeMetadata {
  readonly repository?: string;
  readonly commit?: string;
  readonly pullRequest?: string;
  readonly author?: string;
  readonly runUrl?: string;
  readonly generatedAt: string;
}

export interface ChangeRecord {
  readonly metadata: ChangeMetadata;
  readonly stacks: readonly StackChangeRecord[];
  readonly securityRelevantChanges: number;
  /** Guardrail exceptions that lapse within 30 days of the record, for the reviewer to act on. */
  readonly expiringSuppressions?: readonly ExpiringSuppression[];
}

/** The SOC 2 criteria a resource change touches. */
export type CriteriaOf = (stack: string, change: PlanResourceChange) => readonly string[];

function changedAttributes(change: PlanResourceChange): string[] {
  const before = (change.change.before ?? {}) as Record<string, unknown>;
  const after = (change.change.after ?? {}) as Record<string, unknown>;
  if (typeof before !== "object" || typeof after !== "object") return [];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

function recordOf(
  stack: string,
  change: PlanResourceChange,
  kind: ChangeKind,
  criteriaOf: CriteriaOf,
): ResourceChangeRecord {
  return {
    address: change.address,
    type: change.type,
    kind,
    ...(change.previous_address && change.previous_address !== change.address
      ? { previousAddress: change.previous_address }
      : {}),
    ...(change.change.importing?.id ? { importId: change.change.importing.id } : {}),
    ...(change.action_reason ? { actionReason: change.action_reason } : {}),
    ...(change.change.replace_paths?.length
      ? { replacePaths: change.change.replace_paths.map((path) => path.join(".")) }
      : {}),
    changedAttributes: kind === "update" || kind === "replace" ? changedAttributes(change) : [],
    flags: securityFlags(change, kind),
    criteria: criteriaOf(stack, change),
  };
}

/** A change record for a set of stack plans: what changes, what matters for security, which criteria. */
export function buildChangeRecord(
  plans: readonly { readonly stack: string; readonly plan: TerraformPlan }[],
  criteriaOf: CriteriaOf,
  metadata: ChangeMetadata,
): ChangeRecord {
  const stacks = plans.map(({ stack, plan }): StackChangeRecord => {
    const changes = (plan.resource_changes ?? []).flatMap((change) => {
      if (change.mode === "data") return [];
      const kind = classifyChange(change);
      return kind ? [recordOf(stack, change, kind, criteriaOf)] : [];
    });
    const summary = Object.fromEntries(
      CHANGE_KINDS.map((kind) => [kind, changes.filter((change) => change.kind === kind).length]),
    ) as Record<ChangeKind, number>;
    return {
      stack,
      formatVersion: plan.format_version,
      terraformVersion: plan.terraform_version,
      summary,
      changes,
    };
  });
  const securityRelevantChanges = stacks
    .flatMap((stack) => stack.changes)
    .filter((change) => change.flags.length > 0).length;
  return { metadata, stacks, securityRelevantChanges };
}

/** Deletions and replacements of protected resources: what --fail-on-destroy stops on. */
export function protectedDestroys(record: ChangeRecord): { stack: string; address: string }[] {
  return record.stacks.flatMap((stack) =>
    stack.changes
      .filter((change) => change.flags.some((flag) => flag.kind === "protected-deletion"))
      .map((change) => ({ stack: stack.stack, address: change.address })),
  );
}
