import { gapTable } from "./emulator/gap-table";
import type { EvidenceOnEmulator } from "./emulator/collect-evidence-on-emulator";
import type { EmulatorGap } from "./emulator/emulator-gap";
import type { VariantEdit } from "./emulator/emulator-variant";
import type { FeatureEdit } from "./feature-variant";
import { appliedOrCovered } from "./harness-results";
import type { EmulatorResult, ValidateResult } from "./harness-results";

export interface HarnessReport {
  readonly providerVersion: string;
  readonly terraformVersion: string;
  readonly validate: readonly ValidateResult[];
  readonly emulator: readonly EmulatorResult[];
  /** `npm run collect-evidence` on the applied emulator; undefined when a stack didn't apply. */
  readonly evidence?: EvidenceOnEmulator;
  readonly gaps: readonly EmulatorGap[];
  readonly variantEdits: readonly VariantEdit[];
  /** How the feature variant, validated only, differs from the example. */
  readonly featureEdits: readonly FeatureEdit[];
  /** Problems of the run as a whole, such as a gap entry no stack showed. */
  readonly runProblems: readonly string[];
  readonly seconds: number;
}

export function reportPassed(report: HarnessReport): boolean {
  return (
    report.runProblems.length === 0 &&
    (report.evidence?.problems.length ?? 0) === 0 &&
    report.validate.every((result) => result.ok) &&
    report.emulator.every(appliedOrCovered)
  );
}

function validateCell(result: ValidateResult | undefined): string {
  if (!result) return "–";
  if (!result.ok) return `**${result.errors.length + result.adapterFailures.length} error(s)**`;
  const moved = result.adaptations.filter((entry) => entry.kind === "region-moved-to-provider");
  return moved.length > 0 ? `valid (${moved.length} regions moved)` : "valid";
}

function applyCell(result: EmulatorResult | undefined): string {
  if (!result) return "–";
  if (result.status === "skipped") return `skipped: ${result.errors.join("; ")}`;
  if (result.status === "covered")
    return `not applied: ${result.coveredBy}'s JSON with this account's name, id and VPC blocks`;
  if (result.status === "failed" && result.replan === "not run")
    return `**failed (${result.errors.length} error(s))**`;
  const left = result.removed.length > 0 ? `, ${result.removed.length} left out (gaps)` : "";
  const changed =
    result.withheld.length > 0 ? `, ${result.withheld.length} with an argument withheld` : "";
  return `${result.resourcesInState} in state${left}${changed}`;
}

function replanCell(result: EmulatorResult | undefined): string {
  if (!result || result.replan === "not run") return "–";
  if (result.replan === "no changes") return "no changes";
  return `**${result.replan.length} change(s)**`;
}

/** What the evidence collector read back from the applied organization. */
function evidenceSection(evidence: EvidenceOnEmulator): string[] {
  const list = (items: readonly string[]) => (items.length > 0 ? items.join(", ") : "none");
  return [
    "## Evidence collected from the emulator",
    "",
    `\`npm run collect-evidence\` as the management account, exit ${evidence.status}, snapshot in \`${evidence.snapshotDir}\`.`,
    "",
    `- files: ${list(evidence.files)}`,
    `- accounts read: ${list(evidence.accounts)}`,
    `- trails: ${list(evidence.trails)}`,
    `- organization policies: ${list(evidence.policies)}`,
    `- Identity Center assignments: ${evidence.assignments}`,
    `- recorded as missing (the emulator lacks the API): ${evidence.missing.length === 0 ? "none" : ""}`,
    ...evidence.missing.map((entry) => `  - ${entry}`),
  ];
}

/**
 * Every reason the run failed, one line each: the report lists them, and the run prints them again
 * as its last lines, so that a CI log cut to its tail still says why.
 */
