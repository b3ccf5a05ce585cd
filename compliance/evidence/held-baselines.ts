import type { HeldBaseline } from "../../config/model/held-baselines";
import { markdownTable } from "./markdown-table";

/** Baselines the synth left out, so an auditor sees each gap in the plans with its reason. */
export function renderHeldBaselines(held: readonly HeldBaseline[]): string {
  return [
    "# Held account baselines",
    "",
    "Quarantined and closing accounts sit under the deny-all SCP, which refuses every call in them, the pipeline's included. Their baseline stacks are not synthesized or planned; each stack's state, and the account's resources, stay as they were when the account was quarantined.",
    "",
    ...(held.length === 0
      ? ["None: every account's baseline is synthesized."]
      : [
          ...markdownTable(
            ["account", "environment", "stack", "state", "since", "reason"],
            held.map((baseline) => [
              baseline.account,
              baseline.environment,
              baseline.stack,
              baseline.state,
              baseline.since,
              baseline.reason,
            ]),
          ),
        ]),
    "",
  ].join("\n");
}
