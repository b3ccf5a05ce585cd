import { spawnSync } from "node:child_process";
import { join } from "node:path";

interface LintMessage {
  ruleId: string | null;
  line: number;
  message: string;
}

// Run by a separate node: ESLint loads its config with import(), which Jest doesn't support.
// The type-aware rules are switched off, as they would build the whole program for a few lines
// (and a file that isn't on disk is in no program); the rules tested here read only syntax.
const LINT_SCRIPT = `
const { ESLint } = require("eslint");
const tseslint = require("typescript-eslint");
const files = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
(async () => {
  const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });
  const messages = {};
  for (const [filePath, source] of Object.entries(files))
    messages[filePath] = (await eslint.lintText(source, { filePath }))[0].messages;
  process.stdout.write(JSON.stringify(messages));
})();
`;

/** Lints each source as if it were the file named, through the project's ESLint config. */
function lint(files: Record<string, string>): Record<string, LintMessage[]> {
  const result = spawnSync(process.execPath, ["-e", LINT_SCRIPT], {
    cwd: join(__dirname, ".."),
    input: JSON.stringify(files),
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`ESLint failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as Record<string, LintMessage[]>;
}

function restrictedImports(messages: LintMessage[]): LintMessage[] {
  return messages.filter((message) => message.ruleId === "no-restricted-imports");
}

test("only deep imports of @cdktf/provider-aws pass the lint", () => {
  // Built from parts so that searches for root imports in this repository don't match the test.
  const packageRoot = ["@cdktf", "provider-aws"].join("/");
  const source = [
    `import { s3Bucket } from "${packageRoot}";`,
    `import * as aws from "${packageRoot}/lib";`,
    `import { S3Bucket } from "${packageRoot}/lib/s3-bucket";`,
    "export const used = [s3Bucket, aws, S3Bucket];",
    "",
  ].join("\n");
  const messages = lint({ "modules/example.ts": source });
  expect(restrictedImports(messages["modules/example.ts"])).toEqual([
    expect.objectContaining({
      line: 1,
      message: expect.stringContaining("Import by deep path: @cdktf/provider-aws/lib/<resource>"),
    }),
    expect.objectContaining({
      line: 2,
      message: expect.stringContaining("Import the one resource you use"),
    }),
  ]);
});

test("the AGPL IAM policy tools may be imported by tests only", () => {
  const source = [
    'import { validatePolicy } from "@cloud-copilot/iam-policy";',
    'import { runSimulation } from "@cloud-copilot/iam-simulate/dist/simulate";',
    "export const used = [validatePolicy, runSimulation];",
    "",
  ].join("\n");
  const messages = lint({
    "modules/example.ts": source,
    "__tests__/example.test.ts": source,
  });
  expect(restrictedImports(messages["modules/example.ts"])).toEqual([
    expect.objectContaining({ line: 1, message: expect.stringContaining("AGPL") }),
    expect.objectContaining({ line: 2, message: expect.stringContaining("AGPL") }),
  ]);
  expect(restrictedImports(messages["__tests__/example.test.ts"])).toEqual([]);
});
