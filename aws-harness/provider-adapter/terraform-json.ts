/** A value as `JSON.parse` returns it from a synthesized `cdk.tf.json`. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

export interface JsonObject {
  [key: string]: JsonValue;
}

/** A synthesized stack (`cdktf.out/stacks/<stack>/cdk.tf.json`), parsed. */
export type TerraformJson = JsonObject;

/** The provider's local name in `required_providers`, in `provider` blocks and in type prefixes. */
export const AWS_PROVIDER = "aws";

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One occurrence of a nested block, with the path suffix that tells it apart in messages. */
export interface BlockInstance {
  readonly body: JsonObject;
  readonly suffix: string;
}

/**
 * cdktf writes a nested block (and a provider's configurations) either as one object or as an
 * array of objects; both mean the same to Terraform. Anything else (an interpolation string,
 * null) holds no arguments to look at.
 */
export function blockInstances(value: JsonValue | undefined): BlockInstance[] {
  if (isJsonObject(value)) return [{ body: value, suffix: "" }];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index) =>
    isJsonObject(item) ? [{ body: item, suffix: `[${index}]` }] : [],
  );
}

/**
 * The provider a resource or data source belongs to: its `provider` meta-argument's local name
 * (`aws.management` -> `aws`), else the type's prefix, which is how Terraform infers it.
 */
function providerLocalName(type: string, body: JsonObject): string {
  const provider = body["provider"];
  if (typeof provider === "string") return provider.split(".")[0];
  return type.split("_")[0];
}

/** A resource or data source that belongs to the AWS provider, as found in a stack. */
export interface AwsBlock {
  readonly kind: "resource" | "data";
  readonly type: string;
  /** `aws_kms_key.key` or `data.aws_region.current`. */
  readonly address: string;
  /** The block's arguments; the adapter edits this object inside its own copy of the stack. */
  readonly body: JsonObject;
}

/** Every AWS resource and data source in a stack, in the order the JSON lists them. */
export function awsBlocks(stack: TerraformJson): AwsBlock[] {
  return (["resource", "data"] as const).flatMap((kind) => {
    const section = stack[kind];
    if (!isJsonObject(section)) return [];
    return Object.entries(section).flatMap(([type, byName]) => {
      if (!isJsonObject(byName)) return [];
      return Object.entries(byName).flatMap(([name, blocks]) =>
        blockInstances(blocks)
          .filter(({ body }) => providerLocalName(type, body) === AWS_PROVIDER)
          .map(({ body }) => ({
            kind,
            type,
            address: kind === "resource" ? `${type}.${name}` : `data.${type}.${name}`,
            body,
          })),
      );
    });
  });
}
