import { CHANGE_KINDS } from "./classify-change";
import type { ChangeRecord, ResourceChangeRecord } from "./change-record";
import { markdownTable } from "../evidence/markdown-table";

function describe(change: ResourceChangeRecord): string {
  const details = [
    change.previousAddress ? `moved from \`${change.previousAddress}\`` : "",
    change.importId ? `imported from \`${change.importId}\`` : "",
    change.replacePaths
      ? `forced by ${change.replacePaths.map((path) => `\`${path}\``).join(", ")}`
      : "",
    change.actionReason ? change.actionReason.replaceAll("_", " ") : "",
    change.changedAttributes.length > 0
      ? `changes ${change.changedAttributes.map((name) => `\`${name}\``).join(", ")}`
      : "",
  ].filter(Boolean);
  return details.join("; ") || "—";
}

/** The change record as Markdown, for a pull request comment and the archive. */
export function renderChangeRecord(record: ChangeRecord): string {
  const { metadata } = record;
  const lines = ["# Change record", ""];
  const facts = [
    ["Repository", metadata.repository],
    ["Commit", metadata.commit],
    ["Pull request", metadata.pullRequest],
    ["Author", metadata.author],
    ["Run", metadata.runUrl],
    ["Generated", metadata.generatedAt],
  ].filter(([, value]) => value);
  lines.push(...facts.map(([name, value]) => `- ${name}: ${value}`), "");
  const expiring = record.expiringSuppressions ?? [];
  if (expiring.length > 0)
    lines.push(
      `**${expiring.length} guardrail exception${expiring.length === 1 ? "" : "s"} expire${expiring.length === 1 ? "s" : ""} within 30 days:**`,
      "",
      ...expiring.map(
        (suppression) =>
          `- ${suppression.rule} on \`${suppression.resource}\`: expires ${suppression.expires} (${suppression.daysLeft} day${suppression.daysLeft === 1 ? "" : "s"} left); renew it with a new justification, or fix the resource`,
      ),
      "",
    );
  const total = record.stacks.reduce((sum, stack) => sum + stack.changes.length, 0);
  if (total === 0) {
    lines.push(
      `No changes. ${record.stacks.length === 1 ? "The stack matches" : `All ${record.stacks.length} stacks match`} the configuration; nothing will be created, changed or destroyed.`,
      "",
    );
    return lines.join("\n");
  }
  lines.push(
    `${total} resource change${total === 1 ? "" : "s"} in ${record.stacks.length} stack${record.stacks.length === 1 ? "" : "s"}; **${record.securityRelevantChanges} security-relevant**.`,
    "",
    ...markdownTable(
      ["stack", ...CHANGE_KINDS],
      record.stacks.map((stack) => [
        stack.stack,
        ...CHANGE_KINDS.map((kind) => String(stack.summary[kind])),
      ]),
    ),
    "",
  );
  for (const stack of record.stacks) {
    if (stack.changes.length === 0) {
      lines.push(`## ${stack.stack}`, "", "No changes.", "");
      continue;
    }
    lines.push(
      `## ${stack.stack}`,
      "",
      ...markdownTable(
        ["action", "resource", "details", "criteria", "security"],
        stack.changes.map((change) => [
          change.kind,
          `\`${change.address}\``,
          describe(change),
          change.criteria.join(", ") || "—",
          change.flags.length > 0 ? `⚠ ${change.flags.map((flag) => flag.message).join("; ")}` : "",
        ]),
      ),
      "",
    );
    for (const change of stack.changes) {
      for (const flag of change.flags.filter((entry) => entry.diff)) {
        lines.push(
          `<details><summary><code>${change.address}</code>: ${flag.message}</summary>`,
          "",
          "```diff",
          flag.diff!.trimEnd(),
          "```",
          "",
          "</details>",
          "",
        );
      }
    }
  }
  return lines.join("\n");
}
