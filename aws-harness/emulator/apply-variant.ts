import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SynthesizedLandingZone } from "../../cli/synthesize-landing-zone";
import type { HarnessSettings } from "../harness-settings";
import { appliedOrCovered, coveredResult, skippedResult } from "../harness-results";
import type { EmulatorResult } from "../harness-results";
import type { ProviderAdapter } from "../provider-for-run";
import { runInDependencyOrder } from "../run-in-dependency-order";
import { TerraformCli } from "../terraform/terraform-cli";
import type { TerraformJson } from "../terraform/terraform-json";
import { AccountHostProxy } from "./account-host-proxy";
import { applyToEmulator } from "./apply-to-emulator";
import { collectEvidenceOnEmulator } from "./collect-evidence-on-emulator";
import type { EvidenceOnEmulator } from "./collect-evidence-on-emulator";
import { createEmulatorBucket, emulatorAccountCredentials } from "./emulator-api";
import { EMULATOR_GAPS } from "./emulator-gaps";
import { GapProofs } from "./gap-proofs";
import { MotoServer } from "./moto-server";
import { stripEmulatorGaps } from "./strip-emulator-gaps";
import { emulatorEndpointEnvironment } from "./wire-to-emulator";
import type { StrippedStack } from "./strip-emulator-gaps";
import type { EmulatorGap } from "./emulator-gap";

const EMULATOR_STATE_BUCKET = "landing-zone-harness-state";

export interface VariantToApply {
  readonly synthesized: SynthesizedLandingZone;
  readonly outdir: string;
  readonly managementAccountId: string;
  /** The variant's config folder and home region, for the evidence collector run afterwards. */
  readonly configDir: string;
  readonly homeRegion: string;
  /** Baselines not applied, each with the same-shape baseline applied in its place. */
  readonly covered: ReadonlyMap<string, string>;
}

export interface AppliedVariant {
  readonly results: EmulatorResult[];
  /** Undefined when a stack failed to apply: the organization then isn't whole to read back. */
  readonly evidence?: EvidenceOnEmulator;
}

function manifestDependencies(outdir: string): Record<string, string[]> {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { dependencies: string[] }>;
  };
  return Object.fromEntries(
    Object.entries(manifest.stacks).map(([name, stack]) => [name, stack.dependencies]),
  );
}

/**
 * For each stack, how to strip it of given gap entries. Producers are stripped of every entry
 * first, in deploy order, so that a stack also loses what reads a stand-in its producer published.
 */
function strippers(
  variant: SynthesizedLandingZone,
): Map<string, (gaps: readonly EmulatorGap[]) => StrippedStack> {
  const standIns = new Map<string, StrippedStack["standIns"]>();
  return new Map(
    variant.deployOrder.map((stack) => {
      const json = variant.stacks.find((entry) => entry.name === stack)!.json as TerraformJson;
      const upstream = new Map(standIns);
      standIns.set(stack, stripEmulatorGaps(json, EMULATOR_GAPS, upstream).standIns);
      return [
        stack,
        (gaps: readonly EmulatorGap[], unwait: readonly EmulatorGap[] = []) =>
          stripEmulatorGaps(json, gaps, upstream, unwait),
      ];
    }),
  );
}

/**
 * Starts the emulator, applies every stack of the variant but the covered baselines in deploy
 * order (`concurrency` at a time where the stack dependencies allow), plans each again, collects
 * evidence from the result with `npm run collect-evidence`, and stops the emulator.
 */
export async function applyVariant(
  variant: VariantToApply,
  settings: HarnessSettings,
  env: NodeJS.ProcessEnv,
  adapter: ProviderAdapter,
  workDir: string,
  concurrency: number,
): Promise<AppliedVariant> {
  const moto = await MotoServer.start(settings.motoServer, workDir);
  console.log(`Emulator on ${moto.endpoint.url} (pid ${moto.pid})`);
  const proxy = await AccountHostProxy.start(moto.endpoint.port);
  try {
    const credentials = await emulatorAccountCredentials(
      moto.endpoint,
      variant.managementAccountId,
    );
    await createEmulatorBucket(moto.endpoint, credentials, EMULATOR_STATE_BUCKET);
    const { synthesized } = variant;
    const strip = strippers(synthesized);
    const [bootstrap] = synthesized.deployOrder;
    const dependencies = manifestDependencies(variant.outdir);
    // Every other stack keeps its state in the bucket bootstrap makes (here, stands in for).
    for (const stack of synthesized.deployOrder.slice(1))
      dependencies[stack] = [...(dependencies[stack] ?? []), bootstrap];
    // A covered baseline stands or falls with the one applied in its place.
    for (const [stack, coveredBy] of variant.covered)
      dependencies[stack] = [...dependencies[stack], coveredBy];
    const wiring = {
      url: moto.endpoint.url,
      caBundle: moto.endpoint.caBundle,
      stateBucket: EMULATOR_STATE_BUCKET,
    };
    const run = {
      terraform: new TerraformCli(settings.terraform, {
        ...env,
        ...credentials,
        ...emulatorEndpointEnvironment(wiring),
        HTTPS_PROXY: proxy.url,
        HTTP_PROXY: "",
        NO_PROXY: "",
      }),
      adapter,
      wiring,
      emulatorLog: () => moto.log(),
      gapProofs: new GapProofs(),
      gaps: EMULATOR_GAPS,
      workDir: join(workDir, "emulator"),
    };
    const results = await runInDependencyOrder(
      synthesized.deployOrder,
      dependencies,
      concurrency,
      async (stack) => {
        const coveredBy = variant.covered.get(stack);
        if (coveredBy) return { ok: true, result: coveredResult(stack, coveredBy) };
        const result = await applyToEmulator(stack, strip.get(stack)!, run);
        console.log(`  ${stack}: ${result.status} in ${result.seconds.toFixed(0)} s`);
        return { ok: result.status === "applied", result };
      },
      (stack, failed) => skippedResult(stack, `${failed} did not apply`),
    );
    const applied = [...results.values()];
    if (!applied.every(appliedOrCovered)) return { results: applied };
    const evidence = await collectEvidenceOnEmulator({
      endpoint: moto.endpoint,
      credentials,
      configDir: variant.configDir,
      region: variant.homeRegion,
      workDir,
    });
    console.log(
      `  collect-evidence: exit ${evidence.status}, ${evidence.files.length} files, ${evidence.accounts.length} accounts`,
    );
    return { results: applied, evidence };
  } finally {
    await proxy.stop();
    await moto.stop();
  }
}
