import type { CriterionId } from "../criteria/trust-services-criteria";

/** A control implemented by files of this repository rather than by AWS resources. */
export interface RepositoryControl {
  readonly id: string;
  readonly description: string;
  readonly criteria: readonly CriterionId[];
  readonly files: readonly string[];
}

/** The change-management process: how every change is tested, recorded, approved and applied. */
export const REPOSITORY_CONTROLS: readonly RepositoryControl[] = [
  {
    id: "change-review",
    description:
      "Every pull request is tested, planned for each stack it changes with a read-only role, and carries a change record that flags security-relevant changes and the criteria they touch",
    criteria: ["CC8.1", "CC7.1", "CC3.4"],
    files: [".github/workflows/plan.yml", "cli/plan-evidence.ts", "cli/affected.ts"],
  },
  {
    id: "approved-apply",
    description:
      "Only merged changes are applied, stack by stack in dependency order, behind GitHub environment approvals; plans, change records and apply logs are kept 400 days",
    criteria: ["CC8.1", "CC6.1"],
    files: [".github/workflows/apply.yml"],
  },
  {
    id: "drift-detection",
    description:
      "Every stack is planned daily; drift from the code opens an issue with its change record",
    criteria: ["CC7.1", "CC8.1", "CC4.1"],
    files: [".github/workflows/drift.yml"],
  },
  {
    id: "evidence-collection",
    description:
      "On the first of every month, and on demand, a workflow collects evidence of the controls' operation from every account and keeps it in the immutable evidence bucket and as a workflow artifact for 400 days",
    criteria: ["CC4.1", "CC7.2"],
    files: [".github/workflows/evidence.yml"],
  },
];
