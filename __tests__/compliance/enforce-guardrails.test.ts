import { IamUser } from "@cdktf/provider-aws/lib/iam-user";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { synthesizeAtomically } from "../../cli/synthesize-atomically";
import { enforceGuardrails } from "../../compliance/enforce-guardrails";
import { GuardrailViolationError } from "../../compliance/rules/evaluate-rules";
import { loadLandingZoneConfig } from "../../config/loader/load-config";
import { buildLandingZone } from "../../stacks/landing-zone";
import { copyExampleConfig, EXAMPLE_CONFIG_DIR, replaceInFile } from "../helpers/example-config";
import { tempDir } from "../helpers/temp-dirs";

test.each([
  ["with the evidence pack", true],
  ["without it (npm run affected)", false],
])(
  "a change that breaks a guardrail fails the synth %s, with rule id, address and fix, and writes nothing",
  (_, evidence) => {
    const config = loadLandingZoneConfig(EXAMPLE_CONFIG_DIR);
    const outdir = join(tempDir(), "cdktf.out");
    let error: unknown;
    try {
      synthesizeAtomically(
        outdir,
        (app) => {
          const [, organization] = buildLandingZone(app, config).stacks;
          new IamUser(organization, "deploy-user", { name: "deploy" });
        },
        (app, staged) => enforceGuardrails(app, staged, config, { evidence }),
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GuardrailViolationError);
    expect((error as Error).message).toContain(
      "organization aws_iam_user.deploy-user: LZ-IAM-003 is an IAM user. Fix: Remove the IAM user; grant access with a permission set, or a role for workloads.",
    );
    expect(existsSync(outdir)).toBe(false);
  },
);

test("a justified suppression lets the synth pass and lands in the evidence as an exception", () => {
  const configDir = copyExampleConfig();
  const organizationFile = join(configDir, "organization.yaml");
  replaceInFile(
    organizationFile,
    "  suppressions:\n",
    [
      "  suppressions:",
      "    - rule: LZ-IAM-003",
      '      resource: "organization/aws_iam_user.*"',
      "      justification: Legacy SFTP integration user; replaced by Transfer Family in Q1.",
      "      expires: 2099-03-31",
      "    - rule: LZ-IAM-004",
      '      resource: "dev/aws_iam_access_key.*"',
      "      justification: Kept for a partner that has since moved to OIDC.",
      "",
    ].join("\n"),
  );
  const config = loadLandingZoneConfig(configDir);
  const outdir = join(tempDir(), "cdktf.out");
  synthesizeAtomically(
    outdir,
    (app) => {
      const [, organization] = buildLandingZone(app, config).stacks;
      new IamUser(organization, "deploy-user", { name: "deploy" });
    },
    (app, staged) => enforceGuardrails(app, staged, config),
  );
  const results = readFileSync(join(outdir, "evidence", "rule-results.md"), "utf8");
  expect(results).toContain(
    "| LZ-IAM-003 | organization | `aws_iam_user.deploy-user` | is an IAM user | Legacy SFTP integration user; replaced by Transfer Family in Q1. | 2099-03-31 |",
  );
  expect(results).toContain("- LZ-IAM-004 on `dev/aws_iam_access_key.*`: remove it from config.");
});

test("without the evidence pack, the stacks are written and the evidence folder is not", () => {
  const config = loadLandingZoneConfig(EXAMPLE_CONFIG_DIR);
  const outdir = join(tempDir(), "cdktf.out");
  synthesizeAtomically(
    outdir,
    (app) => buildLandingZone(app, config),
    (app, staged) => enforceGuardrails(app, staged, config, { evidence: false }),
  );
  expect(existsSync(join(outdir, "stacks", "organization", "cdk.tf.json"))).toBe(true);
  expect(existsSync(join(outdir, "evidence"))).toBe(false);
});
