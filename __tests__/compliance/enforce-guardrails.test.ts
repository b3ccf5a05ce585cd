import { IamUser } from "@cdktf/provider-aws/lib/iam-user";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { synthesizeAtomically } from "../../cli/synthesize-atomically";
import { enforceGuardrails } from "../../compliance/enforce-guardrails";
import { GuardrailViolationError } from "../../compliance/rules/evaluate-rules";
import { loadLandingZoneConfig } from "../../environments/loader/load-config";
import { buildLandingZone } from "../../stacks/landing-zone";
import { EXAMPLE_CONFIG_DIR, tempDir } from "../helpers/synth";

test("a change that breaks a guardrail fails the synth with rule id, address and fix, and writes nothing", () => {
  const config = loadLandingZoneConfig(EXAMPLE_CONFIG_DIR);
  const outdir = join(tempDir(), "cdktf.out");
  let error: unknown;
  try {
    synthesizeAtomically(
      outdir,
      (app) => {
        const [, organization] = buildLandingZone(app, config);
        new IamUser(organization, "deploy-user", { name: "deploy" });
      },
      (app, staged) => enforceGuardrails(app, staged, config),
    );
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(GuardrailViolationError);
  expect((error as Error).message).toContain(
    "organization aws_iam_user.deploy-user: LZ-IAM-003 is an IAM user. Fix: Remove the IAM user; grant access with a permission set, or a role for workloads.",
  );
  expect(existsSync(outdir)).toBe(false);
});
