import { spawnSync } from "node:child_process";
import { join } from "node:path";

interface LintMessage {
  ruleId: string | null;
  line: number;
  message: string;
}

/** Lints source as if it were a file in modules/, through the project's ESLint config. */
function lint(source: string): LintMessage[] {
  const result = spawnSync(
    "npx",
    ["eslint", "--stdin", "--stdin-filename", "modules/example.ts", "--format", "json"],
    {
      cwd: join(__dirname, ".."),
      input: source,
      encoding: "utf8",
    },
  );
  return JSON.parse(result.stdout)[0].messages;
}

test("only deep imports of @cdktf/provider-aws pass the lint", () => {
  // Built from parts so that searches for root imports in this repository don't match the test.
  const packageRoot = ["@cdktf", "provider-aws"].join("/");
  const messages = lint(
    [
      `import { s3Bucket } from "${packageRoot}";`,
      `import * as aws from "${packageRoot}/lib";`,
      `import { S3Bucket } from "${packageRoot}/lib/s3-bucket";`,
      "export const used = [s3Bucket, aws, S3Bucket];",
      "",
    ].join("\n"),
  ).filter((message) => message.ruleId === "no-restricted-imports");
  expect(messages).toEqual([
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
