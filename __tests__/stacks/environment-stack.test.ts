import { join } from "node:path";
import { exampleSynth } from "../helpers/example-synth";
import { copyExampleConfig, replaceInFile } from "../helpers/example-config";
import { synthLandingZone } from "../helpers/synth";
import type { SynthOutput } from "../helpers/synth-output";

let out: SynthOutput;

beforeAll(() => {
  out = exampleSynth();
});

const accountsOf = (stack: string) =>
  Object.entries(out.resources(stack, "aws_organizations_account"));

test("each environment's accounts sit in its OU, found through the organization stack's state", () => {
  const prod = accountsOf("prod");
  expect(prod.map(([, account]) => account.name).sort()).toEqual([
    "prod-analytics",
    "prod-data",
    "prod-platform",
  ]);
  const remote =
    out.stack("prod").data.terraform_remote_state["cross-stack-reference-input-organization"];
  expect(remote.config).toMatchObject({
    key: "landing-zone/organization.tfstate",
    bucket: "nwh-terraform-state-111122223333",
  });
  for (const [, account] of prod) {
    expect(account.parent_id).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-organization\.outputs\..*workloads-production.*\}$/,
    );
  }
});

test("accounts can't be closed or destroyed by accident, and carry owner and environment tags", () => {
  const [, data] = accountsOf("prod").find(([, account]) => account.name === "prod-data")!;
  expect(data).toMatchObject({
    email: "aws+prod-data@northwind-health.com",
    close_on_deletion: false,
    role_name: "OrganizationAccountAccessRole",
    tags: {
      Owner: "data-team",
      Environment: "prod",
      Tier: "critical",
      DataClassification: "restricted",
    },
  });
  expect(data.lifecycle).toEqual({
    prevent_destroy: true,
    ignore_changes: ["role_name", "iam_user_access_to_billing"],
  });
});

test("an account with an id in config is imported, not created", () => {
  const [address] = accountsOf("prod").find(([, account]) => account.name === "prod-platform")!;
  expect(out.stack("prod").import).toEqual([
    { to: `aws_organizations_account.${address}`, id: "444455556666" },
  ]);
  expect(out.stack("dev").import).toBeUndefined();
});

test("deploys after the organization, and each account baseline after the stack that owns its account", () => {
  const dependencies = (stack: string) => [...out.manifest.stacks[stack].dependencies].sort();
  // Environment stacks assign their accounts' Identity Center access, after identity exists.
  expect(dependencies("dev")).toEqual(["identity", "organization"]);
  // Environments deploy one after another, so account creations never overlap across stacks.
  expect(dependencies("prod")).toEqual(["dev", "identity", "organization"]);
  expect(dependencies("staging")).toEqual(["identity", "organization", "prod"]);
  expect(dependencies("identity")).toEqual(["organization"]);
  // Baselines deliver Config to the log archive, so they follow the logging stack too, and their
  // deploy and read roles trust the pipeline's roles, which IAM requires to exist.
  expect(dependencies("account-prod-data")).toEqual(["logging", "pipeline", "prod"]);
  expect(dependencies("account-prod-platform")).toEqual(["logging", "pipeline", "prod"]);
  expect(dependencies("account-audit")).toEqual(["logging", "organization", "pipeline"]);
  expect(dependencies("management")).toEqual(["logging", "organization"]);
  expect(dependencies("logging")).toEqual(["organization"]);
  expect(dependencies("security")).toEqual(["logging", "organization"]);
});

test("matches the snapshot of the example organization", () => {
  expect(out.stack("prod")).toMatchSnapshot();
});

test("a policy attached to a workload account is attached by that account's environment stack", () => {
  const configDir = copyExampleConfig();
  const organizationFile = join(configDir, "organization.yaml");
  replaceInFile(
    organizationFile,
    "    deny-all: [Suspended]",
    "    deny-all: [Suspended, dev-data]",
  );
  const stamped = synthLandingZone(configDir);
  const [attachment] = Object.values(
    stamped.resources("dev", "aws_organizations_policy_attachment"),
  );
  expect(attachment.policy_id).toMatch(
    /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-organization\.outputs\.cross-stack-output-aws_organizations_policy.*deny-all.*\}$/,
  );
  const [accountAddress] = Object.entries(
    stamped.resources("dev", "aws_organizations_account"),
  ).find(([, account]) => account.name === "dev-data")!;
  expect(attachment.target_id).toBe(`\${aws_organizations_account.${accountAddress}.id}`);
  expect(Object.keys(stamped.resources("prod", "aws_organizations_policy_attachment"))).toEqual([]);
});
