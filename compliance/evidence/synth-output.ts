import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SynthesizedStack } from "../rules/evaluate-rules";
import type { TerraformJson } from "../rules/rule";

/**
 * The stacks of a synth output folder, in manifest order, with their Terraform JSON. The JSON of
 * a cloned baseline (named in `templates`, with its template) is read each time it is asked for,
 * and never held: a thousand of them would otherwise hold hundreds of megabytes nobody reads.
 */
export function readSynthesizedStacks(
  outdir: string,
  templates: ReadonlyMap<string, string> = new Map(),
): SynthesizedStack[] {
  return [...synthesizedStackTexts(outdir)].map(([name, text]) => {
    const read = () => JSON.parse(text()) as TerraformJson;
    const clonedFrom = templates.get(name);
    if (clonedFrom === undefined) return { name, json: read() };
    return {
      name,
      clonedFrom,
      get json() {
        return read();
      },
    };
  });
}

/** Each stack of a synth output folder, in manifest order, with a read of its file's text. */
export function synthesizedStackTexts(outdir: string): Map<string, () => string> {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { synthesizedStackPath: string }>;
  };
  return new Map(
    Object.entries(manifest.stacks).map(([name, stack]) => [
      name,
      () => readFileSync(join(outdir, stack.synthesizedStackPath), "utf8"),
    ]),
  );
}
