import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { loadLandingZoneConfig } from "../config/loader/load-config";
import { EVIDENCE_ENVIRONMENT, SHARED_DEPLOY_ENVIRONMENT } from "../contracts/github-environments";
import { evidenceRoleName } from "../config/model/evidence-settings";
import { exampleSynth } from "./helpers/example-synth";
import { EXAMPLE_CONFIG_DIR } from "./helpers/example-config";

const WORKFLOWS = join(__dirname, "..", ".github", "workflows");
/** Every workflow, so a new one can't escape the checks of keys and OIDC trust below. */
const WORKFLOW_NAMES = readdirSync(WORKFLOWS)
  .filter((file) => file.endsWith(".yml"))
  .map((file) => file.replace(/\.yml$/, ""))
  .sort();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const workflow = (name: string): any => parse(readFileSync(join(WORKFLOWS, `${name}.yml`), "utf8"));
const config = loadLandingZoneConfig(EXAMPLE_CONFIG_DIR);
const organization = config.organization.config;
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
  expect(workflow("evidence").env).toMatchObject({
    AWS_REGION: organization.homeRegion,
    EVIDENCE_ROLE_ARN: roleArn(evidenceRoleName(organization)),
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

test("evidence is collected monthly and on demand, uploaded, and kept as an artifact for 400 days", () => {
  const evidence = workflow("evidence");
  expect(evidence.on.schedule).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ 1 \* \*$/) }]);
  expect(Object.keys(evidence.on.workflow_dispatch.inputs).sort()).toEqual(["from", "to"]);
  expect(evidence.permissions).toEqual({ contents: "read" });
  const collect = evidence.jobs.collect;
  expect(collect.environment).toBe(EVIDENCE_ENVIRONMENT);
  expect(collect.permissions).toEqual({ contents: "read", "id-token": "write" });
  const run = collect.steps.find((step: { name?: string }) => step.name === "Collect and upload");
  expect(run.run).toMatch(/npm run -s collect-evidence -- --out evidence-snapshot --upload/);
  // Inputs reach the shell as variables, never spliced into the script.
  expect(run.run).not.toContain("${{");
  const upload = collect.steps.find((step: { uses?: string }) =>
    step.uses?.startsWith("actions/upload-artifact"),
  );
  expect(upload.with).toMatchObject({ path: "evidence-snapshot" });
  expect(upload.with["retention-days"]).toBeGreaterThanOrEqual(400);
});

test("no workflow stores AWS keys", () => {
  expect(WORKFLOW_NAMES).toEqual(expect.arrayContaining(["apply", "drift", "evidence", "plan"]));
  for (const name of WORKFLOW_NAMES) {
    const text = readFileSync(join(WORKFLOWS, `${name}.yml`), "utf8");
    expect(text).not.toMatch(/aws-access-key-id|AWS_SECRET_ACCESS_KEY|secrets\./);
  }
});

/**
 * The `sub` claim GitHub puts in a job's OIDC token: `environment:<name>` for a job in a GitHub
 * environment, otherwise the event's context (`pull_request`, or `ref:<ref>` for pushes, schedules
 * and dispatches, which run on main here).
 */
function oidcSubjects(name: string): Map<string, Set<string>> {
  const file = workflow(name);
  const repo = `repo:${organization.pipeline.repository}`;
  const byRole = new Map<string, Set<string>>();
  for (const job of Object.values<{
    permissions?: Record<string, string>;
    environment?: string;
    steps: { uses?: string; with?: Record<string, string> }[];
  }>(file.jobs)) {
    if (job.permissions?.["id-token"] !== "write") continue;
    const login = job.steps.find((step) =>
      step.uses?.startsWith("aws-actions/configure-aws-credentials"),
    )!;
    const role = login.with!["role-to-assume"].replace(
      /^\$\{\{ env\.(\w+) \}\}$/,
      (_: string, variable: string) => file.env[variable],
    );
    const contexts = job.environment
      ? (job.environment === "${{ matrix.environment }}"
          ? [
              ...config.environments.map((environment) => environment.config.name),
              SHARED_DEPLOY_ENVIRONMENT,
            ]
          : [job.environment]
        ).map((environment) => `environment:${environment}`)
      : Object.keys(file.on).map((event) => {
          if (event === "pull_request") return "pull_request";
          if (event === "push") expect(file.on.push.branches).toEqual(["main"]);
          else expect(["schedule", "workflow_dispatch"]).toContain(event);
          return "ref:refs/heads/main";
        });
    const subjects = byRole.get(role) ?? new Set<string>();
    for (const context of contexts) subjects.add(`${repo}:${context}`);
    byRole.set(role, subjects);
  }
  return byRole;
}

test("each role's OIDC trust admits exactly the subjects of the workflow jobs that assume it", () => {
  const needed = new Map<string, Set<string>>();
  for (const name of WORKFLOW_NAMES)
    for (const [role, subjects] of oidcSubjects(name))
      needed.set(role, new Set([...(needed.get(role) ?? []), ...subjects]));
  expect([...needed.keys()].sort()).toEqual(
    [
      roleArn(organization.pipeline.applyRoleName),
      roleArn(organization.pipeline.planRoleName),
      roleArn(evidenceRoleName(organization)),
    ].sort(),
  );

  const out = exampleSynth();
  const roles = Object.values(out.resources("pipeline", "aws_iam_role"));
  for (const [arn, subjects] of needed) {
    const role = roles.find((entry) => arn.endsWith(`:role/${entry.name}`))!;
    const [statement] = JSON.parse(role.assume_role_policy).Statement;
    expect({
      role: role.name,
      trusted: [
        ...statement.Condition.StringLike["token.actions.githubusercontent.com:sub"],
      ].sort(),
    }).toEqual({ role: role.name, trusted: [...subjects].sort() });
  }
});
