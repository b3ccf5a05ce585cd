import { partition } from "@aws-sdk/util-endpoints";
import { z } from "zod";

/**
 * Field types shared by the organization and environment files. Each custom message says what
 * the rule is; the field's description (also shown by editors through the JSON Schema) says what
 * the value is for, and the loader prints both.
 */

export const AccountId = z
  .string({ error: 'must be a 12-digit account id in quotes, such as "123456789012"' })
  .regex(/^\d{12}$/, { error: "is not a 12-digit AWS account id" });

/** AWS allows 6–64 characters; the pattern is zod's, which rejects the common typos. */
export const Email = z
  .email({ error: "is not an email address", abort: true })
  .min(6, { error: "is shorter than the 6 characters AWS accepts for an email" })
  .max(64, { error: "is longer than the 64 characters AWS accepts for an email" });

/**
 * AWS accepts 1–50 printable ASCII characters. The landing zone asks for a lowercase slug inside
 * that, because the name also names the account's baseline stack and its state key.
 */
export const AccountName = z
  .string()
  .min(1, { error: "is empty; AWS needs 1 to 50 characters" })
  .max(50, { error: "is longer than the 50 characters AWS allows for an account name" })
  .regex(/^[\x20-\x7E]+$/, {
    error: "has characters AWS does not allow (printable ASCII only)",
    abort: true,
  })
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
    error: "must be lowercase letters, digits and single hyphens, starting with a letter",
  });

function isKnownRegion(code: string): boolean {
  // The AWS SDK's partition table lists every public region with a description; the regex
  // fallback (no description) also matches made-up codes, and "*-global" are pseudo-regions.
  const known = partition(code) as { description?: string };
  return known.description !== undefined && !code.endsWith("-global");
}

export function partitionOf(region: string): string {
  return partition(region).name;
}

/**
 * A refinement that knows the values it accepts passes them as `params: { [SUGGEST_FROM]: [...] }`,
 * and the loader names a near miss among them in the fix.
 */
export const SUGGEST_FROM = "suggestFrom";

/**
 * Region codes read <area>-<direction>-<number>. The SDK's table lists the regions but exports
 * only a lookup, so the codes are found by looking up every code of that form.
 */
const REGION_AREAS = ["af", "ap", "ca", "cn", "eu", "il", "me", "mx", "sa", "us"];
const SEPARATE_PARTITION_AREAS = ["us-gov", "us-iso", "us-isob", "us-isof", "eu-isoe", "eusc-de"];
const REGION_DIRECTIONS = ["central", "north", "south", "east", "west"].flatMap((direction) =>
  ["", "north", "south"].map((prefix) => prefix + direction),
);
let regionCodes: readonly string[] | undefined;

/** Every region code the AWS SDK knows, for suggestions. */
function knownRegions(): readonly string[] {
  regionCodes ??= [...REGION_AREAS, ...SEPARATE_PARTITION_AREAS]
    .flatMap((area) =>
      REGION_DIRECTIONS.flatMap((direction) =>
        Array.from({ length: 9 }, (_, index) => `${area}-${direction}-${index + 1}`),
      ),
    )
    .filter(isKnownRegion);
  return regionCodes;
}

export const Region = z.string().superRefine((code, context) => {
  if (isKnownRegion(code)) return;
  context.addIssue({
    code: "custom",
    message: "is not an AWS region (use a region code such as eu-west-1)",
    input: code,
    params: { [SUGGEST_FROM]: knownRegions() },
  });
});

/** Also the environment's file name, its stack's name and the GitHub environment its applies run in. */
export const EnvironmentName = z.string().regex(/^[a-z][a-z0-9-]{0,19}$/, {
  error: "must be 1–20 lowercase letters, digits or hyphens, starting with a letter",
});

export const OuPath = z
  .string()
  .regex(/^[^/\s][^/]*(\/[^/\s][^/]*)*$/, {
    error: 'must be an OU path from the root, such as "Workloads/Production"',
  })
  .describe(
    'Path of an organizational unit from the root, names joined by "/": "Workloads/Production".',
  );

/** The characters AWS allows in tag keys and values. */
export const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

const TagKey = z
  .string()
  .min(1)
  .max(128, { error: "is longer than the 128 characters AWS allows for a tag key" })
  .regex(TAG_CHARACTERS, { error: "has characters AWS does not allow in a tag key" })
  .refine((key) => !key.toLowerCase().startsWith("aws:"), {
    error: 'starts with "aws:", which AWS reserves',
  });

const TagValue = z
  .string({ error: "must be a string; quote numbers and booleans in YAML" })
  .max(256, { error: "is longer than the 256 characters AWS allows for a tag value" })
  .regex(TAG_CHARACTERS, { error: "has characters AWS does not allow in a tag value" });

export const Tags = z
  .record(TagKey, TagValue)
  .describe("Extra tags as key: value. Keys may not start with aws:.");
