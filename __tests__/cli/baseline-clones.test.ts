import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { loadLandingZoneConfig } from "../../config/loader/load-config";
import { synthesizeLandingZone } from "../../cli/synthesize-landing-zone";
import type { SynthesizedLandingZone } from "../../cli/synthesize-landing-zone";
import { EXAMPLE_CONFIG_DIR } from "../helpers/example-config";
import { PROD_FROM_IPAM } from "../helpers/example-edits";
import { generatedOrganization } from "../helpers/generated-organization";
import { tempDir } from "../helpers/temp-dirs";

/** Every file under `dir` by its path inside it, with its bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  visit(dir);
  return files;
}

/** The config synthesized both ways: with clones, and every baseline by cdktf (today's method). */
function synthesizedBothWays(configDir: string) {
  const config = loadLandingZoneConfig(configDir);
  const clonedDir = join(tempDir("lz-cloned-"), "cdktf.out");
  const fullDir = join(tempDir("lz-full-"), "cdktf.out");
  const cloned = synthesizeLandingZone(config, clonedDir);
  const full = synthesizeLandingZone(config, fullDir, { cloneBaselines: false });
  return { cloned, full, clonedFiles: filesOf(clonedDir), fullFiles: filesOf(fullDir) };
}

const expectSameBytes = (cloned: Map<string, Buffer>, full: Map<string, Buffer>) => {
  expect([...cloned.keys()].sort()).toEqual([...full.keys()].sort());
  const differing = [...full].filter(([path, bytes]) => !bytes.equals(cloned.get(path)!));
  expect(differing.map(([path]) => path)).toEqual([]);
};

const clonedStacks = (synth: SynthesizedLandingZone) =>
  synth.stacks.filter((stack) => stack.clonedFrom !== undefined).map((stack) => stack.name);

test("a generated organization comes out byte for byte as when every baseline is synthesized", () => {
  // Three accounts per environment, each with a template, a verifier and a clone; dev's and
  // staging's VPCs have explicit blocks, prod's come from an organization IPAM.
  const { cloned, full, clonedFiles, fullFiles } = synthesizedBothWays(
    generatedOrganization(9, PROD_FROM_IPAM),
  );
  expect(clonedStacks(cloned)).toEqual([
    "account-dev-svc-0001",
    "account-prod-svc-0001",
    "account-staging-svc-0001",
  ]);
  expect(cloned.cloneFallbacks).toEqual([]);
  expect(clonedStacks(full)).toEqual([]);
  expect(cloned.deployOrder).toEqual(full.deployOrder);
  expectSameBytes(clonedFiles, fullFiles);
  // The evidence reaches the clone's resources, in the clone's account.
  const matrix = clonedFiles.get("evidence/control-matrix.md")!.toString();
  expect(matrix).toMatch(
    /\| account-dev-svc-0001 \| dev-svc-0001 \(created by the landing zone\) \| us-east-1 \| `aws_vpc\./,
  );
}, 120_000);

test("a template whose name is also in what every baseline shares falls back to synthesis, with the same output", () => {
  // "config" is in every baseline's Config recorder; put in for the verifier's name, it would
  // rename those too, so the verifier's proof fails.
  const { cloned, clonedFiles, fullFiles } = synthesizedBothWays(
    generatedOrganization(9, [["prod.yaml", /prod-svc-0000/g, "config"]]),
  );
  expect(cloned.cloneFallbacks).toEqual([
    "Baselines of config's shape can't be cloned: prod-svc-0002's synthesized baseline is not config's with its name, id and VPC blocks",
  ]);
  expect(clonedStacks(cloned)).toEqual(["account-dev-svc-0001", "account-staging-svc-0001"]);
  expectSameBytes(clonedFiles, fullFiles);
}, 120_000);

test("the example, which has no shape of three accounts, is the same either way", () => {
  const { cloned, clonedFiles, fullFiles } = synthesizedBothWays(EXAMPLE_CONFIG_DIR);
  expect(clonedStacks(cloned)).toEqual([]);
  expectSameBytes(clonedFiles, fullFiles);
}, 60_000);
