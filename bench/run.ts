import { spawnSync } from "node:child_process";
import { cpus } from "node:os";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { compareConfigs } from "../cli/affected";
import { countResources } from "../cli/synth-summary";
import { synthNodeArguments } from "../cli/synth-command";
import { exitWithError } from "../cli/user-error";
import { readSynthesizedStacks } from "../compliance/evidence/synth-output";
import { parseBenchOptions, partialBecause, resultsDir } from "./bench-options";
import type { BenchOptions } from "./bench-options";
import { generateOrganization, stampOneAccount, BENCH_REGIONS } from "./generate-organization";

/**
 * `npm run bench`: synthesizes generated organizations of 10, 100 and 1,000 accounts in fresh
 * processes and reports wall time, CPU time, peak memory, stacks, resources and output size,
 * each as the median of repeated runs and relative to a one-resource cdktf app.
 */
const ROOT = join(__dirname, "..");
let options: BenchOptions;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  exitWithError(error);
  process.exit();
}
const { sizes, repeat } = options;
const partial = partialBecause(options);
const outputDir = resultsDir(options, ROOT);
if (partial.length > 0)
  process.stderr.write(
    `Partial run (${partial.join("; ")}): results go to ${relative(process.cwd(), outputDir)}/, not the committed bench/results/latest.md.\n`,
  );
const work = mkdtempSync(join(tmpdir(), "lz-bench-"));
/** The size also synthesized the old way, every baseline through cdktf, to compare output and time. */
const FULL_SYNTHESIS_SIZE = 100;

interface Sample {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}

function run(args: string[], env: Record<string, string>): Sample {
  const usageFile = join(work, "usage.json");
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["-r", join(__dirname, "report-usage.js"), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, LZ_BENCH_USAGE_FILE: usageFile },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, "utf8")) as Sample;
  return { ...usage, wallSeconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

interface Measurement {
  readonly median: Sample;
  readonly spread: { readonly minWall: number; readonly maxWall: number };
}

function measure(times: number, sample: () => Sample): Measurement {
  const samples = Array.from({ length: times }, sample);
  const median = (pick: (s: Sample) => number) =>
    [...samples.map(pick)].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  return {
    median: {
      wallSeconds: median((s) => s.wallSeconds),
      cpuSeconds: median((s) => s.cpuSeconds),
      peakRssMb: median((s) => s.peakRssMb),
    },
    spread: {
      minWall: Math.min(...samples.map((s) => s.wallSeconds)),
      maxWall: Math.max(...samples.map((s) => s.wallSeconds)),
    },
  };
}

function outputFacts(outdir: string) {
  const stacks = readSynthesizedStacks(outdir);
  const resources = stacks.reduce((sum, stack) => sum + countResources(stack), 0);
  const size = (path: string): number =>
    statSync(path).isDirectory()
      ? readdirSync(path).reduce((sum, entry) => sum + size(join(path, entry)), 0)
      : statSync(path).size;
  return {
    stacks: stacks.length,
    resources,
    outputMb: size(outdir) / 1024 / 1024,
  };
}

/** Wall time of `npm run synth` as a user types it: npm, its shell and the synth process. */
function runNpmSynth(env: Record<string, string>): Sample {
  const started = process.hrtime.bigint();
  const result = spawnSync("npm", ["run", "synth"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`npm run synth failed:\n${result.stderr}`);
  return {
    wallSeconds: Number(process.hrtime.bigint() - started) / 1e9,
    cpuSeconds: Number.NaN,
    peakRssMb: Number.NaN,
  };
}

/** Paths of the files under `dir` that differ from, or are missing in, `other` (either way). */
function differingFiles(dir: string, other: string): string[] {
  const files = (root: string, folder = root): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const path = join(folder, entry.name);
      return entry.isDirectory() ? files(root, path) : [relative(root, path)];
    });
  const here = files(dir);
  const there = new Set(files(other));
  return [
    ...here.filter(
      (path) =>
        !there.has(path) || !readFileSync(join(dir, path)).equals(readFileSync(join(other, path))),
    ),
    ...[...there].filter((path) => !here.includes(path)),
  ];
}

