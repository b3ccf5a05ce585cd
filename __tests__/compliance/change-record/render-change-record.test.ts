import { CHANGE_KINDS } from "../../../compliance/change-record/classify-change";
import { renderChangeRecord } from "../../../compliance/change-record/render-change-record";

test("a `|` in an address, a reason or a flag stays inside its cell of the change table", () => {
  const markdown = renderChangeRecord({
    metadata: { generatedAt: "2025-11-29T00:00:00.000Z" },
    securityRelevantChanges: 1,
    stacks: [
      {
        stack: "logging",
        formatVersion: "1.2",
        summary: Object.fromEntries(
          CHANGE_KINDS.map((kind) => [kind, kind === "replace" ? 1 : 0]),
        ) as Record<(typeof CHANGE_KINDS)[number], number>,
        changes: [
          {
            address: 'aws_s3_bucket.logs["a|b"]',
            type: "aws_s3_bucket",
            kind: "replace",
            replacePaths: ["bucket"],
            actionReason: "replace_because_cannot_update",
            changedAttributes: ["bucket"],
            flags: [{ kind: "protected-deletion", message: "log bucket a|b is replaced" }],
            criteria: ["CC7.2"],
          },
        ],
      },
    ],
  });
  const row = markdown.split("\n").find((line) => line.startsWith("| replace |"))!;
  expect(row.split(/(?<!\\)\|/).slice(1, -1)).toHaveLength(5);
  expect(row).toContain('`aws_s3_bucket.logs["a\\|b"]`');
  expect(row).toContain("⚠ log bucket a\\|b is replaced");
});
