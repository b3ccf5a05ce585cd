import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exampleSynth } from "../helpers/example-synth";
import { copyExampleConfig } from "../helpers/example-config";
import { synthLandingZone } from "../helpers/synth";
import type { SynthOutput } from "../helpers/synth-output";

let example: SynthOutput;

beforeAll(() => {
  example = exampleSynth();
});

test("the same config synthesizes byte-identical stacks, manifest and evidence", () => {
  const again = synthLandingZone();
  expect(again.files()).toEqual(example.files());
});

test("stamping an account changes its environment's stack and the security-members enrollment, and adds its baseline stack", () => {
  const configDir = copyExampleConfig();
  const devFile = join(configDir, "dev.yaml");
  const original = readFileSync(devFile, "utf8");
  writeFileSync(
    devFile,
    original.replace(
      "\nbaseline:\n",
      [
        "",
        "  - name: dev-ml",
        "    email: aws+dev-ml@northwind-health.com",
        "    owner: ml-team",
        "baseline:",
        "",
      ].join("\n"),
    ),
  );
  // Stacks are Terraform states; the manifest and the evidence describe all of them and change too.
  const stacksOnly = (files: Map<string, string>) =>
    new Map([...files].filter(([path]) => path.startsWith("stacks/")));
  const stamped = stacksOnly(synthLandingZone(configDir).files());
  const before = stacksOnly(example.files());

  const changed = [...before.keys()].filter((path) => stamped.get(path) !== before.get(path));
  const added = [...stamped.keys()].filter((path) => !before.has(path));
  // security-members enrolls the new account in Inspector and Macie.
  expect(changed).toEqual(["stacks/dev/cdk.tf.json", "stacks/security-members/cdk.tf.json"]);
  expect(added).toEqual(["stacks/account-dev-ml/cdk.tf.json"]);
});

describe("a 20-account environment", () => {
  let big: SynthOutput;
  beforeAll(() => {
    const configDir = copyExampleConfig();
    const accounts = Array.from({ length: 20 }, (_, index) => {
      const name = `dev-team-${String(index + 1).padStart(2, "0")}`;
      return `  - name: ${name}\n    email: aws+${name}@northwind-health.com\n    owner: team-${index + 1}\n`;
    });
    // Assignments name the example's dev accounts, which this test replaces.
    rmSync(join(configDir, "identity.yaml"));
    writeFileSync(
      join(configDir, "dev.yaml"),
      `name: dev\nou: Workloads/Development\naccounts:\n${accounts.join("")}`,
    );
    big = synthLandingZone(configDir);
  });

  test("creates at most five accounts at a time: each waits for the one five places before it", () => {
    const accounts = big.resources("dev", "aws_organizations_account");
    const addressOf = new Map(
      Object.entries(accounts).map(([address, account]) => [account.name as string, address]),
    );
    for (let index = 1; index <= 20; index++) {
      const account = accounts[addressOf.get(`dev-team-${String(index).padStart(2, "0")}`)!];
      if (index <= 5) {
        expect(account.depends_on).toBeUndefined();
      } else {
        const lanePredecessor = addressOf.get(`dev-team-${String(index - 5).padStart(2, "0")}`);
        // A bare address: Terraform rejects an interpolation in depends_on.
        expect(account.depends_on).toEqual([`aws_organizations_account.${lanePredecessor}`]);
      }
    }
  });
});
