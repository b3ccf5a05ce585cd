import { adaptStackToProvider5 } from "../../../aws-harness/provider-adapter/adapt-stack-to-provider5";
import type { ProviderSchema } from "../../../aws-harness/provider-adapter/provider-schema";
import {
  SIX_ONLY_ATTRIBUTES,
  type SixOnlyAttribute,
} from "../../../aws-harness/provider-adapter/six-only-allowlist";
import type { JsonObject } from "../../../aws-harness/provider-adapter/terraform-json";
import { exampleStack, fixtureSchema } from "./example-stack";

let schema: ProviderSchema;
beforeAll(() => {
  schema = fixtureSchema();
});

const logGroupStack = (deletionProtection: JsonObject[string]) =>
  exampleStack({
    resource: {
      aws_cloudwatch_log_group: {
        trail: {
          name: "/landing-zone/trail",
          retention_in_days: 400,
          deletion_protection_enabled: deletionProtection,
        },
      },
    },
  });

describe("the 6.x-only allowlist", () => {
  it("lists only the log group's deletion protection, as a protection", () => {
    expect(SIX_ONLY_ATTRIBUTES).toEqual([
      expect.objectContaining({
        resourceType: "aws_cloudwatch_log_group",
        attribute: "deletion_protection_enabled",
        securityEffect: expect.objectContaining({ protectiveValue: true }),
      }),
    ]);
  });

  it("has entries that name a type and attribute 5.x really lacks", () => {
    for (const entry of SIX_ONLY_ATTRIBUTES) {
      expect(schema.resources[entry.resourceType]).toBeDefined();
      expect(schema.resources[entry.resourceType].attributes[entry.attribute]).toBeUndefined();
    }
  });
});

describe("an allowlisted protective attribute", () => {
  it("is dropped with its protective value and reported as unproven on 5.x", () => {
    const { json, report } = adaptStackToProvider5(
      { name: "logging", json: logGroupStack(true) },
      schema,
    );

    expect(json.resource).toEqual({
      aws_cloudwatch_log_group: { trail: { name: "/landing-zone/trail", retention_in_days: 400 } },
    });
    expect(report.failures).toEqual([]);
    const dropped = report.adaptations.find((it) => it.kind === "six-only-attribute-dropped");
    expect(dropped).toEqual({
      stack: "logging",
      address: "aws_cloudwatch_log_group.trail",
      kind: "six-only-attribute-dropped",
      description: expect.stringMatching(
        /^dropped 6\.x-only deletion_protection_enabled = true: added in AWS provider 6\.25\.0 .*\. UNPROVEN ON 5\.x: CloudWatch Logs refuses DeleteLogGroup/,
      ),
      unprovenProtection: expect.stringContaining("CloudWatch Logs refuses DeleteLogGroup"),
    });
  });

  it.each([false, "true", "${var.protect_logs}"])(
    "fails with the value %j, and is kept",
    (value) => {
      const { json, report } = adaptStackToProvider5(
        { name: "logging", json: logGroupStack(value) },
        schema,
      );

      expect(report.failures).toEqual([
        expect.objectContaining({
          address: "aws_cloudwatch_log_group.trail",
          attribute: "deletion_protection_enabled",
          message: expect.stringContaining(
            `logging: aws_cloudwatch_log_group.trail: deletion_protection_enabled: is 6.x-only`,
          ),
        }),
      ]);
      expect(report.failures[0].message).toContain(
        `the allowlist lets it go only with its protective value true, got ${JSON.stringify(value)}`,
      );
      const resources = json.resource as Record<string, Record<string, JsonObject>>;
      expect(resources.aws_cloudwatch_log_group.trail.deletion_protection_enabled).toBe(value);
    },
  );
});

describe("an allowlisted attribute with no security effect", () => {
  const cosmetic: SixOnlyAttribute = {
    resourceType: "aws_kms_key",
    attribute: "display_colour",
    sixOnlyBecause: "made up for this test",
    securityEffect: "none",
  };

  it("is dropped whatever its value, without an unproven protection", () => {
    const stack = exampleStack({
      resource: { aws_kms_key: { key: { description: "k", display_colour: "${var.colour}" } } },
    });
    const { json, report } = adaptStackToProvider5({ name: "x", json: stack }, schema, [cosmetic]);

    expect(json.resource).toEqual({ aws_kms_key: { key: { description: "k" } } });
    expect(report.adaptations).toContainEqual({
      stack: "x",
      address: "aws_kms_key.key",
      kind: "six-only-attribute-dropped",
      description:
        'dropped 6.x-only display_colour = "${var.colour}": made up for this test; security effect: none',
    });
  });

  it("covers only the resource type it names, not data sources or nested blocks", () => {
    const stack = exampleStack({
      resource: { aws_s3_bucket: { b: { bucket: "b", display_colour: "red" } } },
      data: { aws_region: { r: { display_colour: "red" } } },
    });
    const { report } = adaptStackToProvider5({ name: "x", json: stack }, schema, [
      cosmetic,
      { ...cosmetic, resourceType: "aws_region" },
    ]);

    expect(report.failures.map((it) => it.address)).toEqual([
      "aws_s3_bucket.b",
      "data.aws_region.r",
    ]);
  });
});
