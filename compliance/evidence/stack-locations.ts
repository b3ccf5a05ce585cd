import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { listAccounts } from "../../config/model/accounts";
import type { ProviderAccount, ProviderPlacement } from "../../modules/terraform/provider-account";
import type { SynthesizedStack } from "../rules/evaluate-rules";
import { block, resourcesByType } from "../rules/rule";

export interface ResourceLocation {
  readonly stack: string;
  readonly account: string;
  readonly region: string;
  readonly address: string;
}

/** The account a resource of `stack` lives in, given the provider it names (`aws`, `aws.<alias>`). */
export type AccountOfProvider = (stack: string, provider: string) => string;

/**
 * Which account each provider of each stack works in, as an auditor would name it. A stack can
 * work in two accounts (the logging stack's log archive and management providers), so the account
 * belongs to the provider, not the stack.
 */
export function accountOfProvider(
  config: LandingZoneConfig,
  providers: readonly ProviderPlacement[],
): AccountOfProvider {
  const organization = config.organization.config;
  const members = new Map(
    listAccounts(config).map((account) => [
      account.name,
      `${account.name} (${account.id ?? "created by the landing zone"})`,
    ]),
  );
  const name = (account: ProviderAccount) =>
    account.kind === "management"
      ? `management (${organization.managementAccountId})`
      : (members.get(account.name) ?? account.name);
  const byProvider = new Map(
    providers.map((placement) => [
      `${placement.stack}\0${placement.reference}`,
      name(placement.account),
    ]),
  );
  return (stack, provider) =>
    byProvider.get(`${stack}\0${provider}`) ?? `unknown (provider ${provider} of ${stack})`;
}

/** Every resource of the stack with its account (its provider's) and region (its own, else the provider's). */
export function locateResources(
  stack: SynthesizedStack,
  accountOf: AccountOfProvider,
): Map<string, ResourceLocation> {
  const providers = block(stack.json.provider)?.aws;
  const regionOf = new Map(
    (Array.isArray(providers) ? (providers as Record<string, unknown>[]) : []).map((provider) => [
      typeof provider.alias === "string" ? `aws.${provider.alias}` : "aws",
      typeof provider.region === "string" ? provider.region : "",
    ]),
  );
  const locations = new Map<string, ResourceLocation>();
  for (const [type, byName] of Object.entries(resourcesByType(stack.json))) {
    for (const [name, body] of Object.entries(byName)) {
      const address = `${type}.${name}`;
      const provider = typeof body.provider === "string" ? body.provider : "aws";
      locations.set(address, {
        stack: stack.name,
        account: accountOf(stack.name, provider),
        region: (body.region as string | undefined) ?? regionOf.get(provider) ?? "",
        address,
      });
    }
  }
  return locations;
}

/** Construct path of a resource, as cdktf records it in the JSON metadata. */
export function constructPathOf(stack: SynthesizedStack, address: string): string | undefined {
  const [type, ...rest] = address.split(".");
  const resource = resourcesByType(stack.json)[type]?.[rest.join(".")];
  return (resource?.["//"] as { metadata?: { path?: string } } | undefined)?.metadata?.path;
}
