import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { environmentStackName } from "../../config/model/stack-names";
import type { SuppressionConfig } from "../../config/schema/compliance-schema";

/**
 * An account marked for closure is meant to be destroyable and closed on deletion: LZ-ORG-001
 * and LZ-ORG-002 record it as an exception carrying the quarantine reason, for that account only.
 */
export function closingAccountSuppressions(config: LandingZoneConfig): SuppressionConfig[] {
  return config.environments.flatMap(({ config: environment }) =>
    environment.accounts
      .filter((account) => account.lifecycle?.state === "closing")
      .flatMap((account) =>
        ["LZ-ORG-001", "LZ-ORG-002"].map((rule) => ({
          rule,
          resource: `${environmentStackName(environment.name)}/aws_organizations_account.account-${account.name}_*`,
          justification: `Account ${account.name} is being closed (since ${account.lifecycle!.since}): ${account.lifecycle!.reason}`,
        })),
      ),
  );
}
