import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  AWS_PROVIDER_SOURCE,
  parseProviderSchemaJson,
  type ProviderSchema,
} from "../../../aws-harness/provider-adapter/provider-schema";
import type {
  JsonObject,
  TerraformJson,
} from "../../../aws-harness/provider-adapter/terraform-json";

/**
 * A few types cut from the real `terraform providers schema -json` of AWS provider 5.100.0
 * (descriptions removed, some attributes and blocks left out).
 */
export const SCHEMA_FIXTURE = join(
  __dirname,
  "fixtures",
  "aws-5.100.0-provider-schema-excerpt.json",
);

export function fixtureSchema(): ProviderSchema {
  const json: unknown = JSON.parse(readFileSync(SCHEMA_FIXTURE, "utf8"));
  return parseProviderSchemaJson(json, AWS_PROVIDER_SOURCE, "5.100.0");
}

export const MANAGEMENT_PROVIDER = {
  alias: "management",
  allowed_account_ids: ["111122223333"],
  assume_role: [
    {
      role_arn: "arn:aws:iam::111122223333:role/landing-zone-deployer",
      session_name: "landing-zone",
    },
  ],
  default_tags: [{ tags: { ManagedBy: "landing-zone" } }],
  region: "us-east-1",
};

export const DEFAULT_PROVIDER = {
  allowed_account_ids: ["444455556666"],
  default_tags: [{ tags: { ManagedBy: "landing-zone" } }],
  region: "us-east-1",
};

/** A stack shaped like cdktf's output: a default and a `management` provider, AWS 6.25.0. */
export function exampleStack(sections: {
  resource?: Record<string, Record<string, JsonObject>>;
  data?: Record<string, Record<string, JsonObject>>;
  provider?: JsonObject[];
}): TerraformJson {
  return {
    "//": { metadata: { backend: "s3", stackName: "example", version: "0.21.0" } },
    terraform: {
      backend: { s3: { bucket: "state", key: "example.tfstate", region: "us-east-1" } },
      required_providers: { aws: { source: "aws", version: "6.25.0" } },
    },
    provider: { aws: sections.provider ?? [DEFAULT_PROVIDER, MANAGEMENT_PROVIDER] },
    ...(sections.resource ? { resource: sections.resource } : {}),
    ...(sections.data ? { data: sections.data } : {}),
  };
}