export function reportProblems(report: HarnessReport): string[] {
  return [
    ...report.runProblems,
    ...(report.evidence?.problems ?? []).map((problem) => `collect-evidence: ${problem}`),
    ...report.validate.flatMap((result) => [
      ...result.adapterFailures.map((failure) => `adapter: ${failure.message}`),
      ...result.errors.map((error) => `${result.stack}: validate: ${error}`),
    ]),
    ...report.emulator.flatMap((result) => [
      ...(result.status === "skipped"
        ? []
        : result.errors.map((error) => `${result.stack}: ${error}`)),
      ...(Array.isArray(result.replan)
        ? result.replan.map((change) => `${result.stack}: re-plan wants ${change}`)
        : []),
    ]),
  ];
}

/** The stack × validate / apply / re-plan table, and every detail behind a cell that isn't clean. */
export function renderReport(report: HarnessReport): string {
  const stacks = [
    ...new Set([
      ...report.validate.map((result) => result.stack),
      ...report.emulator.map((result) => result.stack),
    ]),
  ];
  const lines = [
    `# AWS proof: ${reportPassed(report) ? "passed" : "FAILED"}`,
    "",
    `Terraform ${report.terraformVersion}, AWS provider ${report.providerVersion}, moto_server on 127.0.0.1; ${report.seconds.toFixed(0)} s.`,
    "Validate runs on the example as synthesized; apply and re-plan run on its emulator variant, in deploy order.",
    "",
    "| stack | resources | validate | apply to the emulator | re-plan |",
    "| --- | ---: | --- | --- | --- |",
  ];
  for (const stack of stacks) {
    const validated = report.validate.find((result) => result.stack === stack);
    const applied = report.emulator.find((result) => result.stack === stack);
    lines.push(
      `| ${stack} | ${validated?.resources ?? "–"} | ${validateCell(validated)} | ${applyCell(applied)} | ${replanCell(applied)} |`,
    );
  }
  const problems = reportProblems(report);
  if (problems.length > 0)
    lines.push("", "## Problems", "", ...problems.map((line) => `- ${line}`));

  const unproven = report.validate.flatMap((result) =>
    result.adaptations
      .filter((entry) => entry.unprovenProtection)
      .map((entry) => `- ${entry.stack}: ${entry.address}: ${entry.description}`),
  );
  if (unproven.length > 0)
    lines.push(
      "",
      "## Protections the 5.x provider can't carry (proven only with 6.25)",
      "",
      ...unproven,
    );

  if (report.evidence) lines.push("", ...evidenceSection(report.evidence));

  lines.push("", "## Emulator gaps (proven by validate only)", "");
  const affected = report.emulator.flatMap((result) => [
    ...result.removed,
    ...result.withheld,
    ...result.unread,
  ]);
  lines.push(
    ...gapTable(report.gaps, (gap) => affected.filter((entry) => entry.gap === gap).length),
  );
  const standIns = report.emulator.flatMap((result) =>
    result.standIns.map(
      (entry) => `- ${result.stack}: output \`${entry.output}\` = \`${entry.value}\``,
    ),
  );
  if (standIns.length > 0) lines.push("", "Stand-in outputs:", "", ...standIns);
  const waits = report.emulator.flatMap((result) =>
    result.droppedWaits.map(
      (entry) =>
        `- ${result.stack}: \`${entry.address}\` applied without waiting for \`${entry.waitedFor}\``,
    ),
  );
  if (waits.length > 0)
    lines.push(
      "",
      "Kept, without the order they wait for (the resource waited for is left out):",
      "",
      ...waits,
    );
  lines.push(
    "",
    "## Emulator variant",
    "",
    "Generated from the example; ids of things that already exist in AWS are removed, because the emulator can't create them with a given id:",
    "",
    ...report.variantEdits.map(
      (edit) => `- ${edit.file}: \`${edit.path}\` (was ${JSON.stringify(edit.removed)})`,
    ),
    "",
    "## Feature variant",
    "",
    "Options the example leaves off, turned on so that the provider validates the resources only they produce (the stacks marked (features) above; not applied):",
    "",
    ...report.featureEdits.map((edit) => `- ${edit.file}: \`${edit.path}\` ${edit.change}`),
  );
  return lines.join("\n") + "\n";
}
