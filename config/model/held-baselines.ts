import type { AccountState } from "../schema/account-lifecycle";
import type { LandingZoneConfig } from "./landing-zone-config";
import { accountBaselineStackName } from "./stack-names";

/** An account baseline left out of synthesis, and why. */
export interface HeldBaseline {
  readonly account: string;
  readonly environment: string;
  readonly stack: string;
  readonly state: AccountState;
  readonly reason: string;
  readonly since: string;
}

/**
 * Baselines of quarantined and closing accounts. The deny-all SCP of the quarantine OU refuses
 * every call in the account, the pipeline's included, so their plans could only fail; leaving the
 * stacks out keeps each one's state, and the account's resources, exactly as they were when the
 * account was quarantined, and brings them back unchanged if it is released.
 */
export function heldBaselines(config: Pick<LandingZoneConfig, "environments">): HeldBaseline[] {
  return config.environments.flatMap(({ config: environment }) =>
    environment.accounts.flatMap((account) =>
      account.lifecycle
        ? [
            {
              account: account.name,
              environment: environment.name,
              stack: accountBaselineStackName(account.name),
              state: account.lifecycle.state,
              reason: account.lifecycle.reason,
              since: account.lifecycle.since,
            },
          ]
        : [],
    ),
  );
}
