import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** A synthesized stack's Terraform JSON, loosely typed for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type StackJson = Record<string, any>;

export interface SynthOutput {
  readonly outdir: string;
  readonly manifest: { stacks: Record<string, { dependencies: string[] }> };
  stack(name: string): StackJson;
  /** Every output file (stacks, manifest, evidence), by relative path, for byte comparisons. */
  files(): Map<string, string>;
  /** Resources of one type in a stack, by logical id. */
  resources(stack: string, type: string): Record<string, StackJson>;
}

/** Reads a synth output folder; loads only what a test asks for. */
export function readSynthOutput(outdir: string): SynthOutput {
  const read = (path: string) => readFileSync(join(outdir, path), "utf8");
  const stack = (name: string) =>
    JSON.parse(read(join("stacks", name, "cdk.tf.json"))) as StackJson;
  return {
    outdir,
    manifest: JSON.parse(read("manifest.json")),
    stack,
    files: () => {
      const files = new Map<string, string>();
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir).sort()) {
          const path = join(dir, entry);
          if (statSync(path).isDirectory()) walk(path);
          else files.set(relative(outdir, path), readFileSync(path, "utf8"));
        }
      };
      walk(outdir);
      return files;
    },
    resources: (name, type) => stack(name).resource?.[type] ?? {},
  };
}

/** The provider a stack's resources use unless they name another: the one without an alias. */
export function defaultProvider(stack: StackJson): StackJson {
  return stack.provider.aws.find((provider: StackJson) => provider.alias === undefined);
}

/**
 * The role a member account is reached with in the example (`pipeline.memberRole: deploy`): the
 * stack's variable when set, else the deploy role where it exists, else the access role.
 */
export const EXAMPLE_MEMBER_ROLE =
  /:role\/\$\{coalesce\(var\.member_role_name, contains\(tolist\(data\.aws_iam_roles\.deploy-role-in-[\w-]+\.names\), "nwh-lz-deploy"\) \? "nwh-lz-deploy" : "OrganizationAccountAccessRole"\)\}$/;
