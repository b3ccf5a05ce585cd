import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { loadLandingZoneConfig } from "../environments/loader/load-config";
import { EXAMPLE_CONFIG_DIR } from "./helpers/synth";

const WORKFLOWS = join(__dirname, "..", ".github", "workflows");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const workflow = (name: string): any => parse(readFileSync(join(WORKFLOWS, `${name}.yml`), "utf8"));
const organization = loadLandingZoneConfig(EXAMPLE_CONFIG_DIR).organization.config;
const roleArn = (name: string) => `arn:aws:iam::${organization.managementAccountId}:role/${name}`;

test("the workflows' roles and region match organization.yaml", () => {
  for (const name of ["plan", "drift"]) {
    expect(workflow(name).env).toMatchObject({
      AWS_REGION: organization.homeRegion,
      PLAN_ROLE_ARN: roleArn(organization.pipeline.planRoleName),
      READ_ROLE_NAME: organization.pipeline.readRoleName,
    });
  }
  expect(workflow("apply").env).toMatchObject({
    AWS_REGION: organization.homeRegion,
    APPLY_ROLE_ARN: roleArn(organization.pipeline.applyRoleName),
  });
});

test("pull requests plan through OIDC with the read role, and keep plans and records 400 days", () => {
  const plan = workflow("plan").jobs.plan;
  expect(plan.permissions).toEqual({ contents: "read", "id-token": "write" });
  const planStep = plan.steps.find((step: { name?: string }) => step.name === "Plan");
  expect(planStep.env.TF_VAR_member_role_name).toBe("${{ env.READ_ROLE_NAME }}");
  const upload = plan.steps.find((step: { uses?: string }) =>
    step.uses?.startsWith("actions/upload-artifact"),
  );
  expect(upload.with["retention-days"]).toBeGreaterThanOrEqual(400);
  const record = plan.steps.find((step: { name?: string }) => step.name === "Change record");
  expect(record.run).toContain("--fail-on-destroy");
});

test("merges apply one stack at a time, in order, each in its environment for approvals", () => {
  const apply = workflow("apply").jobs.apply;
  expect(apply.environment).toBe("${{ matrix.environment }}");
  expect(apply.strategy["max-parallel"]).toBe(1);
  expect(apply.strategy.matrix.include).toBe("${{ fromJSON(needs.affected.outputs.matrix) }}");
  const applyStep = apply.steps.find((step: { name?: string }) => step.name === "Apply");
  expect(applyStep.run).toContain("apply -input=false -lock-timeout=10m plan.tfplan");
  expect(applyStep.run).toContain("apply.log");
});

test("drift detection plans every stack on a schedule and reports to an issue", () => {
  const drift = workflow("drift");
  expect(drift.on.schedule).toHaveLength(1);
  expect(
    drift.jobs.plan.steps.find((step: { name?: string }) => step.name === "Plan").run,
  ).toContain("-detailed-exitcode");
  expect(drift.jobs.report.permissions).toMatchObject({ issues: "write" });
});

test("no workflow stores AWS keys", () => {
  for (const name of ["plan", "apply", "drift"]) {
    const text = readFileSync(join(WORKFLOWS, `${name}.yml`), "utf8");
    expect(text).not.toMatch(/aws-access-key-id|AWS_SECRET_ACCESS_KEY|secrets\./);
  }
});
