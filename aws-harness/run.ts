import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { configDir, loadSynthConfig } from "../cli/load-synth-config";
import { synthesizeLandingZone } from "../cli/synthesize-landing-zone";
import { skipTokenStackTraces } from "../modules/terraform/cdktf-internals";
import { isUserError } from "../cli/user-error";
import { GuardrailViolationError } from "../compliance/rules/evaluate-rules";
import { ConfigError } from "../config/loader/config-problem";
import { unseenGaps } from "./emulator/gap-proofs";
import { EMULATOR_GAPS } from "./emulator/emulator-gaps";
import { writeEmulatorVariant } from "./emulator/emulator-variant";
import { HarnessSetupError, readHarnessSettings } from "./harness-settings";
import type { HarnessSettings } from "./harness-settings";
import { renderReport, reportPassed, reportProblems } from "./harness-report";
import type { HarnessReport } from "./harness-report";
import { providerAdapterFor } from "./provider-for-run";
import { TerraformCli, terraformEnvironment } from "./terraform/terraform-cli";
import { validateExample } from "./validate-example";
import { applyVariant } from "./emulator/apply-variant";
import { sameShapeBaselines } from "./emulator/same-shape-baselines";
import { validateFeatureVariant, writeFeatureVariant } from "./feature-variant";

/**
 * `npm run test:aws`: synthesizes the example, validates every stack with the real AWS provider,
 * then applies the example's emulator variant to moto in deploy order and plans each stack again,
 * which must show no changes. Writes the table to <outdir>/aws-harness/report.md.
 */

/** Terraform processes at once: each is mostly waiting on its provider or the emulator. */
const CONCURRENCY = Number(process.env.LZ_HARNESS_CONCURRENCY || 3);

function terraformVersion(settings: HarnessSettings): string {
  const output = spawnSync(settings.terraform, ["version", "-json"], { encoding: "utf8" }).stdout;
  return (JSON.parse(output) as { terraform_version: string }).terraform_version;
}

async function main(): Promise<boolean> {
  const started = performance.now();
  const settings = readHarnessSettings();
  const outdir = resolve(process.env.CDKTF_OUTDIR || "cdktf.out");
  const sourceConfig = configDir();
  const example = synthesizeLandingZone(await loadSynthConfig(sourceConfig), outdir);
  const workDir = join(outdir, "aws-harness");
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  console.log(`Synthesized ${example.stacks.length} stacks into ${outdir}`);

  const variantConfigDir = join(workDir, "emulator-variant-config");
  const variantEdits = writeEmulatorVariant(sourceConfig, variantConfigDir);
  const variantConfig = await loadSynthConfig(variantConfigDir);
  const variantOutdir = join(workDir, "emulator-variant-out");
  const variant = synthesizeLandingZone(variantConfig, variantOutdir);
  const importing = variant.stacks.filter((stack) => stack.json.import);
  if (importing.length > 0)
    throw new Error(
      `The emulator variant still imports existing resources in ${importing.map((stack) => stack.name).join(", ")}: writeEmulatorVariant must remove the id that causes it`,
    );

  const featureConfigDir = join(workDir, "feature-variant-config");
  const featureEdits = writeFeatureVariant(sourceConfig, featureConfigDir);
  const features = synthesizeLandingZone(
    await loadSynthConfig(featureConfigDir),
    join(workDir, "feature-variant-out"),
  );

  const env = terraformEnvironment(settings, workDir);
  const adapter = providerAdapterFor(settings, env.TF_CLI_CONFIG_FILE!, workDir);
  console.log(
    `Validating ${example.stacks.length} stacks with AWS provider ${settings.providerVersion}, and applying the emulator variant`,
  );
  // Both at once: the emulator run waits on the provider's propagation checks, which leaves the
  // CPU to validation.
  const terraform = new TerraformCli(settings.terraform, env);
  const [validate, emulator] = await Promise.all([
    validateExample(example, terraform, adapter, workDir, 1).then(async (results) => [
      ...results,
      ...(await validateFeatureVariant(example, features, terraform, adapter, workDir)),
    ]),
    applyVariant(
      {
        synthesized: variant,
        outdir: variantOutdir,
        managementAccountId: variantConfig.organization.config.managementAccountId,
        configDir: variantConfigDir,
        homeRegion: variantConfig.organization.config.homeRegion,
        covered: sameShapeBaselines(variantConfig, variantOutdir),
      },
      settings,
      env,
      adapter,
      workDir,
      CONCURRENCY,
    ),
  ]);
  const report: HarnessReport = {
    providerVersion: settings.providerVersion,
    terraformVersion: terraformVersion(settings),
    validate,
    emulator: emulator.results,
    evidence: emulator.evidence,
    gaps: EMULATOR_GAPS,
    variantEdits,
    featureEdits,
    runProblems: unseenGaps(emulator.results, EMULATOR_GAPS),
    seconds: (performance.now() - started) / 1000,
  };
  const markdown = renderReport(report);
  writeFileSync(join(workDir, "report.md"), markdown);
  writeFileSync(join(workDir, "report.json"), JSON.stringify(report, null, 2) + "\n");
  console.log(`\n${markdown}\nWritten to ${join(workDir, "report.md")}`);
  const passed = reportPassed(report);
  if (!passed)
    console.error(
      ["", "AWS proof FAILED:", ...reportProblems(report).map((line) => `- ${line}`)].join("\n"),
    );
  return passed;
}

skipTokenStackTraces();
main().then(
  (passed) => (process.exitCode = passed ? 0 : 1),
  (error: unknown) => {
    const expected =
      error instanceof HarnessSetupError ||
      error instanceof ConfigError ||
      error instanceof GuardrailViolationError ||
      isUserError(error);
    console.error(expected ? error.message : error);
    process.exitCode = 1;
  },
);
