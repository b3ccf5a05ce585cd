import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EMULATOR_GAPS } from "./emulator-gaps";
import { gapTable } from "./gap-table";

export const README = join(__dirname, "..", "..", "README.md");
const START = "<!-- emulator-gaps:start -->";
const END = "<!-- emulator-gaps:end -->";

/** The README with the gap list between its markers rendered from emulator-gaps.ts. */
export function readmeWithGapList(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start)
    throw new Error(`README.md has no ${START} ... ${END} block for the emulator gap list`);
  const table = gapTable(EMULATOR_GAPS).join("\n");
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

// `npm run generate-gap-list`: rewrites the README's copy after emulator-gaps.ts changes.
if (require.main === module) writeFileSync(README, readmeWithGapList(readFileSync(README, "utf8")));
