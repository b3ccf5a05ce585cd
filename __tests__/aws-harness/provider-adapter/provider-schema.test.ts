import {
  AWS_PROVIDER_SOURCE,
  parseProviderSchemaJson,
  type ProviderSchema,
} from "../../../aws-harness/provider-adapter/provider-schema";
import { fixtureSchema } from "./example-stack";

describe("parseProviderSchemaJson on an excerpt of the real 5.100.0 schema", () => {
  let schema: ProviderSchema;
  beforeAll(() => {
    schema = fixtureSchema();
  });

  it("keeps source and version and lists every resource and data source type", () => {
    expect(schema.source).toBe("registry.terraform.io/hashicorp/aws");
    expect(schema.version).toBe("5.100.0");
    expect(Object.keys(schema.resources).sort()).toEqual([
      "aws_cloudwatch_log_group",
      "aws_config_aggregate_authorization",
      "aws_kms_key",
      "aws_s3_bucket",
      "aws_wafv2_web_acl",
    ]);
    expect(Object.keys(schema.dataSources).sort()).toEqual(["aws_caller_identity", "aws_region"]);
  });

  it("tells configurable attributes from computed-only ones", () => {
    const logGroup = schema.resources.aws_cloudwatch_log_group;
    expect(Object.keys(logGroup.attributes).sort()).toEqual([
      "arn",
      "id",
      "kms_key_id",
      "log_group_class",
      "name",
      "name_prefix",
      "retention_in_days",
      "skip_destroy",
      "tags",
      "tags_all",
    ]);
    expect(logGroup.attributes.arn).toEqual({ configurable: false });
    expect(logGroup.attributes.name).toEqual({ configurable: true }); // optional + computed
    expect(schema.resources.aws_config_aggregate_authorization.attributes.region).toEqual({
      configurable: true, // required
    });
    expect(schema.resources.aws_s3_bucket.attributes.region).toEqual({ configurable: false });
    expect(logGroup.blocks).toEqual({});
  });

  it("reads nested blocks recursively, with their nesting mode", () => {
    const defaultAction = schema.resources.aws_wafv2_web_acl.blocks.default_action;
    expect(defaultAction.nesting).toBe("list");
    expect(Object.keys(defaultAction.blocks).sort()).toEqual(["allow", "block"]);
    const insertHeader =
      defaultAction.blocks.allow.blocks.custom_request_handling.blocks.insert_header;
    expect(insertHeader).toEqual({
      nesting: "set",
      attributes: { name: { configurable: true }, value: { configurable: true } },
      blocks: {},
    });
  });

  it("reads the provider block", () => {
    expect(Object.keys(schema.provider.attributes).sort()).toEqual([
      "allowed_account_ids",
      "forbidden_account_ids",
      "profile",
      "region",
    ]);
    expect(Object.keys(schema.provider.blocks.assume_role.attributes).sort()).toEqual([
      "external_id",
      "role_arn",
      "session_name",
    ]);
  });
});

describe("parseProviderSchemaJson on hand-written input", () => {
  const wrap = (provider: object) => ({
    format_version: "1.0",
    provider_schemas: { [AWS_PROVIDER_SOURCE]: provider },
  });

  it("reads plugin-framework nested attributes (nested_type) like blocks", () => {
    const schema = parseProviderSchemaJson(
      wrap({
        provider: { block: {} },
        resource_schemas: {
          aws_example: {
            block: {
              attributes: {
                settings: {
                  optional: true,
                  nested_type: {
                    nesting_mode: "map",
                    attributes: { value: { type: "string", required: true } },
                  },
                },
              },
            },
          },
        },
      }),
      AWS_PROVIDER_SOURCE,
      "5.0.0",
    );

    expect(schema.resources.aws_example.attributes.settings).toEqual({
      configurable: true,
      nested: { nesting: "map", attributes: { value: { configurable: true } }, blocks: {} },
    });
    expect(schema.dataSources).toEqual({});
  });

  it("keeps a type named like an Object.prototype member as plain data", () => {
    const schema = parseProviderSchemaJson(
      JSON.parse(
        '{"format_version":"1.0","provider_schemas":{"registry.terraform.io/hashicorp/aws":{"provider":{"block":{}},"resource_schemas":{"__proto__":{"block":{}}}}}}',
      ),
      AWS_PROVIDER_SOURCE,
      "5.0.0",
    );

    expect(Object.keys(schema.resources)).toEqual(["__proto__"]);
    expect(Object.hasOwn(schema.resources, "toString")).toBe(false);
  });

  it("says what it expected when the input is not a schema", () => {
    expect(() =>
      parseProviderSchemaJson({ format_version: "0.1" }, AWS_PROVIDER_SOURCE, "5.0.0"),
    ).toThrow(
      'provider schema: expected format_version 1.x (from terraform providers schema -json), got "0.1"',
    );
    expect(() =>
      parseProviderSchemaJson(
        { format_version: "1.0", provider_schemas: {} },
        AWS_PROVIDER_SOURCE,
        "5.0.0",
      ),
    ).toThrow(
      "provider schema: no schema for registry.terraform.io/hashicorp/aws; found []. Run terraform init in a folder that requires it first",
    );
    expect(() =>
      parseProviderSchemaJson(
        wrap({ provider: { block: { block_types: { b: { nesting_mode: "tuple", block: {} } } } } }),
        AWS_PROVIDER_SOURCE,
        "5.0.0",
      ),
    ).toThrow(
      'provider schema: provider.b: expected nesting_mode single|group|list|set|map, got "tuple"',
    );
  });
});
