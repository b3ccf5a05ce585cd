import { withoutIndex } from "./resource-address";

/** The changes of a saved plan (`terraform show -json <plan>`), with the arguments that differ. */

interface PlanJson {
  output_changes?: Record<string, { actions: string[]; before: unknown; after: unknown }>;
  resource_changes?: {
    address: string;
    change: {
      actions: string[];
      before: unknown;
      after: unknown;
      after_unknown?: Record<string, unknown>;
      replace_paths?: unknown[][];
    };
  }[];
  configuration?: {
    root_module?: { resources?: { address: string; expressions?: Record<string, unknown> }[] };
  };
}

const brief = (value: unknown) => {
  const text = JSON.stringify(value) ?? "null";
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

function differences(before: unknown, after: unknown): string[] {
  const old = (before ?? {}) as Record<string, unknown>;
  const next = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(old), ...Object.keys(next)])]
    .sort()
    .filter((key) => JSON.stringify(old[key]) !== JSON.stringify(next[key]))
    .map((key) => `${key}: ${brief(old[key])} -> ${brief(next[key])}`);
}

const changes = (actions: string[]) =>
  !actions.every((action) => action === "no-op" || action === "read");

export interface PlannedChange {
  readonly address: string;
  readonly actions: readonly string[];
  /** Top-level arguments whose value differs before and after. */
  readonly changedArguments: readonly string[];
  /** The changed arguments whose new value is known only after apply. */
  readonly unknownAfter: readonly string[];
  /** For a replacement, the top-level arguments that force it. */
  readonly forcedBy: readonly string[];
  /** The resource's state before the change, as JSON. */
  readonly before: string;
  /** Each argument's expression in the configuration, as JSON. */
  readonly configuration: Readonly<Record<string, string>>;
  readonly line: string;
}

/** The resources a saved plan would change, each with the arguments that differ. */
export function plannedResourceChanges(showJson: string): PlannedChange[] {
  const plan = JSON.parse(showJson) as PlanJson;
  const configured = new Map(
    (plan.configuration?.root_module?.resources ?? []).map((resource) => [
      resource.address,
      Object.fromEntries(
        Object.entries(resource.expressions ?? {}).map(([key, value]) => [
          key,
          JSON.stringify(value),
        ]),
      ),
    ]),
  );
  return (plan.resource_changes ?? [])
    .filter(({ change }) => changes(change.actions))
    .map(({ address, change }) => {
      const changed = differences(change.before, change.after);
      const changedArguments = changed.map((entry) => entry.slice(0, entry.indexOf(":")));
      return {
        address,
        actions: change.actions,
        changedArguments,
        unknownAfter: changedArguments.filter((key) => change.after_unknown?.[key] === true),
        forcedBy: [...new Set((change.replace_paths ?? []).map((path) => String(path[0])))],
        before: JSON.stringify(change.before ?? null),
        configuration: configured.get(withoutIndex(address)) ?? {},
        line: `${change.actions.join("+")} ${address}${changed.length > 0 ? ` (${changed.join("; ")})` : ""}`,
      };
    });
}

/**
 * One line per resource or output the plan would change:
 * "update aws_x.y (key: before -> after; ...)", "update output.z (before -> after)".
 */
export function describePlannedChanges(showJson: string): string[] {
  const plan = JSON.parse(showJson) as PlanJson;
  const resources = plannedResourceChanges(showJson).map((change) => change.line);
  const outputs = Object.entries(plan.output_changes ?? {})
    .filter(([, change]) => changes(change.actions))
    .map(
      ([name, change]) =>
        `${change.actions.join("+")} output.${name} (${brief(change.before)} -> ${brief(change.after)})`,
    );
  return [...resources, ...outputs];
}
