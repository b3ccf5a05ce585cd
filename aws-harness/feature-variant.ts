import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { parseDocument } from "yaml";
import type { SynthesizedLandingZone } from "../cli/synthesize-landing-zone";
import { resourcesByType } from "../compliance/rules/rule";
import { ORGANIZATION_FILE } from "../config/loader/load-config";
import type { ValidateResult } from "./harness-results";
import type { ProviderAdapter } from "./provider-for-run";
import type { TerraformCli } from "./terraform/terraform-cli";
import type { TerraformJson } from "./terraform/terraform-json";
import { validateStack } from "./validate-stack";

/** The environment whose network the variant moves to IPAM, with public subnets. */
const IPAM_ENVIRONMENT = "prod";
/** An opt-in region, so every account gets aws_account_region. */
const OPT_IN_REGION = "me-central-1";

/**
 * Options the example organization leaves off: an organization IPAM that prod's VPCs allocate
 * from, prod's public subnets, and an opt-in governed region. The variant turns them on, so the
 * real provider validates the resources only they produce.
 */
export const FEATURE_EDITS: readonly { file: string; path: string[]; value: unknown }[] = [
  {
    file: ORGANIZATION_FILE,
    path: ["network"],
    value: {
      ipam: {
        pools: [
          { environment: IPAM_ENVIRONMENT, region: "us-east-1", cidr: "172.16.0.0/14" },
          { environment: IPAM_ENVIRONMENT, region: "us-west-2", cidr: "172.20.0.0/14" },
        ],
      },
    },
  },
  {
    file: `${IPAM_ENVIRONMENT}.yaml`,
    path: ["network", "addressing"],
    value: { ipam: { netmaskLength: 20 } },
  },
  {
    file: `${IPAM_ENVIRONMENT}.yaml`,
    path: ["network", "publicSubnets"],
    value: { justification: "Feature variant of the harness: public load balancers in prod." },
  },
];

/** An edit that makes the example its feature variant, listed in the harness report. */
export interface FeatureEdit {
  readonly file: string;
  readonly path: string;
  readonly change: string;
}

/** Copies the config folder with FEATURE_EDITS and the opt-in region applied; returns the edits. */
export function writeFeatureVariant(sourceDir: string, targetDir: string): FeatureEdit[] {
  cpSync(sourceDir, targetDir, {
    recursive: true,
    filter: (source) => ![".ts", ".js"].includes(extname(source)),
  });
  const edits: FeatureEdit[] = [];
  const edit = (file: string, change: (doc: ReturnType<typeof parseDocument>) => void) => {
    const path = join(targetDir, file);
    const doc = parseDocument(readFileSync(path, "utf8"));
    change(doc);
    writeFileSync(path, doc.toString({ lineWidth: 0 }));
  };
  for (const { file, path, value } of FEATURE_EDITS) {
    edit(file, (doc) => doc.setIn(path, doc.createNode(value)));
    edits.push({ file, path: path.join("."), change: `set to ${JSON.stringify(value)}` });
  }
  edit(ORGANIZATION_FILE, (doc) => doc.addIn(["governedRegions"], OPT_IN_REGION));
  edits.push({
    file: ORGANIZATION_FILE,
    path: "governedRegions",
    change: `${OPT_IN_REGION} added`,
  });
  return edits;
}

function resourceTypes(stack: { json: unknown }): string[] {
  return Object.keys(resourcesByType(stack.json as TerraformJson));
}

/**
 * `terraform validate` of the variant's stacks that hold a resource type no stack of the example
 * holds (what only the variant's options produce), each type once: a stack whose new types an
 * earlier one already brought is left out, as the prod account baselines after the first, which
 * differ only in name. Results are named "<stack> (features)".
 */
export async function validateFeatureVariant(
  example: SynthesizedLandingZone,
  variant: SynthesizedLandingZone,
  terraform: TerraformCli,
  adapter: ProviderAdapter,
  workDir: string,
): Promise<ValidateResult[]> {
  const validatedTypes = new Set(example.stacks.flatMap(resourceTypes));
  const results: ValidateResult[] = [];
  for (const stack of variant.stacks) {
    const types = resourceTypes(stack);
    if (types.every((type) => validatedTypes.has(type))) continue;
    types.forEach((type) => validatedTypes.add(type));
    const result = await validateStack(
      stack.name,
      stack.json,
      terraform,
      adapter,
      join(workDir, "validate-features"),
    );
    results.push({ ...result, stack: `${stack.name} (features)` });
  }
  return results;
}
