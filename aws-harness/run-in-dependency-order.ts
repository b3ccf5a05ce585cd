/**
 * Runs one task per stack, `concurrency` at a time, starting a stack only when every stack it
 * depends on has succeeded, and taking ready stacks in `order`. A stack whose dependency failed
 * or was skipped is not run; it is reported as skipped with that dependency's name. A task that
 * throws stops new launches; the error is rethrown once the running tasks have finished, so
 * nothing they use is torn down under them.
 */
export async function runInDependencyOrder<T>(
  order: readonly string[],
  dependencies: Readonly<Record<string, readonly string[]>>,
  concurrency: number,
  task: (stack: string) => Promise<{ ok: boolean; result: T }>,
  skipped: (stack: string, failedDependency: string) => T,
): Promise<Map<string, T>> {
  const results = new Map<string, T>();
  const succeeded = new Set<string>();
  const finished = new Set<string>();
  const waiting = [...order];
  const running = new Set<Promise<void>>();
  let thrown: { error: unknown } | undefined;
  const dependenciesOf = (stack: string) =>
    (dependencies[stack] ?? []).filter((dependency) => order.includes(dependency));
  const failedDependencyOf = (stack: string) =>
    dependenciesOf(stack).find(
      (dependency) => finished.has(dependency) && !succeeded.has(dependency),
    );

  const launch = (stack: string) => {
    const run = task(stack)
      .then(({ ok, result }) => {
        results.set(stack, result);
        if (ok) succeeded.add(stack);
      })
      .catch((error: unknown) => {
        thrown ??= { error };
      })
      .finally(() => {
        finished.add(stack);
        running.delete(run);
      });
    running.add(run);
  };

  while (!thrown && (waiting.length > 0 || running.size > 0)) {
    // Skips first, until none is left to find: a skip can make a stack earlier in `order` skip.
    for (let found = true; found;) {
      found = false;
      for (const stack of [...waiting]) {
        const failed = failedDependencyOf(stack);
        if (!failed) continue;
        results.set(stack, skipped(stack, failed));
        finished.add(stack);
        waiting.splice(waiting.indexOf(stack), 1);
        found = true;
      }
    }
    for (const stack of [...waiting]) {
      if (running.size >= concurrency) break;
      if (dependenciesOf(stack).every((dependency) => succeeded.has(dependency))) {
        waiting.splice(waiting.indexOf(stack), 1);
        launch(stack);
      }
    }
    if (running.size === 0) {
      if (waiting.length > 0)
        throw new Error(`Stacks wait on each other in a cycle: ${waiting.join(", ")}`);
      break;
    }
    await Promise.race(running);
  }
  await Promise.all(running);
  if (thrown) throw thrown.error;
  return new Map(order.map((stack) => [stack, results.get(stack)!]));
}
