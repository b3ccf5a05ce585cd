/** One thing wrong with the config, located precisely enough to fix without guessing. */
export interface ConfigProblem {
  /** The file as the user would type it, such as environments/prod.yaml. */
  readonly file: string;
  /** Path inside the file; empty for the file as a whole. */
  readonly path: readonly PropertyKey[];
  /** What is wrong, as a predicate of the value: "is not an email address". */
  readonly message: string;
  /** The value found. Absent when there is none, as for a missing key. */
  readonly received?: unknown;
  /** What to do about it. */
  readonly fix: string;
  /** 1-based line in the file, filled in by the loader when it can be found. */
  readonly line?: number;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === "number") return `[${segment}]`;
      const key = String(segment);
      const plain = /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
      return index === 0 ? plain : `.${plain}`;
    })
    .join("");
}

function formatValue(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `environments/prod.yaml:14 accounts[2].email: "ops@" is not an email address. Use ...` */
export function formatProblem(problem: ConfigProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const path = problem.path.length > 0 ? ` ${formatPath(problem.path)}:` : "";
  const value = "received" in problem ? ` ${formatValue(problem.received)}` : "";
  return `${where}${path}${value} ${problem.message}. ${problem.fix}`;
}

export function compareProblems(a: ConfigProblem, b: ConfigProblem): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(
      `The landing zone config has ${count}; nothing was synthesized.\n` +
        problems.map((problem) => `  - ${formatProblem(problem)}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}
