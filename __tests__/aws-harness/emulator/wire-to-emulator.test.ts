import {
  emulatorEndpointEnvironment,
  wireToEmulator,
} from "../../../aws-harness/emulator/wire-to-emulator";
import type { EmulatorWiring } from "../../../aws-harness/emulator/wire-to-emulator";
import type { TerraformJson } from "../../../aws-harness/terraform/terraform-json";

const WIRING: EmulatorWiring = {
  url: "https://127.0.0.1:45123",
  caBundle: "/tmp/harness/moto/ca.pem",
  stateBucket: "landing-zone-harness-state",
};
const URL = WIRING.url;

const DEFAULT_TAGS = [{ tags: { ManagedBy: "landing-zone", Owner: "platform-team" } }];
const MEMBER_PROVIDER = {
  allowed_account_ids: ["${data.terraform_remote_state.organization.outputs.audit-id}"],
  assume_role: [
    {
      role_arn:
        "arn:aws:iam::${data.terraform_remote_state.organization.outputs.audit-id}:role/OrganizationAccountAccessRole",
      session_name: "landing-zone",
    },
  ],
  default_tags: DEFAULT_TAGS,
  region: "us-east-1",
};
const MANAGEMENT_PROVIDER = {
  alias: "management",
  allowed_account_ids: ["111122223333"],
  default_tags: DEFAULT_TAGS,
  region: "us-west-2",
};
const remoteState = (stack: string) => ({
  backend: "s3",
  config: {
    bucket: "nwh-terraform-state-111122223333",
    encrypt: true,
    key: `landing-zone/${stack}.tfstate`,
    region: "us-east-1",
  },
  defaults: { "deploy-role-applied": false },
  workspace: "${terraform.workspace}",
});

/**
 * Shaped like the security stack: two providers, an S3 backend, remote-state reads. A deep copy
 * each time, so a change made in place can't hide in a shared object.
 */
const securityStack = (): TerraformJson =>
  structuredClone({
    terraform: {
      backend: {
        s3: {
          bucket: "nwh-terraform-state-111122223333",
          encrypt: true,
          key: "landing-zone/security.tfstate",
          region: "us-east-1",
          use_lockfile: true,
        },
      },
      required_providers: { aws: { source: "aws", version: "6.25.0" } },
    },
    provider: { aws: [MEMBER_PROVIDER, MANAGEMENT_PROVIDER] },
    resource: {
      aws_guardduty_detector: { detector: { enable: true } },
      aws_cloudwatch_log_group: { findings: { name: "/security/findings" } },
      aws_kms_key: { key: { enable_key_rotation: true } },
      time_sleep: { wait: { create_duration: "10s" } },
    },
    data: {
      aws_ssoadmin_instances: { sso: {} },
      terraform_remote_state: {
        organization: remoteState("organization"),
        "remote-state-account-audit": remoteState("account-audit"),
      },
    },
  });

const S3_STATE_SETTINGS = {
  bucket: "landing-zone-harness-state",
  endpoints: { s3: URL, sts: URL, iam: URL },
  use_path_style: true,
  custom_ca_bundle: "/tmp/harness/moto/ca.pem",
  skip_metadata_api_check: true,
};

describe("providers", () => {
  it("gives every provider the emulator's certificate, path style and few retries, and keeps the rest", () => {
    const wired = wireToEmulator(securityStack(), WIRING);

    const emulator = {
      s3_use_path_style: true,
      custom_ca_bundle: "/tmp/harness/moto/ca.pem",
      skip_metadata_api_check: "true",
      max_retries: 1,
    };
    expect(wired.provider).toEqual({
      aws: [
        { ...MEMBER_PROVIDER, ...emulator },
        { ...MANAGEMENT_PROVIDER, ...emulator },
      ],
    });
  });

  it("sends every service to the emulator through the environment, not per provider", () => {
    // An endpoints block per provider costs the 5.x provider seconds of validation per instance.
    expect(emulatorEndpointEnvironment(WIRING)).toEqual({ AWS_ENDPOINT_URL: URL });
    expect(wireToEmulator(securityStack(), WIRING).provider!.aws[0]).not.toHaveProperty(
      "endpoints",
    );
  });
});

describe("state", () => {
  it("points the S3 backend at the emulator's state bucket, keeping its key", () => {
    const wired = wireToEmulator(securityStack(), WIRING);

    expect(wired.terraform!.backend).toEqual({
      s3: {
        ...S3_STATE_SETTINGS,
        encrypt: true,
        key: "landing-zone/security.tfstate",
        region: "us-east-1",
        use_lockfile: true,
      },
    });
    expect(wired.terraform!.required_providers).toEqual({
      aws: { source: "aws", version: "6.25.0" },
    });
  });

  it("points every remote-state read at the emulator's state bucket", () => {
    const wired = wireToEmulator(securityStack(), WIRING);

    const wiredRead = (stack: string) => {
      const read = remoteState(stack);
      return { ...read, config: { ...read.config, ...S3_STATE_SETTINGS } };
    };
    expect(wired.data!.terraform_remote_state).toEqual({
      organization: wiredRead("organization"),
      "remote-state-account-audit": wiredRead("account-audit"),
    });
  });

  it("keeps a local backend's state in the stack's working folder", () => {
    const wired = wireToEmulator(
      {
        terraform: { backend: { local: { path: "../../../terraform.bootstrap.tfstate" } } },
        provider: { aws: [{ region: "us-east-1" }] },
        resource: { aws_s3_bucket: { state: { bucket: "nwh-terraform-state-111122223333" } } },
      },
      WIRING,
    );

    expect(wired.terraform!.backend).toEqual({ local: { path: "terraform.tfstate" } });
  });
});

it("leaves its input as it was", () => {
  const stack = securityStack();
  stack.terraform!.backend!.local = { path: "../terraform.tfstate" };
  const before = structuredClone(stack);

  wireToEmulator(stack, WIRING);

  expect(stack).toEqual(before);
});
