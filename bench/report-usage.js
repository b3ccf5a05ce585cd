// Preloaded into each measured process: writes its wall time, CPU time and peak RSS on exit.
const { writeFileSync } = require("node:fs");
const started = process.hrtime.bigint();
process.on("exit", () => {
  const usage = process.resourceUsage();
  writeFileSync(
    process.env.LZ_BENCH_USAGE_FILE,
    JSON.stringify({
      wallSeconds: Number(process.hrtime.bigint() - started) / 1e9,
      cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
      peakRssMb: usage.maxRSS / 1024,
    }),
  );
});
