import { adaptStackToProvider5 } from "../../../aws-harness/provider-adapter/adapt-stack-to-provider5";
import type { ProviderSchema } from "../../../aws-harness/provider-adapter/provider-schema";
import type { JsonObject } from "../../../aws-harness/provider-adapter/terraform-json";
import {
  DEFAULT_PROVIDER,
  exampleStack,
  fixtureSchema,
  MANAGEMENT_PROVIDER,
} from "./example-stack";

let schema: ProviderSchema;
beforeAll(() => {
  schema = fixtureSchema();
});

const adapt = (json: JsonObject) => adaptStackToProvider5({ name: "logging", json }, schema);

const key = (name: string, extra: JsonObject = {}): JsonObject => ({
  description: name,
  enable_key_rotation: true,
  ...extra,
});

describe("per-resource region", () => {
  it("moves a region to an aliased copy of the default provider", () => {
    const { json, report } = adapt(
      exampleStack({ resource: { aws_kms_key: { west: key("west", { region: "us-west-2" }) } } }),
    );

    expect(json.resource).toEqual({
      aws_kms_key: { west: key("west", { provider: "aws.default_us-west-2" }) },
    });
    expect(json.provider).toEqual({
      aws: [
        DEFAULT_PROVIDER,
        MANAGEMENT_PROVIDER,
        { alias: "default_us-west-2", ...DEFAULT_PROVIDER, region: "us-west-2" },
      ],
    });
    expect(report.failures).toEqual([]);
    expect(report.adaptations).toContainEqual({
      stack: "logging",
      address: "aws_kms_key.west",
      kind: "region-moved-to-provider",
      description: 'moved region "us-west-2" to provider aws.default_us-west-2 (was aws)',
    });
  });

  it("copies an aliased provider with assume_role and allowed_account_ids kept", () => {
    const { json, report } = adapt(
      exampleStack({
        resource: {
          aws_kms_key: { west: key("west", { provider: "aws.management", region: "eu-west-1" }) },
        },
      }),
    );

    expect(json.resource).toEqual({
      aws_kms_key: { west: key("west", { provider: "aws.management_eu-west-1" }) },
    });
    expect((json.provider as { aws: JsonObject[] }).aws[2]).toEqual({
      ...MANAGEMENT_PROVIDER,
      alias: "management_eu-west-1",
      region: "eu-west-1",
    });
    expect(report.adaptations).toContainEqual({
      stack: "logging",
      address: "provider.aws.management_eu-west-1",
      kind: "provider-copy-added",
      description:
        'added a copy of provider aws.management with region "eu-west-1", keeping allowed_account_ids, assume_role, default_tags',
    });
  });

  it("drops a region that equals the provider's own, adding no provider", () => {
    const { json, report } = adapt(
      exampleStack({
        resource: {
          aws_kms_key: {
            east: key("east", { region: "us-east-1" }),
            managed: key("managed", { provider: "aws.management", region: "us-east-1" }),
          },
        },
      }),
    );

    expect(json.resource).toEqual({
      aws_kms_key: { east: key("east"), managed: key("managed", { provider: "aws.management" }) },
    });
    expect(json.provider).toEqual({ aws: [DEFAULT_PROVIDER, MANAGEMENT_PROVIDER] });
    expect(
      report.adaptations.filter((it) => it.kind === "region-dropped-same-as-provider"),
    ).toEqual([
      expect.objectContaining({
        address: "aws_kms_key.east",
        description: 'dropped region "us-east-1": provider aws already uses it',
      }),
      expect.objectContaining({
        address: "aws_kms_key.managed",
        description: 'dropped region "us-east-1": provider aws.management already uses it',
      }),
    ]);
  });

  it("reuses one copy per provider and region, and writes copies sorted by alias", () => {
    const { json, report } = adapt(
      exampleStack({
        resource: {
          aws_kms_key: {
            a: key("a", { region: "us-west-2" }),
            b: key("b", { provider: "aws.management", region: "us-west-2" }),
            c: key("c", { region: "eu-west-1" }),
            d: key("d", { region: "us-west-2" }),
          },
          aws_cloudwatch_log_group: { e: { name: "/e", region: "us-west-2" } },
        },
      }),
    );

    const aliases = (json.provider as { aws: JsonObject[] }).aws.map((it) => it.alias);
    expect(aliases).toEqual([
      undefined,
      "management",
      "default_eu-west-1",
      "default_us-west-2",
      "management_us-west-2",
    ]);
    const providers = Object.values(json.resource as Record<string, Record<string, JsonObject>>)
      .flatMap((byName) => Object.values(byName))
      .map((it) => it.provider);
    expect(providers).toEqual([
      "aws.default_us-west-2",
      "aws.management_us-west-2",
      "aws.default_eu-west-1",
      "aws.default_us-west-2",
      "aws.default_us-west-2",
    ]);
    expect(report.adaptations.filter((it) => it.kind === "provider-copy-added")).toHaveLength(3);
    expect(report.adaptations.filter((it) => it.kind === "region-moved-to-provider")).toHaveLength(
      5,
    );
  });

  it("moves a data source's region the same way", () => {
    const { json, report } = adapt(
      exampleStack({
        data: {
          aws_region: { west: { region: "us-west-2" } },
          aws_caller_identity: { management: { provider: "aws.management", region: "us-east-1" } },
        },
      }),
    );

    expect(json.data).toEqual({
      aws_region: { west: { provider: "aws.default_us-west-2" } },
      aws_caller_identity: { management: { provider: "aws.management" } },
    });
    expect(report.failures).toEqual([]);
    expect(report.adaptations.map((it) => [it.address, it.kind])).toEqual([
      ["terraform.required_providers.aws", "provider-version-pinned"],
      ["data.aws_region.west", "region-moved-to-provider"],
      ["data.aws_caller_identity.management", "region-dropped-same-as-provider"],
      ["provider.aws.default_us-west-2", "provider-copy-added"],
    ]);
  });

  it("leaves a region it can't move in place and fails with the reason", () => {
    const { json, report } = adapt(
      exampleStack({
        resource: {
          aws_kms_key: {
            expression: key("expression", { region: "${var.region}" }),
            orphan: key("orphan", { provider: "aws.audit", region: "us-west-2" }),
          },
          // 5.x's own "region" here is the authorized region, not where the resource lives.
          aws_config_aggregate_authorization: {
            auth: { account_id: "111122223333", region: "us-west-2" },
          },
        },
      }),
    );

    expect(report.failures.map((it) => it.message)).toEqual([
      'logging: aws_kms_key.expression: region: "${var.region}" is not a literal region name; 5.x chooses a provider configuration statically, so an expression can\'t be moved to one',
      'logging: aws_kms_key.orphan: region: can\'t move region "us-west-2": provider aws.audit is not configured in this stack',
      "logging: aws_config_aggregate_authorization.auth: region: the 5.x aws_config_aggregate_authorization has its own \"region\" argument with a different meaning than 6.x's per-resource region; the adapter won't guess which one is meant",
    ]);
    const resources = json.resource as Record<string, Record<string, JsonObject>>;
    expect(resources.aws_kms_key.expression.region).toBe("${var.region}");
    expect(resources.aws_config_aggregate_authorization.auth.region).toBe("us-west-2");
    expect(json.provider).toEqual({ aws: [DEFAULT_PROVIDER, MANAGEMENT_PROVIDER] });
  });

  it("fails rather than reuse an alias a hand-written provider already has", () => {
    const handWritten = { alias: "default_us-west-2", region: "us-west-2" };
    const { report } = adapt(
      exampleStack({
        provider: [DEFAULT_PROVIDER, handWritten],
        resource: { aws_kms_key: { west: key("west", { region: "us-west-2" }) } },
      }),
    );

    expect(report.failures).toEqual([
      expect.objectContaining({
        address: "aws_kms_key.west",
        attribute: "region",
        message: expect.stringContaining(
          "the alias default_us-west-2 for a us-west-2 copy of the default aws provider is already used",
        ),
      }),
    ]);
  });
});

