import { appendFileSync, cpSync } from "node:fs";
import { join } from "node:path";
import { sameShapeBaselines } from "../../../aws-harness/emulator/same-shape-baselines";
import { loadLandingZoneConfig } from "../../../config/loader/load-config";
import { EXAMPLE_CONFIG_DIR } from "../../helpers/example-config";
import { exampleSynth } from "../../helpers/example-synth";
import { tempDir } from "../../helpers/temp-dirs";

const config = loadLandingZoneConfig(EXAMPLE_CONFIG_DIR);

test("a baseline that is another's JSON with its own name, id and blocks is covered by it", () => {
  // prod's three accounts differ in more: prod-platform's id is in config, prod-data has its
  // own contacts, so each is applied.
  expect(sameShapeBaselines(config, exampleSynth().outdir)).toEqual(
    new Map([
      ["account-dev-data", "account-dev-platform"],
      ["account-staging-data", "account-staging-platform"],
    ]),
  );
});

test("a baseline of the same shape whose JSON differs in anything else is applied", () => {
  const outdir = join(tempDir(), "cdktf.out");
  cpSync(exampleSynth().outdir, outdir, { recursive: true });
  appendFileSync(join(outdir, "stacks", "account-dev-data", "cdk.tf.json"), " ");
  expect(sameShapeBaselines(config, outdir)).toEqual(
    new Map([["account-staging-data", "account-staging-platform"]]),
  );
});
