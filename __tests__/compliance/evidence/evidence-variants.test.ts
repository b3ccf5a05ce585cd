import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fromControlMatrixJson } from "../../../compliance/evidence/control-matrix";
import type { ControlMatrixJson } from "../../../compliance/evidence/control-matrix";
import { editedExample } from "../../helpers/example-config";
import { synthLandingZone } from "../../helpers/synth";
import type { SynthOutput } from "../../helpers/synth-output";

/**
 * The example with a delegated Identity Center administrator, and a `|` in texts that land in
 * evidence tables: a suppression's justification, a permission set's description and a privileged
 * set's justification.
 */
let out: SynthOutput;
const evidence = (name: string) => readFileSync(join(out.outdir, "evidence", name), "utf8");

beforeAll(() => {
  out = synthLandingZone(
    editedExample([
      [
        "identity.yaml",
        "groupSource: identity-store",
        "groupSource: external-idp\ndelegatedAdministrator: shared-services",
      ],
      [
        "identity.yaml",
        "description: Read-only access to resources and configuration",
        "description: Read-only access | resources and configuration",
      ],
      [
        "identity.yaml",
        "justification: The platform team operates every account;",
        "justification: The platform team | operates every account;",
      ],
      [
        "organization.yaml",
        "justification: Development accounts hold synthetic data only (no PHI);",
        "justification: Development accounts hold synthetic data only | no PHI;",
      ],
    ]),
  );
});

/** A row's cells: split at each `|` a backslash doesn't escape, less the empty ends. */
const cellsOf = (row: string) => row.split(/(?<!\\)\|/).slice(1, -1);

test("every table of every evidence file keeps its columns, whatever `|` its texts hold", () => {
  const files = readdirSync(join(out.outdir, "evidence")).filter((file) => file.endsWith(".md"));
  expect(files.length).toBeGreaterThan(5);
  let rows = 0;
  for (const file of files) {
    let columns: number | undefined;
    for (const line of evidence(file).split("\n")) {
      if (!line.startsWith("|")) {
        columns = undefined;
        continue;
      }
      columns ??= cellsOf(line).length;
      expect({ file, line, cells: cellsOf(line).length }).toEqual({ file, line, cells: columns });
      rows++;
    }
  }
  expect(rows).toBeGreaterThan(100);
});

test("a justification or description with `|` renders as one cell of a valid row", () => {
  const exception = evidence("rule-results.md")
    .split("\n")
    .find((line) => line.includes("synthetic data only"))!;
  expect(cellsOf(exception).map((cell) => cell.trim())).toEqual([
    "LZ-BKP-004",
    expect.stringMatching(/^account-dev-/),
    expect.stringMatching(/^`aws_backup_plan\./),
    expect.any(String),
    "Development accounts hold synthetic data only \\| no PHI; 7-day backups are by design.",
    "2027-06-30",
  ]);
  const access = evidence("access-matrix.md").split("\n");
  const readOnly = access.find((line) => line.startsWith("| ReadOnly |"))!;
  expect(cellsOf(readOnly)).toHaveLength(5);
  expect(readOnly).toContain("| Read-only access \\| resources and configuration |");
  const privileged = access.find((line) => line.includes("The platform team"))!;
  expect(cellsOf(privileged)).toHaveLength(5);
  expect(privileged).toContain("The platform team \\| operates every account;");
});

test("with a delegated administrator, Identity Center resources are in that account", () => {
  const matrix = fromControlMatrixJson(
    JSON.parse(evidence("control-matrix.json")) as ControlMatrixJson,
  );
  const assignments = matrix
    .find((criterion) => criterion.id === "CC6.2")!
    .controls.find((control) => control.id === "identity-center-assignments")!.resources;
  const delegated = "shared-services (created by the landing zone)";
  for (const resource of assignments) {
    const [type, ...name] = resource.address.split(".");
    const provider = (
      out.stack(resource.stack).resource[type][name.join(".")] as { provider?: string }
    ).provider;
    // The environment stacks reach Identity Center through a provider of their own.
    expect({ ...resource, provider }).toEqual({
      ...resource,
      provider: resource.stack === "identity" ? undefined : "aws.identity-center",
      account: delegated,
    });
  }
  expect(new Set(assignments.map((resource) => resource.stack))).toEqual(
    new Set(["identity", "dev", "staging", "prod"]),
  );
});
