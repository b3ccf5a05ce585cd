import { GLOBAL_SERVICE_ACTIONS } from "./global-services";
import { allOf, describedPolicy, unlessExempt } from "./organization-policy";
import type { OrganizationPolicy, PolicyContext } from "./organization-policy";

/** Work happens only in governed regions; global services stay reachable. */
export function regionDenyScp(context: PolicyContext): OrganizationPolicy {
  return describedPolicy(
    {
      name: "region-deny",
      type: "SERVICE_CONTROL_POLICY",
      description: `Nothing runs outside the governed regions (${context.governedRegions.join(", ")}), except global services`,
      criteria: ["CC6.1", "CC6.6", "C1.1"],
    },
    [
      {
        summary: `Requests to regions other than ${context.governedRegions.join(", ")} are denied, except for ${GLOBAL_SERVICE_ACTIONS.length} global-service actions and the exempt roles.`,
        statement: {
          Sid: "DenyUngovernedRegions",
          Effect: "Deny",
          NotAction: GLOBAL_SERVICE_ACTIONS,
          Resource: "*",
          Condition: allOf(unlessExempt(context), {
            StringNotEquals: { "aws:RequestedRegion": context.governedRegions },
          }),
        },
      },
    ],
  );
}
