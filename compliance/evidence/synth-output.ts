import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SynthesizedStack } from "../rules/evaluate-rules";
import type { TerraformJson } from "../rules/rule";

/** The stacks of a synth output folder, in manifest order, with their Terraform JSON. */
export function readSynthesizedStacks(outdir: string): SynthesizedStack[] {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { synthesizedStackPath: string }>;
  };
  return Object.entries(manifest.stacks).map(([name, stack]) => ({
    name,
    json: JSON.parse(
      readFileSync(join(outdir, stack.synthesizedStackPath), "utf8"),
    ) as TerraformJson,
  }));
}
