import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import stringify from "json-stable-stringify";
import { CloneMismatchError } from "../../config/model/baseline-clones";
import type { BaselineClonePlan } from "../../config/model/baseline-clones";
import { accountBaselineStackName } from "../../config/model/stack-names";
import {
  fieldSubstitution,
  mentionsFields,
  substitutionsOf,
} from "../../config/model/clone-field-substitution";

interface StackEntry {
  readonly synthesizedStackPath: string;
  readonly workingDirectory: string;
}

interface Manifest {
  readonly stacks: Record<string, StackEntry>;
}

/**
 * Writes every planned clone into cdktf's output, as cdktf would have synthesized it: the
 * template's Terraform JSON and manifest entry with the clone's fields put in. Each group is
 * proven first on its verifier, which cdktf did synthesize; a group that fails the proof throws
 * CloneMismatchError, and the caller discards the output (it is a staging folder) and
 * synthesizes that group's baselines instead.
 */
export function writeBaselineClones(outdir: string, plan: BaselineClonePlan): void {
  if (plan.groups.length === 0) return;
  const manifestPath = join(outdir, "manifest.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const entryOf = (name: string) => {
    const entry = manifest.stacks[accountBaselineStackName(name)];
    if (!entry) throw new Error(`the output has no stack ${accountBaselineStackName(name)}`);
    return entry;
  };
  const stackText = (name: string) =>
    readFileSync(join(outdir, entryOf(name).synthesizedStackPath), "utf8");

  for (const group of plan.groups) {
    const { template, verifier } = group;
    const text = stackText(template.name);
    const entry = JSON.stringify(entryOf(template.name));
    const toVerifier = fieldSubstitution(template, verifier);
    if (toVerifier(text) !== stackText(verifier.name))
      throw new CloneMismatchError(
        group,
        `${verifier.name}'s synthesized baseline is not ${template.name}'s with its name, id and VPC blocks`,
      );
    if (toVerifier(entry) !== JSON.stringify(entryOf(verifier.name)))
      throw new CloneMismatchError(group, `${verifier.name}'s manifest entry differs`);
    const keyLists = keyListsMentioning(JSON.parse(text), mentionsFields(template));
    const cloneOf = substitutionsOf(text, template);
    for (const clone of group.clones) {
      const substitute = fieldSubstitution(template, clone);
      // cdktf writes keys sorted: a key holding a name must sort where the clone's would.
      if (!keyLists.every((keys) => isSorted(keys.map(substitute))))
        throw new CloneMismatchError(group, `${clone.name}'s name sorts keys differently`);
      const cloneEntry = JSON.parse(substitute(entry)) as StackEntry;
      manifest.stacks[accountBaselineStackName(clone.name)] = cloneEntry;
      mkdirSync(join(outdir, cloneEntry.workingDirectory), { recursive: true });
      writeFileSync(join(outdir, cloneEntry.synthesizedStackPath), cloneOf(clone));
    }
  }
  // As cdktf writes it, so the manifest is the one a synth of every stack would have written.
  writeFileSync(manifestPath, stringify(manifest, { space: 2 })!);
}

/** The keys of every object in `json` where some key mentions a field, in cdktf's order. */
function keyListsMentioning(json: unknown, mentions: (text: string) => boolean): string[][] {
  const lists: string[][] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node !== null && typeof node === "object") {
      const keys = Object.keys(node).sort();
      if (keys.some(mentions)) lists.push(keys);
      for (const value of Object.values(node)) visit(value);
    }
  };
  visit(json);
  return lists;
}

const isSorted = (keys: readonly string[]) =>
  keys.every((key, index) => index === 0 || keys[index - 1] < key);
