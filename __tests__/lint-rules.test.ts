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
  const messages = lint(
    [
      'import { s3Bucket } from "@cdktf/provider-aws";',
      'import * as aws from "@cdktf/provider-aws/lib";',
      'import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";',
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
