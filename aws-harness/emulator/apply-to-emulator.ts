import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EmulatorResult } from "../harness-results";
import type { ProviderAdapter } from "../provider-for-run";
import type { TerraformCli } from "../terraform/terraform-cli";
import type { TerraformJson } from "../terraform/terraform-json";
import { describePlannedChanges, plannedResourceChanges } from "../terraform/planned-changes";
import { withoutIndex } from "../terraform/resource-address";
import { errorsOf, formatDiagnostic, readDiagnostics } from "../terraform/terraform-messages";
import { describeGap } from "./emulator-gap";
import { explainReplan } from "./explain-replan";
import type { EmulatorGap } from "./emulator-gap";
import type { GapProofs } from "./gap-proofs";
import { proveGaps } from "./prove-gaps";
import type { StrippedStack } from "./strip-emulator-gaps";
import { wireToEmulator } from "./wire-to-emulator";
import type { EmulatorWiring } from "./wire-to-emulator";

export interface EmulatorRun {
  readonly terraform: TerraformCli;
  readonly adapter: ProviderAdapter;
  readonly wiring: EmulatorWiring;
  /** What the emulator has logged so far: the message behind an HTTP 500 is only there. */
  readonly emulatorLog: () => string;
  /** Gap entries seen failing in this run: each is proven once, then trusted. */
  readonly gapProofs: GapProofs;
  /** Every gap of the list. */
  readonly gaps: readonly EmulatorGap[];
  readonly workDir: string;
}

/**
 * Applies one stack of the emulator variant and plans it again, which must show no changes.
 *
 * A stack that has gap-list entries no other stack has proven yet first applies with its gap
 * resources in (proveGaps): each error must be one the list names, with its exact message. The
 * resources that failed are then forgotten, and the stack without them, and without what uses
 * their values, is applied.
 */
export async function applyToEmulator(
  name: string,
  /** The stack without some gap entries' resources (and what uses them), for the given entries. */
  strip: (gaps: readonly EmulatorGap[], unwait?: readonly EmulatorGap[]) => StrippedStack,
  run: EmulatorRun,
): Promise<EmulatorResult> {
  const started = performance.now();
  const dir = join(run.workDir, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const full = strip(run.gaps);
  const { removed, withheld, unread, droppedWaits, standIns } = full;
  const write = (json: TerraformJson) =>
    writeFileSync(
      join(dir, "main.tf.json"),
      JSON.stringify(run.adapter(name, wireToEmulator(json, run.wiring)).json, null, 2),
    );
  const gapsObserved = new Set<string>();
  const result = (
    status: EmulatorResult["status"],
    errors: string[],
    replan: EmulatorResult["replan"],
    resourcesInState = 0,
  ): EmulatorResult => ({
    stack: name,
    status,
    resourcesInState,
    removed,
    withheld,
    unread,
    droppedWaits,
    standIns,
    gapsObserved: [...gapsObserved],
    errors,
    replan,
    seconds: (performance.now() - started) / 1000,
  });
  const terraform = (args: string[]) => run.terraform.run(dir, args);
  const settle = async ({ removed: leftOut, withheld: changed }: StrippedStack) => {
    const inState = (await terraform(["state", "list"])).stdout.split("\n").filter(Boolean);
    const named = (entries: StrippedStack["removed"]) =>
      inState.filter((address) => entries.some((entry) => entry.address === withoutIndex(address)));
    const forget = named(leftOut);
    if (forget.length > 0) await terraform(["state", "rm", ...forget]);
    // The emulator made these before the call that failed: keep them, with the argument changed.
    for (const address of named(changed)) await terraform(["untaint", address]);
  };
  const apply = async (stack: StrippedStack) => {
    write(stack.stack);
    return (await terraform(["apply", "-auto-approve", "-json"])).stdout;
  };

  write(full.stack);
  const init = await terraform(["init", "-input=false", "-no-color"]);
  if (init.exitCode !== 0)
    return result("failed", [`terraform init: ${init.stderr.trim()}`], "not run");

  const onGapList = [...removed.filter((entry) => !entry.dependsOn), ...withheld];
  if (run.gapProofs.claim(onGapList.map((entry) => entry.gap)).length > 0) {
    const proof = await proveGaps(full, strip, apply, settle, run.emulatorLog);
    for (const gap of proof.observed) {
      gapsObserved.add(describeGap(gap));
      run.gapProofs.prove(gap);
    }
    if (proof.unexplained.length > 0) return result("failed", [...proof.unexplained], "not run");
    await settle(full);
  }

  const applyErrors = errorsOf(readDiagnostics(await apply(full))).map(formatDiagnostic);
  if (applyErrors.length > 0) return result("failed", applyErrors, "not run");
  const resourcesInState = (await terraform(["state", "list"])).stdout
    .split("\n")
    .filter((line) => line && !line.startsWith("data.")).length;
  const replan = await terraform([
    "plan",
    "-detailed-exitcode",
    "-json",
    "-input=false",
    "-out=replan.tfplan",
  ]);
  if (replan.exitCode === 0) return result("applied", [], "no changes", resourcesInState);
  const planErrors = errorsOf(readDiagnostics(replan.stdout)).map(formatDiagnostic);
  if (replan.exitCode !== 2) return result("failed", planErrors, "not run", resourcesInState);
  const shown = (await terraform(["show", "-json", "replan.tfplan"])).stdout;
  // What the emulator doesn't read back shows as a change of those arguments alone.
  const resourceChanges = plannedResourceChanges(shown);
  const explanation = explainReplan(resourceChanges, unread, run.emulatorLog());
  const changes = describePlannedChanges(shown);
  const onlyResources = resourceChanges.length > 0 && changes.length === resourceChanges.length;
  if (planErrors.length === 0 && onlyResources && explanation.unexplained.length === 0) {
    for (const gap of explanation.gaps) {
      gapsObserved.add(describeGap(gap));
      run.gapProofs.prove(gap);
    }
    return result("applied", [], "no changes", resourcesInState);
  }
  if (changes.length === 0)
    planErrors.push(
      "the plan after apply changes outputs only, or exited 2 without naming a change",
    );
  return result("failed", planErrors, changes, resourcesInState);
}
