import { loadSynthConfig, configDir } from "./cli/load-synth-config";
import { formatSummary } from "./cli/synth-summary";
import { synthesizeLandingZone } from "./cli/synthesize-landing-zone";
import { exitWithError } from "./cli/user-error";
import { GuardrailViolationError } from "./compliance/rules/evaluate-rules";
import { ConfigError } from "./config/loader/config-problem";
import { heldBaselines } from "./config/model/held-baselines";
import {
  expiringSuppressions,
  securityHubTuningExceptions,
} from "./compliance/suppressions/expiring-suppressions";
import { reproducibleToday } from "./cli/reproducible-time";
import { cloudFrontWafNotices } from "./cli/cloudfront-waf-notice";
import { skipTokenStackTraces } from "./modules/terraform/cdktf-internals";

skipTokenStackTraces();

async function main(): Promise<void> {
  const started = performance.now();
  const outdir = process.env.CDKTF_OUTDIR || "cdktf.out";
  // Validate before the App exists: constructing it creates the output folder.
  const today = reproducibleToday(process.env);
  const config = await loadSynthConfig(configDir(), today);
  const { stacks, droppedStacks, cloneFallbacks } = synthesizeLandingZone(config, outdir, {
    // The escape hatch, and the bench's measure of what cloning saves.
    cloneBaselines: process.env.LZ_CLONE_BASELINES !== "off",
    // Set by `npm run affected`, which compares stacks only.
    evidence: process.env.LZ_EVIDENCE !== "off",
  });
  const { compliance, securityServices } = config.organization.config;
  const expiring = expiringSuppressions(
    [
      ...compliance.suppressions,
      ...securityHubTuningExceptions(securityServices.securityHub.disabledControls),
    ],
    today,
  );
  console.log(
    formatSummary(outdir, stacks, performance.now() - started, {
      held: heldBaselines(config),
      expiring,
      notices: cloudFrontWafNotices(config),
    }),
  );
  for (const fallback of cloneFallbacks)
    console.log(`${fallback}; those baselines were synthesized one by one instead.`);
  if (droppedStacks.length > 0)
    console.log(
      `Removed the folders of stacks no longer synthesized: ${droppedStacks.join(", ")}. Their state stays in the backend.`,
    );
}

main().catch((error: unknown) => exitWithError(error, [ConfigError, GuardrailViolationError]));
