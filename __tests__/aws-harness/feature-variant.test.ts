import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  FEATURE_EDITS,
  validateFeatureVariant,
  writeFeatureVariant,
} from "../../aws-harness/feature-variant";
import type { FeatureEdit } from "../../aws-harness/feature-variant";
import type { ProviderAdapter } from "../../aws-harness/provider-for-run";
import type { TerraformCli, TerraformRun } from "../../aws-harness/terraform/terraform-cli";
import type { SynthesizedLandingZone } from "../../cli/synthesize-landing-zone";
import { EXAMPLE_CONFIG_DIR } from "../helpers/example-config";
import { exampleSynth } from "../helpers/example-synth";
import { synthLandingZone } from "../helpers/synth";
import type { SynthOutput } from "../helpers/synth-output";
import { tempDir } from "../helpers/temp-dirs";

let configDir: string;
let edits: FeatureEdit[];
let variant: SynthOutput;
let example: SynthOutput;

beforeAll(() => {
  configDir = join(tempDir(), "feature-variant-config");
  edits = writeFeatureVariant(EXAMPLE_CONFIG_DIR, configDir);
  // synthLandingZone loads the config first, so a config problem fails here with its message.
  variant = synthLandingZone(configDir);
  example = exampleSynth();
});

/** A synth output in the shape the harness passes around: every stack with its JSON. */
const synthesized = (out: SynthOutput): SynthesizedLandingZone => {
  const names = Object.keys(out.manifest.stacks);
  return {
    stacks: names.map((name) => ({ name, json: out.stack(name) })),
    deployOrder: names,
    droppedStacks: [],
    cloneFallbacks: [],
  };
};

const typesOf = (out: SynthOutput, stack: string) => Object.keys(out.stack(stack).resource ?? {});
const stacksWith = (out: SynthOutput, type: string) =>
  Object.keys(out.manifest.stacks).filter((stack) => typesOf(out, stack).includes(type));

test("the variant turns on IPAM for prod, prod's public subnets and an opt-in region, and lists each edit", () => {
  expect(edits).toEqual([
    ...FEATURE_EDITS.map(({ file, path, value }) => ({
      file,
      path: path.join("."),
      change: `set to ${JSON.stringify(value)}`,
    })),
    { file: "organization.yaml", path: "governedRegions", change: "me-central-1 added" },
  ]);
  expect(readFileSync(join(configDir, "organization.yaml"), "utf8")).toMatch(
    /governedRegions:\n {2}- us-east-1\n {2}- us-west-2\n {2}- me-central-1\n/,
  );
  // The example itself is only read.
  expect(readFileSync(join(EXAMPLE_CONFIG_DIR, "organization.yaml"), "utf8")).not.toContain(
    "me-central-1",
  );
});

test("the variant keeps the example's comments, which the YAML edit must not drop", () => {
  expect(readFileSync(join(configDir, "prod.yaml"), "utf8")).toContain(
    "# Created before the landing zone existed",
  );
});

test("the variant's stacks hold the feature types: IPAM in the network stack, opt-in regions, internet gateways in prod", () => {
  expect(stacksWith(variant, "aws_vpc_ipam")).toEqual(["network"]);
  expect(stacksWith(variant, "aws_vpc_ipam_pool")).toEqual(["network"]);
  expect(stacksWith(variant, "aws_account_region").sort()).toEqual([
    "dev",
    "organization",
    "prod",
    "staging",
  ]);
  expect(stacksWith(variant, "aws_internet_gateway").sort()).toEqual([
    "account-prod-analytics",
    "account-prod-data",
    "account-prod-platform",
  ]);
  // Each of these types is one the example lacks, which is why the variant exists.
  for (const type of ["aws_vpc_ipam", "aws_account_region", "aws_internet_gateway"])
    expect(stacksWith(example, type)).toEqual([]);
});

test("the variant's prod VPCs allocate from IPAM and its staging VPCs keep their explicit blocks", () => {
  for (const vpc of Object.values(variant.resources("account-prod-data", "aws_vpc")))
    expect(vpc).toMatchObject({
      ipv4_netmask_length: 20,
      ipv4_ipam_pool_id: expect.stringMatching(
        /^\$\{data\.terraform_remote_state\.remote-state-network\.outputs\.ipam-pool-prod-(us-east-1|us-west-2)\}$/,
      ),
    });
  expect(
    Object.values(variant.resources("account-staging-data", "aws_vpc")).map(
      (vpc) => vpc.cidr_block,
    ),
  ).toEqual(["10.30.16.0/20"]);
});

describe("validateFeatureVariant", () => {
  let validated: string[];
  let results: Awaited<ReturnType<typeof validateFeatureVariant>>;

  beforeAll(async () => {
    // A Terraform that fails `init` at once: validateStack then reports without running anything,
    // and the folders it was asked to work in tell which stacks were selected.
    validated = [];
    const terraform = {
      run: (dir: string): Promise<TerraformRun> => {
        validated.push(dir.split("/").pop()!);
        return Promise.resolve({
          exitCode: 1,
          stdout: "",
          stderr: "not run in this test",
          seconds: 0,
        });
      },
    } as unknown as TerraformCli;
    const adapter: ProviderAdapter = (_stack, json) => ({
      json,
      report: { adaptations: [], failures: [] },
    });
    results = await validateFeatureVariant(
      synthesized(example),
      synthesized(variant),
      terraform,
      adapter,
      tempDir(),
    );
  });

  test("validates the variant's stacks that hold a resource type neither the example nor an earlier validated stack holds", () => {
    const covered = new Set(
      Object.keys(example.manifest.stacks).flatMap((stack) => typesOf(example, stack)),
    );
    const expected = Object.keys(variant.manifest.stacks).filter((stack) => {
      const types = typesOf(variant, stack);
      if (types.every((type) => covered.has(type))) return false;
      types.forEach((type) => covered.add(type));
      return true;
    });
    expect(validated).toEqual(expected);
    expect([...validated].sort()).toEqual([
      "account-prod-analytics",
      "dev",
      "network",
      "organization",
    ]);
    // Every type only the variant holds is in a validated stack.
    const validatedTypes = new Set(validated.flatMap((stack) => typesOf(variant, stack)));
    for (const stack of Object.keys(variant.manifest.stacks))
      for (const type of typesOf(variant, stack))
        if (!validatedTypes.has(type))
          expect(
            Object.keys(example.manifest.stacks).some((name) =>
              typesOf(example, name).includes(type),
            ),
          ).toBe(true);
  });

  test("leaves out stacks the example's validation already covers, such as a core baseline with a default VPC in the opt-in region", () => {
    expect(typesOf(variant, "account-audit")).toContain("aws_flow_log");
    expect(validated).not.toContain("account-audit");
    expect(validated).not.toContain("account-staging-data");
    expect(validated).not.toContain("logging");
    // The other prod baselines bring the same types as the first, differing only in name.
    expect(validated).not.toContain("account-prod-data");
  });

  test("names each result after its stack with (features), and passes Terraform's failure on", () => {
    expect(results.map((result) => result.stack)).toEqual(
      validated.map((stack) => `${stack} (features)`),
    );
    for (const result of results) {
      expect(result.ok).toBe(false);
      expect(result.errors).toEqual(["terraform init failed: not run in this test"]);
    }
  });
});
