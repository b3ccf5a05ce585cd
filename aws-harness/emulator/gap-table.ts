import { escapeCell } from "../../compliance/evidence/markdown-table";
import { describeGap } from "./emulator-gap";
import type { EmulatorGap } from "./emulator-gap";

/**
 * The gap list as a Markdown table, for the run's report (with how many resources each entry
 * took out of that run) and for docs/proof-from-aws.md (without).
 */
export function gapTable(
  gaps: readonly EmulatorGap[],
  resourcesOf?: (gap: EmulatorGap) => number,
): string[] {
  const counted = resourcesOf !== undefined;
  return [
    `| resource | why | failing call | emulator message |${counted ? " resources |" : ""}`,
    `| --- | --- | --- | --- |${counted ? " ---: |" : ""}`,
    ...gaps.map(
      (gap) =>
        `| ${[describeGap(gap), gap.reason, gap.failingCall, `\`${gap.emulatorMessage}\``].map(escapeCell).join(" | ")} |${counted ? ` ${resourcesOf(gap)} |` : ""}`,
    ),
  ];
}
