import { adaptStackToProvider5 } from "../../../aws-harness/provider-adapter/adapt-stack-to-provider5";
import type { ProviderSchema } from "../../../aws-harness/provider-adapter/provider-schema";
import type { JsonObject } from "../../../aws-harness/provider-adapter/terraform-json";
import { DEFAULT_PROVIDER, exampleStack, fixtureSchema } from "./example-stack";

let schema: ProviderSchema;
beforeAll(() => {
  schema = fixtureSchema();
});

const failures = (json: JsonObject) =>
  adaptStackToProvider5({ name: "security", json }, schema).report.failures;

const webAcl = (extra: JsonObject = {}): JsonObject => ({
  name: "edge",
  scope: "REGIONAL",
  default_action: [{ allow: [{}] }],
  visibility_config: [
    { cloudwatch_metrics_enabled: true, metric_name: "edge", sampled_requests_enabled: true },
  ],
  ...extra,
});

describe("arguments the 5.x schema doesn't know", () => {
  it("fails a top-level one, naming stack, address and attribute, and keeps it", () => {
    const stack = exampleStack({
      resource: { aws_kms_key: { key: { description: "k", rotation_period_in_hours: 24 } } },
    });
    const { json, report } = adaptStackToProvider5({ name: "security", json: stack }, schema);

    expect(report.failures).toEqual([
      {
        stack: "security",
        address: "aws_kms_key.key",
        attribute: "rotation_period_in_hours",
        message:
          "security: aws_kms_key.key: rotation_period_in_hours: is not in the AWS provider 5.100.0 schema for aws_kms_key, nor on the 6.x-only allowlist; the adapter knows no 5.x form for it",
      },
    ]);
    expect((json.resource as Record<string, Record<string, JsonObject>>).aws_kms_key.key).toEqual({
      description: "k",
      rotation_period_in_hours: 24,
    });
  });

  it("fails one nested in blocks, written as arrays or as single objects", () => {
    const stack = exampleStack({
      resource: {
        aws_wafv2_web_acl: {
          listed: webAcl({ default_action: [{ allow: [{ log_only: true }] }] }),
          single: webAcl({ visibility_config: { metric_name: "m", sampling_rate: 5 } }),
        },
      },
    });

    expect(failures(stack).map((it) => [it.address, it.attribute])).toEqual([
      ["aws_wafv2_web_acl.listed", "default_action[0].allow[0].log_only"],
      ["aws_wafv2_web_acl.single", "visibility_config.sampling_rate"],
    ]);
  });

  it("fails one inside a dynamic block's content, and an unknown dynamic block type", () => {
    const stack = exampleStack({
      resource: {
        aws_wafv2_web_acl: {
          acl: webAcl({
            dynamic: {
              default_action: { for_each: "${var.actions}", content: { allow: [{}], count: [{}] } },
              rule_group: { for_each: "${var.groups}", content: {} },
            },
          }),
        },
      },
    });

    expect(failures(stack).map((it) => it.attribute)).toEqual([
      "dynamic.default_action.content.count",
      "dynamic.rule_group",
    ]);
  });

  it("fails a read-only (computed) attribute given a value", () => {
    const stack = exampleStack({
      resource: { aws_cloudwatch_log_group: { logs: { name: "/l", arn: "arn:aws:logs:x" } } },
    });

    expect(failures(stack)).toEqual([
      expect.objectContaining({
        attribute: "arn",
        message: expect.stringContaining(
          "arn: is read-only (computed) for aws_cloudwatch_log_group in the AWS provider 5.100.0 schema",
        ),
      }),
    ]);
  });

  it("fails an unknown argument of a data source and of the provider block", () => {
    const stack = exampleStack({
      provider: [{ ...DEFAULT_PROVIDER, assume_role: [{ role_arn: "r", source_identity_x: "s" }] }],
      data: { aws_region: { current: { endpoint_type: "fips" } } },
    });

    expect(failures(stack).map((it) => it.message)).toEqual([
      "security: provider.aws: assume_role[0].source_identity_x: is not in the AWS provider 5.100.0 schema for the provider block, nor on the 6.x-only allowlist; the adapter knows no 5.x form for it",
      "security: data.aws_region.current: endpoint_type: is not in the AWS provider 5.100.0 schema for aws_region, nor on the 6.x-only allowlist; the adapter knows no 5.x form for it",
    ]);
  });

  it("fails a resource type 5.x doesn't have and a section it doesn't inspect", () => {
    const stack = {
      ...exampleStack({ resource: { aws_s3_vectors_bucket: { v: { name: "v" } } } }),
      ephemeral: { aws_secretsmanager_secret_version: { s: { secret_id: "x" } } },
    };

    expect(failures(stack).map((it) => it.message)).toEqual([
      'security: ephemeral: "ephemeral" blocks are not inspected by the adapter, so 6.x-only arguments in them would go unnoticed',
      "security: aws_s3_vectors_bucket.v: resource type aws_s3_vectors_bucket is not in the AWS provider 5.100.0 schema",
    ]);
  });
});

describe("what always passes", () => {
  it("allows Terraform meta-arguments, cdktf comments and interpolations", () => {
    const stack = exampleStack({
      resource: {
        aws_kms_key: {
          key: {
            "//": { metadata: { path: "security/key", uniqueId: "key" } },
            count: 2,
            depends_on: ["aws_s3_bucket.b"],
            description: "${var.description}",
            lifecycle: { prevent_destroy: true, ignore_changes: ["tags"] },
            provider: "aws.management",
          },
        },
        aws_wafv2_web_acl: { acl: webAcl({ default_action: "${var.default_action}" }) },
      },
      data: { aws_region: { current: { for_each: "${toset(var.regions)}", name: "${each.key}" } } },
    });

    expect(failures(stack)).toEqual([]);
  });

  it("leaves resources of other providers alone", () => {
    const stack = {
      ...exampleStack({}),
      data: {
        terraform_remote_state: {
          org: { backend: "s3", config: { bucket: "b", key: "k", region: "us-east-1" } },
        },
      },
    };
    const { json, report } = adaptStackToProvider5({ name: "security", json: stack }, schema);

    expect(report.failures).toEqual([]);
    expect(json.data).toEqual(stack.data);
  });
});
