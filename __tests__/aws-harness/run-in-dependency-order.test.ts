import { runInDependencyOrder } from "../../aws-harness/run-in-dependency-order";

/**
 * A run of fake stack tasks: each takes its delay in milliseconds (1 unless told), fails when told
 * to, and logs when it starts and ends, counting how many run at once.
 */
function fakeRun(
  order: readonly string[],
  dependencies: Record<string, string[]>,
  concurrency: number,
  { delays = {}, failing = [] }: { delays?: Record<string, number>; failing?: string[] } = {},
) {
  const log: string[] = [];
  let running = 0;
  let mostAtOnce = 0;
  const results = runInDependencyOrder(
    order,
    dependencies,
    concurrency,
    async (stack) => {
      log.push(`start ${stack}`);
      mostAtOnce = Math.max(mostAtOnce, ++running);
      await new Promise((resolve) => setTimeout(resolve, delays[stack] ?? 1));
      running--;
      log.push(`end ${stack}`);
      const ok = !failing.includes(stack);
      return { ok, result: `${stack} ${ok ? "applied" : "failed"}` };
    },
    (stack, failedDependency) => `${stack} skipped: ${failedDependency} did not apply`,
  );
  return { results, log, mostAtOnce: () => mostAtOnce };
}

/** Every stack that started did so after each of its dependencies (in `order`) ended. */
function startedAfterDependencies(log: string[], dependencies: Record<string, string[]>) {
  return Object.entries(dependencies).flatMap(([stack, needs]) =>
    log.includes(`start ${stack}`)
      ? needs
          .filter(
            (need) =>
              !log.includes(`end ${need}`) ||
              log.indexOf(`end ${need}`) > log.indexOf(`start ${stack}`),
          )
          .map((need) => `${stack} started before ${need} ended`)
      : [],
  );
}

const LANDING_ZONE = ["bootstrap", "organization", "logging", "identity", "security", "audit"];
const LANDING_ZONE_DEPENDENCIES: Record<string, string[]> = {
  organization: ["bootstrap"],
  logging: ["organization"],
  identity: ["organization"],
  security: ["organization", "logging"],
  audit: ["security"],
};

describe("order", () => {
  it("runs one stack at a time in order when concurrency is 1", async () => {
    const run = fakeRun(LANDING_ZONE, LANDING_ZONE_DEPENDENCIES, 1);

    const results = await run.results;

    expect(run.log).toEqual(LANDING_ZONE.flatMap((stack) => [`start ${stack}`, `end ${stack}`]));
    expect([...results]).toEqual(LANDING_ZONE.map((stack) => [stack, `${stack} applied`]));
  });

  it("starts a stack only once every stack it depends on has succeeded", async () => {
    const run = fakeRun(LANDING_ZONE, LANDING_ZONE_DEPENDENCIES, 4, {
      // A slow logging stack: identity is ready long before security.
      delays: { logging: 30, organization: 5 },
    });

    await run.results;

    expect(startedAfterDependencies(run.log, LANDING_ZONE_DEPENDENCIES)).toEqual([]);
    expect(run.log).toEqual([
      "start bootstrap",
      "end bootstrap",
      "start organization",
      "end organization",
      "start logging",
      "start identity",
      "end identity",
      "end logging",
      "start security",
      "end security",
      "start audit",
      "end audit",
    ]);
  });

  it("starts a later stack that is ready while an earlier one waits", async () => {
    const run = fakeRun(
      ["organization", "security", "identity"],
      { security: ["organization"] },
      2,
      {
        delays: { organization: 20 },
      },
    );

    await run.results;

    expect(run.log).toEqual([
      "start organization",
      "start identity",
      "end identity",
      "end organization",
      "start security",
      "end security",
    ]);
  });

  it("ignores dependencies on stacks that aren't in the order", async () => {
    const run = fakeRun(
      ["organization", "security"],
      { organization: ["bootstrap"], security: ["organization", "logging"] },
      2,
    );

    const results = await run.results;

    expect([...results]).toEqual([
      ["organization", "organization applied"],
      ["security", "security applied"],
    ]);
    expect(run.log).toEqual([
      "start organization",
      "end organization",
      "start security",
      "end security",
    ]);
  });

  it("rejects stacks that wait on each other, naming them", async () => {
    const run = fakeRun(
      ["bootstrap", "logging", "security"],
      {
        logging: ["security"],
        security: ["logging"],
      },
      2,
    );

    await expect(run.results).rejects.toThrow(
      "Stacks wait on each other in a cycle: logging, security",
    );
    expect(run.log).toEqual(["start bootstrap", "end bootstrap"]);
  });
});

describe("concurrency", () => {
  const accounts = Array.from({ length: 9 }, (_, index) => `account-${index}`);

  it("never runs more than the limit at once, and reaches it", async () => {
    const run = fakeRun(
      ["organization", ...accounts],
      Object.fromEntries(accounts.map((account) => [account, ["organization"]])),
      3,
      {
        delays: Object.fromEntries(
          accounts.map((account, index) => [account, 1 + (index % 4) * 3]),
        ),
      },
    );

    const results = await run.results;

    expect(run.mostAtOnce()).toBe(3);
    expect(results.size).toBe(10);
    expect(run.log.filter((line) => line.startsWith("end"))).toHaveLength(10);
  });

  it("runs independent stacks all at once when the limit allows", async () => {
    const run = fakeRun(accounts, {}, accounts.length);

    await run.results;

    expect(run.mostAtOnce()).toBe(accounts.length);
  });
});

describe("a failed stack", () => {
  let results: Map<string, string>;
  let log: string[];
  beforeAll(async () => {
    const run = fakeRun(LANDING_ZONE, LANDING_ZONE_DEPENDENCIES, 2, {
      failing: ["logging"],
      delays: { identity: 20 },
    });
    results = await run.results;
    log = run.log;
  });

  it("skips its dependents and theirs, each naming the dependency that didn't apply", () => {
    expect([...results]).toEqual([
      ["bootstrap", "bootstrap applied"],
      ["organization", "organization applied"],
      ["logging", "logging failed"],
      ["identity", "identity applied"],
      ["security", "security skipped: logging did not apply"],
      ["audit", "audit skipped: security did not apply"],
    ]);
  });

  it("never starts a skipped stack", () => {
    expect(log).not.toContain("start security");
    expect(log).not.toContain("start audit");
  });

  it("lets independent stacks run to the end", () => {
    expect(log).toContain("end identity");
    expect(log.indexOf("end identity")).toBeGreaterThan(log.indexOf("end logging"));
  });
});

test("a skip reaches a stack listed before its skipped dependency", async () => {
  const { results } = fakeRun(["a", "c", "b"], { b: ["a"], c: ["b"] }, 2, { failing: ["a"] });
  expect([...(await results)]).toEqual([
    ["a", "a failed"],
    ["c", "c skipped: b did not apply"],
    ["b", "b skipped: a did not apply"],
  ]);
});

test("a task that throws is rethrown only after the running tasks finish", async () => {
  const log: string[] = [];
  const run = runInDependencyOrder(
    ["slow", "broken", "later"],
    {},
    2,
    async (stack) => {
      log.push(`start ${stack}`);
      if (stack === "broken") throw new Error("wiring failed");
      await new Promise((resolve) => setTimeout(resolve, 20));
      log.push(`end ${stack}`);
      return { ok: true, result: stack };
    },
    (stack) => stack,
  );
  await expect(run).rejects.toThrow("wiring failed");
  expect(log).toEqual(["start slow", "start broken", "end slow"]);
});
