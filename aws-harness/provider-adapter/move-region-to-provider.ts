import type { StackReport } from "./adaptation-report";
import type { BlockSchema } from "./provider-schema";
import {
  AWS_PROVIDER,
  blockInstances,
  isJsonObject,
  type AwsBlock,
  type JsonObject,
  type JsonValue,
  type TerraformJson,
} from "./terraform-json";

/**
 * A literal region name. An expression can't be followed: 5.x picks a resource's provider
 * statically, so the alias has to be known when the adapter runs.
 */
const REGION_NAME = /^[a-z]+(-[a-z0-9]+)+$/;

/** `aws` or `aws.<alias>`, the forms cdktf writes for the `provider` meta-argument. */
const PROVIDER_REFERENCE = /^aws(?:\.([A-Za-z_][A-Za-z0-9_-]*))?$/;

/** Alias prefix for copies of the unaliased (default) configuration. */
const DEFAULT_PREFIX = "default";

type Route =
  | { readonly kind: "same-region"; readonly provider: string }
  | { readonly kind: "copy"; readonly provider: string }
  | { readonly kind: "unroutable"; readonly reason: string };

/**
 * 6.x's per-resource `region` runs the resource through its provider configuration with only
 * the region changed. 5.x needs that configuration written out: this hands out one aliased
 * copy per (configuration, region) pair, with assume_role, allowed_account_ids, default_tags
 * and everything else kept, and writes the copies into the stack at the end.
 */
export class RegionalProviderCopies {
  /** Keyed by alias; the default (unaliased) configuration under null. */
  private readonly configurations = new Map<string | null, JsonObject>();
  private readonly copies = new Map<string, { from: string | null; config: JsonObject }>();

  constructor(stack: TerraformJson) {
    const section = stack["provider"];
    const configurations = isJsonObject(section) ? section[AWS_PROVIDER] : undefined;
    for (const { body } of blockInstances(configurations)) {
      const alias = typeof body["alias"] === "string" ? body["alias"] : null;
      if (!this.configurations.has(alias)) this.configurations.set(alias, body);
    }
  }

  route(providerReference: JsonValue | undefined, region: string): Route {
    const reference = providerReference ?? AWS_PROVIDER;
    const match = typeof reference === "string" ? PROVIDER_REFERENCE.exec(reference) : null;
    if (typeof reference !== "string" || match === null) {
      return {
        kind: "unroutable",
        reason: `provider ${JSON.stringify(reference)} is not of the form aws or aws.<alias>`,
      };
    }
    const from = match[1] ?? null;
    // An unconfigured default provider is an implicit empty configuration; an alias must exist.
    const configuration = this.configurations.get(from) ?? (from === null ? {} : undefined);
    if (configuration === undefined) {
      return { kind: "unroutable", reason: `provider aws.${from} is not configured in this stack` };
    }
    if (configuration["region"] === region) return { kind: "same-region", provider: reference };

    const alias = `${from ?? DEFAULT_PREFIX}_${region}`;
    const existingCopy = this.copies.get(alias);
    // Only reachable with a hand-written alias such as "default" or "management_us-west-2".
    if (this.configurations.has(alias) || (existingCopy && existingCopy.from !== from)) {
      return {
        kind: "unroutable",
        reason: `the alias ${alias} for a ${region} copy of ${providerName(from)} is already used by another provider configuration`,
      };
    }
    if (existingCopy === undefined) {
      this.copies.set(alias, { from, config: regionalCopy(configuration, alias, region) });
    }
    return { kind: "copy", provider: `${AWS_PROVIDER}.${alias}` };
  }

  /**
   * Appends the copies to the stack's aws provider configurations, sorted by alias so the
   * output doesn't depend on the order blocks were visited in, and reports each one.
   */
  writeInto(stack: TerraformJson, report: StackReport): void {
    if (this.copies.size === 0) return;
    const copies = [...this.copies.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const section = isJsonObject(stack["provider"]) ? stack["provider"] : {};
    const existing = blockInstances(section[AWS_PROVIDER]).map(({ body }) => body);
    section[AWS_PROVIDER] = [...existing, ...copies.map(([, { config }]) => config)];
    stack["provider"] = section;
    for (const [alias, { from, config }] of copies) {
      const kept = Object.keys(config).filter((key) => key !== "alias" && key !== "region");
      report.adapted(
        `provider.${AWS_PROVIDER}.${alias}`,
        "provider-copy-added",
        `added a copy of ${providerName(from)} with region ${JSON.stringify(config["region"])}, keeping ${kept.length === 0 ? "nothing else (it is empty)" : kept.join(", ")}`,
      );
    }
  }
}

/**
 * Moves a 6.x per-resource `region` argument to an aliased provider configuration, or drops
 * it when it names the region the resource's provider already uses. Every `region` it leaves
 * in place is reported as a failure, so the schema check can skip that key.
 */
export function moveRegionToProvider(
  block: AwsBlock,
  typeSchema: BlockSchema,
  copies: RegionalProviderCopies,
  report: StackReport,
): void {
  const { address, body, type } = block;
  if (!Object.hasOwn(body, "region")) return;
  const region = body["region"];
  if (Object.hasOwn(typeSchema.attributes, "region") && typeSchema.attributes.region.configurable) {
    // e.g. aws_config_aggregate_authorization: 6.x renamed the 5.x argument and gave "region"
    // the override meaning, so the same JSON means different things on the two majors.
    report.failed(
      address,
      "region",
      `the 5.x ${type} has its own "region" argument with a different meaning than 6.x's per-resource region; the adapter won't guess which one is meant`,
    );
    return;
  }
  if (typeof region !== "string" || !REGION_NAME.test(region)) {
    report.failed(
      address,
      "region",
      `${JSON.stringify(region)} is not a literal region name; 5.x chooses a provider configuration statically, so an expression can't be moved to one`,
    );
    return;
  }
  const route = copies.route(body["provider"], region);
  if (route.kind === "unroutable") {
    report.failed(
      address,
      "region",
      `can't move region ${JSON.stringify(region)}: ${route.reason}`,
    );
    return;
  }
  delete body["region"];
  if (route.kind === "same-region") {
    report.adapted(
      address,
      "region-dropped-same-as-provider",
      `dropped region ${JSON.stringify(region)}: provider ${route.provider} already uses it`,
    );
    return;
  }
  const from = typeof body["provider"] === "string" ? body["provider"] : AWS_PROVIDER;
  body["provider"] = route.provider;
  report.adapted(
    address,
    "region-moved-to-provider",
    `moved region ${JSON.stringify(region)} to provider ${route.provider} (was ${from})`,
  );
}

function regionalCopy(configuration: JsonObject, alias: string, region: string): JsonObject {
  const copy: JsonObject = { alias };
  for (const [key, value] of Object.entries(structuredClone(configuration))) {
    if (key !== "alias") copy[key] = key === "region" ? region : value;
  }
  if (!Object.hasOwn(copy, "region")) copy["region"] = region;
  return copy;
}

function providerName(alias: string | null): string {
  return alias === null
    ? `the default ${AWS_PROVIDER} provider`
    : `provider ${AWS_PROVIDER}.${alias}`;
}
