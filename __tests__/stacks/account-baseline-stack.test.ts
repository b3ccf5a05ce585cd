import { exampleSynth } from "../helpers/example-synth";
import { defaultProvider, EXAMPLE_MEMBER_ROLE } from "../helpers/synth-output";
import type { StackJson, SynthOutput } from "../helpers/synth-output";

let out: SynthOutput;

beforeAll(() => {
  out = exampleSynth();
});

const accountStacks = () =>
  Object.keys(out.manifest.stacks).filter((name) => name.startsWith("account-"));

test("there is one baseline stack per core and workload account, plus the management account", () => {
  expect(accountStacks()).toEqual([
    "account-audit",
    "account-dev-data",
    "account-dev-platform",
    "account-log-archive",
    "account-prod-analytics",
    "account-prod-data",
    "account-prod-platform",
    "account-shared-services",
    "account-staging-data",
    "account-staging-platform",
  ]);
  expect(out.manifest.stacks.management).toBeDefined();
});

test("a new account is reached by assuming the member role with the id from its environment's state", () => {
  const provider = defaultProvider(out.stack("account-prod-data"));
  expect(provider.allowed_account_ids).toEqual([
    "${data.terraform_remote_state.remote-state-prod.outputs.account-id-prod-data}",
  ]);
  expect(out.stack("prod").output["account-id-prod-data"]).toEqual({
    value: expect.stringMatching(/^\$\{aws_organizations_account\.[\w-]+\.id\}$/),
  });
  expect(out.stack("account-prod-data").data.terraform_remote_state["remote-state-prod"]).toEqual({
    backend: "s3",
    config: {
      bucket: "nwh-terraform-state-111122223333",
      encrypt: true,
      key: "landing-zone/prod.tfstate",
      region: "us-east-1",
    },
    workspace: "${terraform.workspace}",
  });
  expect(provider.assume_role).toEqual([
    {
      role_arn: expect.stringMatching(
        new RegExp(`^arn:aws:iam::\\$\\{[^}]+\\}${EXAMPLE_MEMBER_ROLE.source}`),
      ),
      session_name: "landing-zone",
    },
  ]);
  expect(provider.region).toBe("us-east-1");
});

test("the member-account role is a variable: empty by default (the deploy role where it exists), the read role in pull-request plans", () => {
  expect(out.stack("account-prod-data").variable.member_role_name).toEqual({
    type: "string",
    description:
      "Role assumed in member accounts; empty: the deploy role where it exists yet, else the access role",
    default: "",
  });
  expect(out.stack("organization").variable).toBeUndefined();
});

test("every member account has a deploy role only the apply role and break glass can assume, and a read role for plans and evidence", () => {
  const roles = Object.values(out.resources("account-prod-data", "aws_iam_role"));
  const trust = (name: string) =>
    JSON.parse(roles.find((role) => role.name === name)!.assume_role_policy).Statement;
  expect(trust("nwh-lz-deploy")).toEqual([
    {
      Sid: "ApplyRole",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::111122223333:role/nwh-lz-pipeline" },
      Action: "sts:AssumeRole",
    },
    {
      // Break glass is an Identity Center session, whose role name IAM keeps for AWS.
      Sid: "BreakGlassFromManagementAccount",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::111122223333:root" },
      Action: "sts:AssumeRole",
      Condition: {
        ArnLike: {
          "aws:PrincipalArn":
            "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_BreakGlassAdmin_*",
        },
      },
    },
  ]);
  expect(trust("nwh-lz-read")).toEqual([
    {
      Sid: "PlanRole",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::111122223333:role/nwh-lz-plan" },
      Action: "sts:AssumeRole",
    },
    {
      Sid: "EvidenceRole",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::111122223333:role/nwh-lz-evidence" },
      Action: "sts:AssumeRole",
    },
  ]);
  expect(out.resources("management", "aws_iam_role")).not.toContainEqual(
    expect.objectContaining({ name: "nwh-lz-deploy" }),
  );
});

test("an imported account is reached by its literal id, without reading its environment's state", () => {
  const stack = out.stack("account-prod-platform");
  expect(defaultProvider(stack).assume_role[0].role_arn).toMatch(
    new RegExp(`^arn:aws:iam::444455556666${EXAMPLE_MEMBER_ROLE.source}`),
  );
  // Only the log archive's state is read (for the Config key), not the environment's.
  expect(Object.keys(stack.data.terraform_remote_state)).toEqual(["remote-state-logging"]);
});

test("the management account's baseline uses the management provider, with no role to assume", () => {
  const [provider] = out.stack("management").provider.aws;
  expect(provider.allowed_account_ids).toEqual(["111122223333"]);
  expect(provider.assume_role).toBeUndefined();
});

test.each(["account-audit", "account-dev-data", "management"])(
  "%s is hardened in every governed region",
  (name) => {
    const resources = (type: string) => Object.values(out.resources(name, type));
    expect(resources("aws_iam_account_password_policy")).toEqual([
      expect.objectContaining({
        minimum_password_length: 14,
        password_reuse_prevention: 24,
        max_password_age: 90,
        require_lowercase_characters: true,
        require_uppercase_characters: true,
        require_numbers: true,
        require_symbols: true,
      }),
    ]);
    expect(resources("aws_s3_account_public_access_block")).toEqual([
      expect.objectContaining({
        block_public_acls: true,
        block_public_policy: true,
        ignore_public_acls: true,
        restrict_public_buckets: true,
      }),
    ]);
    const regionsOf = (type: string) => resources(type).map((resource) => resource.region);
    expect(regionsOf("aws_ebs_encryption_by_default")).toEqual(["us-east-1", "us-west-2"]);
    expect(
      resources("aws_ebs_encryption_by_default").every((resource) => resource.enabled === true),
    ).toBe(true);
    expect(regionsOf("aws_ec2_instance_metadata_defaults")).toEqual(["us-east-1", "us-west-2"]);
    expect(
      resources("aws_ec2_instance_metadata_defaults").every(
        (resource) => resource.http_tokens === "required",
      ),
    ).toBe(true);
    // One provider per account: regions come from the per-resource argument, not aliases. (A
    // member account's stack has a second, the probe that reads whether its deploy role exists.)
    const providers = out.stack(name).provider.aws as StackJson[];
    expect(
      providers.filter((provider) => !provider.alias?.startsWith("deploy-role-probe-")),
    ).toHaveLength(1);
    expect(providers.every((provider) => provider.region === "us-east-1")).toBe(true);
  },
);

test("every stack but bootstrap keeps state in S3 under a unique key, encrypted and locked", () => {
  const keys = Object.keys(out.manifest.stacks)
    .filter((name) => name !== "bootstrap")
    .map((name) => {
      const backend = out.stack(name).terraform.backend.s3;
      expect(backend).toMatchObject({
        encrypt: true,
        use_lockfile: true,
        bucket: "nwh-terraform-state-111122223333",
      });
      expect(backend.key).toBe(`landing-zone/${name}.tfstate`);
      return backend.key;
    });
  expect(new Set(keys).size).toBe(keys.length);
});

test("matches the snapshots of the example organization", () => {
  expect(out.stack("account-prod-data")).toMatchSnapshot();
  expect(out.stack("management")).toMatchSnapshot();
});
