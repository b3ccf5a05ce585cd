import { describeGap } from "./emulator-gap";
import type { EmulatorGap } from "./emulator-gap";

/**
 * The gap list as a Markdown table, for the run's report (with how many resources each entry
 * took out of that run) and for the README (without).
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
        `| ${describeGap(gap)} | ${gap.reason} | ${gap.failingCall} | \`${gap.emulatorMessage.replaceAll("|", "\\|")}\` |${counted ? ` ${resourcesOf(gap)} |` : ""}`,
    ),
  ];
}
