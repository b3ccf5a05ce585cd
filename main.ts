import { formatSummary } from "./cli/synth-summary";
import { synthesizeAtomically } from "./cli/synthesize-atomically";
import { enforceGuardrails } from "./compliance/enforce-guardrails";
import { GuardrailViolationError } from "./compliance/rules/evaluate-rules";
import type { SynthesizedStack } from "./compliance/rules/evaluate-rules";
import { RULE_PACK } from "./compliance/rules/rule-pack";
import { checkSuppressions } from "./compliance/suppressions/check-suppressions";
import { ConfigError } from "./environments/loader/config-problem";
import {
  DEFAULT_CONFIG_DIR,
  loadCheckedLandingZoneConfig,
} from "./environments/loader/load-config";
import { checkIdentityPolicies } from "./modules/identity/check-identity-policies";
import { checkOrganizationPolicies } from "./modules/organizations/policies/check-policies";
import { buildLandingZone } from "./stacks/landing-zone";

async function main(): Promise<void> {
  const started = performance.now();
  const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
  // Validate before the App exists: constructing it creates the output folder.
  const today = new Date().toISOString().slice(0, 10);
  const config = await loadCheckedLandingZoneConfig(
    process.env.LZ_CONFIG_DIR || DEFAULT_CONFIG_DIR,
    [
      checkSuppressions(
        RULE_PACK.map((rule) => rule.id),
        today,
      ),
    ],
    [checkOrganizationPolicies, checkIdentityPolicies],
  );
  let stacks: SynthesizedStack[] = [];
  synthesizeAtomically(
    outdir,
    (app) => buildLandingZone(app, config),
    (app, staged) => (stacks = enforceGuardrails(app, staged, config)),
  );
  console.log(formatSummary(outdir, stacks, performance.now() - started));
}

main().catch((error: unknown) => {
  const expected = error instanceof ConfigError || error instanceof GuardrailViolationError;
  console.error(expected ? error.message : error);
  process.exitCode = 1;
});
