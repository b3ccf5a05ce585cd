import type { ComplianceConfig, OrganizationalArea } from "../../config/schema/compliance-schema";
import type { Control, ControlPlacement } from "../controls/control";
import { REPOSITORY_CONTROLS } from "../controls/repository-controls";
import { criteriaInScope } from "../criteria/trust-services-criteria";
import type { SynthesizedStack } from "../rules/evaluate-rules";
import { constructPathOf, locateResources } from "./stack-locations";
import type { ResourceLocation } from "./stack-locations";

/** The "stack" of controls implemented by repository files (workflows, tools). */
const REPOSITORY_STACK = "repository";

export interface ControlEvidence {
  readonly id: string;
  readonly description: string;
  readonly resources: readonly ResourceLocation[];
}

export interface CriterionEvidence {
  readonly id: string;
  readonly category: string;
  readonly title: string;
  /** technical: controls serve it; organizational: only owners do; gap: nothing does. */
  readonly status: "technical" | "organizational" | "gap";
  readonly controls: readonly ControlEvidence[];
  readonly owners: readonly { readonly area: OrganizationalArea; readonly owner: string }[];
}

/** Each in-scope criterion with the controls, and their resources, that serve it. */
export function buildControlMatrix(
  compliance: ComplianceConfig,
  placements: readonly ControlPlacement[],
  stacks: readonly SynthesizedStack[],
  accountOf: (stack: string) => string,
): CriterionEvidence[] {
  // Indexed by construct path, so each resource looks up only its own ancestors: linear in
  // resources, where scanning every placement per resource grew with accounts squared.
  const controlsAt = new Map<string, Control[]>();
  for (const { control, constructPath } of placements) {
    controlsAt.set(constructPath, [...(controlsAt.get(constructPath) ?? []), control]);
  }
  const resourcesByControl = new Map<string, ResourceLocation[]>();
  for (const stack of stacks) {
    for (const [address, location] of locateResources(stack, accountOf(stack.name))) {
      const segments = (constructPathOf(stack, address) ?? "").split("/");
      for (let depth = segments.length - 1; depth > 0; depth--) {
        for (const control of controlsAt.get(segments.slice(0, depth).join("/")) ?? []) {
          const resources = resourcesByControl.get(control.id);
          if (resources) resources.push(location);
          else resourcesByControl.set(control.id, [location]);
        }
      }
    }
  }
  // Process controls live in repository files; they are listed with the file as the "resource".
  for (const control of REPOSITORY_CONTROLS) {
    resourcesByControl.set(
      control.id,
      control.files.map((file) => ({
        stack: REPOSITORY_STACK,
        account: "—",
        region: "—",
        address: file,
      })),
    );
  }
  const controls = [
    ...new Map(placements.map(({ control }) => [control.id, control])).values(),
    ...REPOSITORY_CONTROLS,
  ];
  const controlsFor = (criterion: string) =>
    controls
      .filter(
        (control) =>
          control.criteria.includes(criterion as never) && resourcesByControl.has(control.id),
      )
      .map((control) => ({
        id: control.id,
        description: control.description,
        resources: resourcesByControl.get(control.id)!,
      }));

  return criteriaInScope(compliance.categories).map((criterion) => {
    const controls = controlsFor(criterion.id);
    const owners = (criterion.organizational ?? []).map((area) => ({
      area,
      owner: compliance.owners[area],
    }));
    const status = controls.length > 0 ? "technical" : owners.length > 0 ? "organizational" : "gap";
    return {
      id: criterion.id,
      category: criterion.category,
      title: criterion.title,
      status,
      controls,
      owners,
    };
  });
}

export function renderControlMatrix(matrix: readonly CriterionEvidence[]): string {
  const lines = [
    "# SOC 2 control matrix",
    "",
    "Each Trust Services Criterion in scope, the technical controls that serve it with the resources that implement them, and the owners of its organizational part.",
    "",
    "| criterion | title | status | controls | owners |",
    "| --- | --- | --- | --- | --- |",
    ...matrix.map(
      (criterion) =>
        `| ${criterion.id} | ${criterion.title} | ${criterion.status} | ${criterion.controls.map((control) => `${control.id} (${control.resources.length})`).join(", ") || "—"} | ${criterion.owners.map((owner) => `${owner.area}: ${owner.owner}`).join("; ") || "—"} |`,
    ),
    "",
    "## Controls and their resources",
  ];
  const seen = new Set<string>();
  for (const control of matrix.flatMap((criterion) => criterion.controls)) {
    if (seen.has(control.id)) continue;
    seen.add(control.id);
    const criteria = matrix
      .filter((criterion) => criterion.controls.some((served) => served.id === control.id))
      .map((criterion) => criterion.id);
    lines.push(
      "",
      `### ${control.id}`,
      "",
      `${control.description}.`,
      "",
      `Serves: ${criteria.join(", ")}.`,
      "",
      "| stack | account | region | resource |",
      "| --- | --- | --- | --- |",
    );
    lines.push(
      ...control.resources.map(
        (resource) =>
          `| ${resource.stack} | ${resource.account} | ${resource.region} | \`${resource.address}\` |`,
      ),
    );
  }
  const gaps = matrix.filter((criterion) => criterion.status === "gap");
  lines.push(
    "",
    "## Gaps",
    "",
    gaps.length === 0
      ? "None."
      : gaps.map((criterion) => `- ${criterion.id}: ${criterion.title}`).join("\n"),
    "",
  );
  return lines.join("\n");
}

/**
 * The control matrix as JSON: each control once, with its resources, and each criterion naming
 * its controls. Embedding the resources under every criterion repeated them four times over,
 * which at 1,000 accounts made the file larger than all the stacks together.
 */
export interface ControlMatrixJson {
  readonly criteria: readonly (Omit<CriterionEvidence, "controls"> & {
    readonly controls: readonly string[];
  })[];
  readonly controls: readonly (ControlEvidence & { readonly criteria: readonly string[] })[];
}

export function toControlMatrixJson(matrix: readonly CriterionEvidence[]): ControlMatrixJson {
  const controls = new Map<string, ControlEvidence & { criteria: string[] }>();
  for (const criterion of matrix) {
    for (const control of criterion.controls) {
      const entry = controls.get(control.id) ?? { ...control, criteria: [] };
      entry.criteria.push(criterion.id);
      controls.set(control.id, entry);
    }
  }
  return {
    criteria: matrix.map((criterion) => ({
      ...criterion,
      controls: criterion.controls.map((control) => control.id),
    })),
    controls: [...controls.values()],
  };
}

/** The matrix back from its JSON, criteria with their controls, for tools that read the evidence. */
export function fromControlMatrixJson(json: ControlMatrixJson): CriterionEvidence[] {
  const controls = new Map(json.controls.map((control) => [control.id, control]));
  return json.criteria.map((criterion) => ({
    ...criterion,
    controls: criterion.controls.map((id) => {
      const { criteria, ...control } = controls.get(id)!;
      return control;
    }),
  }));
}
