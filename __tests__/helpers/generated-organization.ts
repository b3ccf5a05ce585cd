import { join } from "node:path";
import { generateOrganization } from "../../bench/generate-organization";
import { EXAMPLE_CONFIG_DIR, replaceInFile } from "./example-config";
import { tempDir } from "./temp-dirs";

/**
 * The benchmark's organization of `accounts` workload accounts (network on everywhere, explicit
 * VPC blocks), with edits applied: file → [fragment, replacement]. Two governed regions, not the
 * benchmark's four: prod's backups copy to us-west-2, and every region more makes each synth
 * slower without testing anything new.
 */
export function generatedOrganization(
  accounts: number,
  edits: readonly (readonly [file: string, fragment: string | RegExp, replacement: string])[] = [],
): string {
  const dir = join(tempDir("lz-generated-"), "config");
  generateOrganization(EXAMPLE_CONFIG_DIR, dir, accounts, ["us-east-1", "us-west-2"]);
  for (const [file, fragment, replacement] of edits)
    replaceInFile(join(dir, file), fragment, replacement);
  return dir;
}
