import { describedPolicy } from "./organization-policy";
import type { OrganizationPolicy } from "./organization-policy";

/** For a quarantine or suspended OU: nothing happens in its accounts, for anyone. */
export function denyAllScp(): OrganizationPolicy {
  return describedPolicy(
    {
      name: "deny-all",
      type: "SERVICE_CONTROL_POLICY",
      description: "Every action in quarantined or suspended accounts is denied",
      criteria: ["CC6.1", "CC6.5", "CC7.4"],
    },
    [
      {
        summary: "Every action is denied.",
        statement: { Sid: "DenyEverything", Effect: "Deny", Action: "*", Resource: "*" },
      },
    ],
  );
}
