import type { PlanResourceChange } from "./plan-json";

export const CHANGE_KINDS = [
  "create",
  "update",
  "replace",
  "delete",
  "import",
  "move",
  "forget",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * What a resource change does, in reviewer's terms. Replacement is either order of delete and
 * create; an import or a move with no other change is still a change worth recording. No-op
 * and read changes return undefined: they change nothing.
 */
export function classifyChange(change: PlanResourceChange): ChangeKind | undefined {
  const actions = change.change.actions;
  if (actions.includes("delete") && actions.includes("create")) return "replace";
  if (actions.includes("create")) return "create";
  if (actions.includes("delete")) return "delete";
  if (actions.includes("forget")) return "forget";
  if (actions.includes("update")) return "update";
  if (change.change.importing) return "import";
  if (change.previous_address && change.previous_address !== change.address) return "move";
  return undefined;
}