describe("provider version constraint", () => {
  it("names the installed 5.x version and reports the change", () => {
    const { json, report } = adapt(exampleStack({}));

    expect(json.terraform).toEqual({
      backend: { s3: { bucket: "state", key: "example.tfstate", region: "us-east-1" } },
      required_providers: { aws: { source: "aws", version: "5.100.0" } },
    });
    expect(report.adaptations).toEqual([
      {
        stack: "logging",
        address: "terraform.required_providers.aws",
        kind: "provider-version-pinned",
        description: 'version constraint "6.25.0" -> "5.100.0", the installed 5.x provider',
      },
    ]);
  });
});

describe("purity", () => {
  const stack = () =>
    exampleStack({
      resource: {
        aws_kms_key: {
          b: key("b", { provider: "aws.management", region: "us-west-2" }),
          a: key("a", { region: "eu-west-1" }),
        },
        aws_cloudwatch_log_group: { g: { name: "/g", deletion_protection_enabled: true } },
      },
    });

  it("leaves its input untouched", () => {
    const input = stack();
    adapt(input);
    expect(input).toEqual(stack());
  });

  it("gives byte-identical output for the same input", () => {
    expect(JSON.stringify(adapt(stack()))).toBe(JSON.stringify(adapt(stack())));
  });

  it("refuses a schema that isn't from a 5.x provider", () => {
    expect(() =>
      adaptStackToProvider5({ name: "x", json: stack() }, { ...schema, version: "6.25.0" }),
    ).toThrow("needs the schema of a 5.x AWS provider, got version 6.25.0");
  });
});
