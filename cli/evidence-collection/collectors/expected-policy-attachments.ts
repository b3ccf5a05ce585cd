import type { LandingZoneConfig } from "../../../config/model/landing-zone-config";
import { organizationPolicyName } from "../../../contracts/resource-names";
import {
  attachedPolicies,
  renderPolicyContent,
} from "../../../modules/organizations/policies/landing-zone-policies";

/** A policy the landing zone attaches, as the organization and environment stacks create it. */
export interface ExpectedPolicy {
  /** Its name in AWS. */
  readonly name: string;
  readonly type: string;
  /** Root, OU paths and account names, as config writes them. */
  readonly targets: readonly string[];
  /** The document as the stacks submit it. */
  readonly content: string;
}

/** AWS's own allow-all policies: the deny-list guardrails need them attached at the root. */
export const AWS_MANAGED_AT_ROOT: Readonly<Record<string, string>> = {
  SERVICE_CONTROL_POLICY: "FullAWSAccess",
  RESOURCE_CONTROL_POLICY: "RCPFullAWSAccess",
};

/** What config says is attached where, computed as the stacks compute it. */
export function expectedPolicies(
  config: LandingZoneConfig,
  organizationId: string,
): ExpectedPolicy[] {
  const prefix = config.organization.config.resourcePrefix;
  return attachedPolicies(config, organizationId).map(({ policy, targets }) => ({
    name: organizationPolicyName(prefix, policy.name),
    type: policy.type,
    targets,
    content: renderPolicyContent(policy),
  }));
}

/** Equal as JSON documents: key order and whitespace don't count, array order does. */
export function sameJson(a: string, b: string): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
          )
        : value;
  try {
    return JSON.stringify(canonical(JSON.parse(a))) === JSON.stringify(canonical(JSON.parse(b)));
  } catch {
    return false;
  }
}
