import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { synthesizeAtomically } from "../../cli/synthesize-atomically";
import { enforceGuardrails } from "../../compliance/enforce-guardrails";
import { loadLandingZoneConfig } from "../../config/loader/load-config";
import { buildLandingZone } from "../../stacks/landing-zone";

export const EXAMPLE_CONFIG_DIR = join(__dirname, "..", "..", "environments");

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

export function tempDir(prefix = "lz-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Copies the example organization so a test can change it. */
export function copyExampleConfig(): string {
  const dir = tempDir("lz-config-");
  cpSync(EXAMPLE_CONFIG_DIR, dir, { recursive: true });
  return dir;
}

/**
 * A real `app.synth()` through the same path as `npm run synth` (Testing.synth would skip
 * prepareStack, leaving cross-stack references dangling).
 */
export function synthLandingZone(configDir: string = EXAMPLE_CONFIG_DIR): SynthOutput {
  const outdir = join(tempDir("lz-out-"), "cdktf.out");
  const config = loadLandingZoneConfig(configDir);
  synthesizeAtomically(
    outdir,
    (app) => buildLandingZone(app, config),
    (app, staged) => enforceGuardrails(app, staged, config),
  );
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

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
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
