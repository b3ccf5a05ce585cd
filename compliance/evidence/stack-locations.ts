import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { listAccounts } from "../../config/model/accounts";
import { accountBaselineStackName } from "../../config/model/stack-names";
import type { SynthesizedStack } from "../rules/evaluate-rules";
import { block, resourcesByType } from "../rules/rule";

export interface ResourceLocation {
  readonly stack: string;
  readonly account: string;
  readonly region: string;
  readonly address: string;
}

/** Which account each stack deploys into, as an auditor would name it. */
export function accountOfStack(config: LandingZoneConfig): (stack: string) => string {
  const management = `management (${config.organization.config.managementAccountId})`;
  const byStack = new Map(
    listAccounts(config).map((account) => [
      accountBaselineStackName(account.name),
      `${account.name} (${account.id ?? "created by the landing zone"})`,
    ]),
  );
  return (stack) => byStack.get(stack) ?? management;
}

/** Every resource of the stack with its account and region (its own, else the provider's). */
export function locateResources(
  stack: SynthesizedStack,
  account: string,
): Map<string, ResourceLocation> {
  const provider = block(block(stack.json.provider)?.aws);
  const providerRegion = (provider?.region as string | undefined) ?? "";
  const locations = new Map<string, ResourceLocation>();
  for (const [type, byName] of Object.entries(resourcesByType(stack.json))) {
    for (const [name, body] of Object.entries(byName)) {
      const address = `${type}.${name}`;
      locations.set(address, {
        stack: stack.name,
        account,
        region: (body.region as string | undefined) ?? providerRegion,
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
