import { RULE_PACK } from "../compliance/rules/rule-pack";
import { checkSuppressions } from "../compliance/suppressions/check-suppressions";
import { checkAccountLifecycle } from "../config/checks/account-lifecycle";
import { checkSecurityFindings } from "../config/checks/security-findings";
import { DEFAULT_CONFIG_DIR, loadCheckedLandingZoneConfig } from "../config/loader/load-config";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { checkIdentityPolicies } from "../modules/identity/check-identity-policies";
import { checkOrganizationPolicies } from "../modules/organizations/policies/check-policies";

/** The config folder every command reads: LZ_CONFIG_DIR, else the example in environments/. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.LZ_CONFIG_DIR || DEFAULT_CONFIG_DIR;
}

/**
 * Loads the config with every check synth makes, including those of the layers above the config
 * (rule ids, organization policies, identity policies, closure limits, Security Hub tuning expiry).
 * Throws a ConfigError.
 */
export function loadSynthConfig(
  dir: string,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<LandingZoneConfig> {
  return loadCheckedLandingZoneConfig(
    dir,
    [
      checkSuppressions(
        RULE_PACK.map((rule) => rule.id),
        today,
      ),
      checkAccountLifecycle(today),
      checkSecurityFindings(today),
    ],
    [checkOrganizationPolicies, checkIdentityPolicies],
  );
}
