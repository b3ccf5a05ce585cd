import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import stringify from "json-stable-stringify";
import { writeBaselineClones } from "../../../cli/baseline-clones/write-baseline-clones";
import { CloneMismatchError } from "../../../config/model/baseline-clones";
import type { CloneFields, CloneGroup } from "../../../config/model/baseline-clones";
import { tempDir } from "../../helpers/temp-dirs";

const fields = (name: string): CloneFields => ({ name, cidrs: {} });

/** An output folder with the template's and verifier's stacks, as cdktf writes them. */
function outputWith(stacks: Record<string, unknown>): string {
  const outdir = tempDir("lz-clones-");
  const manifest = { version: "0.21.0", stacks: {} as Record<string, unknown> };
  for (const [name, json] of Object.entries(stacks)) {
    const stack = `account-${name}`;
    mkdirSync(join(outdir, "stacks", stack), { recursive: true });
    writeFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), stringify(json, { space: 2 })!);
    manifest.stacks[stack] = {
      name: stack,
      constructPath: stack,
      dependencies: ["prod"],
      synthesizedStackPath: `stacks/${stack}/cdk.tf.json`,
      workingDirectory: `stacks/${stack}`,
    };
  }
  writeFileSync(join(outdir, "manifest.json"), stringify(manifest, { space: 2 })!);
  return outdir;
}

const baselineOf = (name: string) => ({ data: { roles: { [`in-${name}`]: { name } } } });
const plan = (group: CloneGroup) => ({
  groups: [group],
  cloned: new Set(group.clones.map((clone) => clone.name)),
});

test("writes each clone and its manifest entry as cdktf would have", () => {
  const outdir = outputWith({ "prod-a": baselineOf("prod-a"), "prod-bb": baselineOf("prod-bb") });
  writeBaselineClones(
    outdir,
    plan({ template: fields("prod-a"), verifier: fields("prod-bb"), clones: [fields("prod-c")] }),
  );
  expect(readFileSync(join(outdir, "stacks/account-prod-c/cdk.tf.json"), "utf8")).toBe(
    stringify(baselineOf("prod-c"), { space: 2 }),
  );
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
  expect(manifest.stacks["account-prod-c"]).toEqual({
    name: "account-prod-c",
    constructPath: "account-prod-c",
    dependencies: ["prod"],
    synthesizedStackPath: "stacks/account-prod-c/cdk.tf.json",
    workingDirectory: "stacks/account-prod-c",
  });
});

test("refuses a group whose verifier differs beyond its fields", () => {
  const outdir = outputWith({
    "prod-a": baselineOf("prod-a"),
    "prod-bb": { data: { roles: { "in-prod-bb": { name: "prod-bb", extra: true } } } },
  });
  expect(() =>
    writeBaselineClones(
      outdir,
      plan({ template: fields("prod-a"), verifier: fields("prod-bb"), clones: [fields("prod-c")] }),
    ),
  ).toThrow(
    new CloneMismatchError(
      { template: fields("prod-a"), verifier: fields("prod-bb"), clones: [] },
      "prod-bb's synthesized baseline is not prod-a's with its name, id and VPC blocks",
    ),
  );
});

test("refuses a clone whose name would sort a key elsewhere than the template's did", () => {
  // cdktf sorts keys: "in-prod-a" comes before "in-q", "in-z" would come after it.
  const withNeighbour = (name: string) => ({
    data: { roles: { [`in-${name}`]: { name }, "in-q": { name: "q" } } },
  });
  const outdir = outputWith({
    "prod-a": withNeighbour("prod-a"),
    "prod-bb": withNeighbour("prod-bb"),
  });
  expect(() =>
    writeBaselineClones(
      outdir,
      plan({ template: fields("prod-a"), verifier: fields("prod-bb"), clones: [fields("z")] }),
    ),
  ).toThrow("z's name sorts keys differently");
});