/** Wall time of `npm test`; a failing suite ends the bench. */
function timeNpmTest(): number {
  process.stderr.write("npm test...\n");
  const started = process.hrtime.bigint();
  const result = spawnSync("npm", ["test"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`npm test failed:\n${result.stdout}\n${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

// First, so that a failing suite stops the bench before the synths rather than after them.
const testSeconds = options.skipTests ? undefined : timeNpmTest();
const synthArgs = synthNodeArguments();
const floor = measure(repeat, () =>
  run([join(__dirname, "floor.js")], { CDKTF_OUTDIR: join(work, "floor") }),
);
const example = measure(repeat, () => run(synthArgs, { CDKTF_OUTDIR: join(work, "example") }));
const exampleNpm = measure(repeat, () => runNpmSynth({ CDKTF_OUTDIR: join(work, "example-npm") }));
// The first synth after a checkout or an edit transpiles every changed file; later runs reuse
// the loader's caches of transpiled and compiled code (cli/register-typescript.js). Each cold run
// gets empty caches of its own.
const exampleColdCache = measure(repeat, () =>
  run(synthArgs, {
    CDKTF_OUTDIR: join(work, "example-cold"),
    REGISTER_TYPESCRIPT_CACHE_DIR: mkdtempSync(join(work, "loader-cache-")),
  }),
);
const exampleFacts = outputFacts(join(work, "example"));

const organizations = sizes.map((accounts) => {
  const config = join(work, `config-${accounts}`);
  generateOrganization(join(ROOT, "environments"), config, accounts);
  const outdir = join(work, `out-${accounts}`);
  process.stderr.write(`synthesizing ${accounts} accounts...\n`);
  const result = measure(repeat, () =>
    run(synthArgs, { LZ_CONFIG_DIR: config, CDKTF_OUTDIR: outdir }),
  );
  const facts = outputFacts(outdir);
  // Today's method beside it, once: every baseline through cdktf. Its output must be the same.
  let full: { measurement: Measurement; differing: string[] } | undefined;
  if (accounts === FULL_SYNTHESIS_SIZE) {
    process.stderr.write(`synthesizing ${accounts} accounts without clones...\n`);
    const fullOutdir = join(work, `out-${accounts}-full`);
    const measurement = measure(1, () =>
      run(synthArgs, {
        LZ_CONFIG_DIR: config,
        CDKTF_OUTDIR: fullOutdir,
        LZ_CLONE_BASELINES: "off",
      }),
    );
    full = { measurement, differing: differingFiles(outdir, fullOutdir) };
    rmSync(fullOutdir, { recursive: true, force: true });
  }
  rmSync(outdir, { recursive: true, force: true });
  return {
    accounts,
    config,
    ...result,
    ...facts,
    full,
    secondsPerAccount: result.median.wallSeconds / accounts,
  };
});

const largest = organizations[organizations.length - 1];
process.stderr.write(`affected for a one-account change at ${largest.accounts} accounts...\n`);
const stamped = join(work, "config-stamped");
generateOrganization(join(ROOT, "environments"), stamped, largest.accounts);
stampOneAccount(stamped);
const affectedStarted = process.hrtime.bigint();
void compareConfigs(largest.config, stamped).then((affected) => {
  const affectedSeconds = Number(process.hrtime.bigint() - affectedStarted) / 1e9;
  writeResults({ affected, affectedSeconds, testSeconds });
  rmSync(work, { recursive: true, force: true });
});

function writeResults(extra: {
  affected: { stacks: readonly string[] };
  affectedSeconds: number;
  testSeconds?: number;
}) {
  const floorSeconds = floor.median.wallSeconds;
  const bySize = new Map(
    organizations.map((organization) => [organization.accounts, organization]),
  );
  const ratio = (seconds: number) => seconds / floorSeconds;
  const hundred = bySize.get(100);
  const thousand = bySize.get(1000);
  const fullSize = organizations.find((organization) => organization.full);
  const targets = [
    {
      target: "example `npm run synth` (npm included) ≤ 4× floor",
      value: `${ratio(exampleNpm.median.wallSeconds).toFixed(1)}×`,
      met: ratio(exampleNpm.median.wallSeconds) <= 4,
    },
    ...(thousand
      ? [
          {
            target: "1,000 accounts, network on, synth ≤ 20 s",
            value: `${thousand.median.wallSeconds.toFixed(1)} s`,
            met: thousand.median.wallSeconds <= 20,
          },
          {
            target: "1,000 accounts peak memory < 1 GB",
            value: `${(thousand.median.peakRssMb / 1024).toFixed(2)} GB`,
            met: thousand.median.peakRssMb < 1024,
          },
          {
            target: "affected (one account, 1,000 accounts) ≤ 1.2× a synth",
            value: `${(extra.affectedSeconds / thousand.median.wallSeconds).toFixed(2)}×`,
            met: extra.affectedSeconds <= 1.2 * thousand.median.wallSeconds,
          },
        ]
      : []),
    ...(thousand && hundred
      ? [
          {
            target: "time(1,000) / time(100) ≤ 10",
            value: (thousand.median.wallSeconds / hundred.median.wallSeconds).toFixed(1),
            met: thousand.median.wallSeconds / hundred.median.wallSeconds <= 10,
          },
        ]
      : []),
    ...(fullSize?.full
      ? [
          {
            target: `${fullSize.accounts} accounts: output byte-identical to synthesizing every baseline`,
            value:
              fullSize.full.differing.length === 0
                ? "identical"
                : `${fullSize.full.differing.length} files differ: ${fullSize.full.differing.slice(0, 3).join(", ")}`,
            met: fullSize.full.differing.length === 0,
          },
        ]
      : []),
    ...(extra.testSeconds !== undefined
      ? [
          {
            target: "npm test < 3 min",
            value: `${extra.testSeconds.toFixed(0)} s`,
            met: extra.testSeconds < 180,
          },
        ]
      : []),
  ];
  const machine = {
    cores: cpus().length,
    node: process.version,
    regions: BENCH_REGIONS.length,
    repeat,
  };
  const results = {
    ...(partial.length > 0 ? { partial } : {}),
    machine,
    floor,
    example: { ...example, ...exampleFacts },
    exampleNpm,
    exampleColdCache,
    organizations: organizations.map(({ config, ...rest }) => rest),
    affected: { seconds: extra.affectedSeconds, stacks: extra.affected.stacks },
    testSeconds: extra.testSeconds,
    targets,
  };
  // npm's own processes aren't measured from inside: that row has wall time only.
  const figure = (value: number, digits: number) =>
    Number.isNaN(value) ? "—" : value.toFixed(digits);
  const row = (
    name: string,
    m: Measurement,
    facts?: { stacks: number; resources: number; outputMb: number },
    perAccount?: number,
  ) =>
    `| ${name} | ${m.median.wallSeconds.toFixed(2)} (${m.spread.minWall.toFixed(2)}–${m.spread.maxWall.toFixed(2)}) | ${ratio(m.median.wallSeconds).toFixed(1)}× | ${figure(m.median.cpuSeconds, 2)} | ${figure(m.median.peakRssMb, 0)} | ${facts?.stacks ?? "—"} | ${facts?.resources ?? "—"} | ${facts ? facts.outputMb.toFixed(1) : "—"} | ${perAccount !== undefined ? (perAccount * 1000).toFixed(0) : "—"} |`;
  const markdown = [
    "# Benchmark results",
    "",
    ...(partial.length > 0
      ? [`**Partial run** (${partial.join("; ")}): not every target is measured.`, ""]
      : []),
    `Machine: ${machine.cores} cores, Node ${machine.node}. Organizations span ${machine.regions} governed regions, with the network baseline on in every environment and region (a VPC per account and region, from explicit blocks). Each figure is the median of ${repeat} runs in fresh processes; the range in brackets is the fastest and slowest run.`,
    "",
    "How to read it: wall time includes starting Node and loading the code; the project's TypeScript and V8's compiled code of every module come from the loader's caches, as on every run after the first (the empty-cache row shows a first run). The floor is a one-resource cdktf app run by plain node on the same machine, so the ratio column compares across machines; per-account time is the synth's wall time divided by the number of workload accounts. Workload baselines of one shape are written from a template (docs/scale.md); the row without clones synthesizes every baseline through cdktf, as before, and the output of the two is compared file by file.",
    "",
    "| run | wall s (range) | × floor | CPU s | peak RSS MB | stacks | resources | output MB | ms per account |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    row("floor: one-resource app", floor),
    row("example organization", example, exampleFacts),
    row("example, as `npm run synth`", exampleNpm, exampleFacts),
    row("example, empty loader caches", exampleColdCache, exampleFacts),
    ...organizations.flatMap((organization) => [
      row(
        `${organization.accounts} accounts`,
        organization,
        organization,
        organization.secondsPerAccount,
      ),
      ...(organization.full
        ? [
            row(
              `${organization.accounts} accounts, every baseline by cdktf (no clones)`,
              organization.full.measurement,
              organization,
              organization.full.measurement.median.wallSeconds / organization.accounts,
            ),
          ]
        : []),
    ]),
    "",
    `\`npm run affected\` for one stamped account at ${largest.accounts} accounts: ${extra.affectedSeconds.toFixed(1)} s (both synths run side by side), stacks: ${extra.affected.stacks.join(", ")}.`,
    ...(extra.testSeconds !== undefined
      ? [`\`npm test\`: ${extra.testSeconds.toFixed(0)} s.`]
      : []),
    "",
    "| target | measured | met |",
    "| --- | --- | --- |",
    ...targets.map(
      (target) => `| ${target.target} | ${target.value} | ${target.met ? "yes" : "**no**"} |`,
    ),
    "",
  ].join("\n");
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(join(outputDir, "latest.md"), markdown);
  writeFileSync(join(outputDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(markdown);
  process.stderr.write(
    `\nWritten to ${relative(process.cwd(), outputDir)}/latest.md and latest.json${partial.length > 0 ? ` (a partial run: ${partial.join("; ")})` : "; npm run docs copies them into docs/scale.md"}.\n`,
  );
}
