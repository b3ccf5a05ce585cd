import type { ComplianceConfig, OrganizationalArea } from "../../config/schema/compliance-schema";
import type { Control, ControlPlacement } from "../controls/control";
import { REPOSITORY_CONTROLS } from "../controls/repository-controls";
import { criteriaInScope } from "../criteria/trust-services-criteria";
import type { InheritedCriterion } from "../criteria/trust-services-criteria";
import type { SynthesizedStack } from "../rules/evaluate-rules";
import { markdownTable } from "./markdown-table";
import { NO_DERIVATIONS, perStack } from "../clone-derivations";
import type { CloneDerivations } from "../clone-derivations";
import type { RuleResultEvidence } from "./rule-results";
import { constructPathOf, locateResources } from "./stack-locations";
import type { AccountOfProvider, ResourceLocation } from "./stack-locations";

/** The "stack" of controls implemented by repository files (workflows, tools). */
const REPOSITORY_STACK = "repository";

export interface ControlEvidence {
  readonly id: string;
  readonly description: string;
  readonly resources: readonly ResourceLocation[];
}

/** A guardrail rule that checked resources serving the criterion at synth, and found them right. */
export interface RuleCoverage {
  readonly id: string;
  readonly title: string;
  /** Resources the rule passed. */
  readonly passed: number;
}

export interface CriterionEvidence {
  readonly id: string;
  readonly category: string;
  readonly title: string;
  /**
   * technical: controls or guardrail rules serve it; inherited: the cloud provider meets it and
   * its own report shows it; organizational: only owners do; gap: nothing does.
   */
  readonly status: "technical" | "inherited" | "organizational" | "gap";
  readonly controls: readonly ControlEvidence[];
  readonly rules: readonly RuleCoverage[];
  readonly owners: readonly { readonly area: OrganizationalArea; readonly owner: string }[];
  readonly inherited: InheritedCriterion | null;
}

const locationKey = (location: { account: string; region: string }) =>
  `${location.account}\0${location.region}`;

/** A stack's groups by account, then region: the order of the matrix and of its JSON. */
const inLocationOrder = <T>(groups: ReadonlyMap<string, T>): T[] =>
  [...groups.keys()].sort().map((key) => groups.get(key)!);

/**
 * Every resource of the stacks beneath a control's module, per control. Each control lists its
 * resources stack by stack, and within a stack by account and region, as the JSON groups them.
 * A cloned baseline's resources are its template's, in the clone's account.
 */
function resourcesByControl(
  placements: readonly ControlPlacement[],
  stacks: readonly SynthesizedStack[],
  accountOf: AccountOfProvider,
  derivations: CloneDerivations,
): Map<string, ResourceLocation[]> {
  // Indexed by construct path, so each resource looks up only its own ancestors: linear in
  // resources, where scanning every placement per resource grew with accounts squared.
  const controlsAt = new Map<string, Control[]>();
  for (const { control, constructPath } of placements) {
    controlsAt.set(constructPath, [...(controlsAt.get(constructPath) ?? []), control]);
  }
  const controlledResources = (stack: SynthesizedStack) => {
    const pairs: [Control, ResourceLocation][] = [];
    for (const [address, location] of locateResources(stack, accountOf)) {
      const segments = (constructPathOf(stack, address) ?? "").split("/");
      for (let depth = segments.length - 1; depth > 0; depth--) {
        for (const control of controlsAt.get(segments.slice(0, depth).join("/")) ?? [])
          pairs.push([control, location]);
      }
    }
    return pairs;
  };
  const perStackPairs = perStack(
    stacks,
    derivations,
    "controlled resources",
    controlledResources,
    (fromTemplate, { substitute }, stack) =>
      fromTemplate.map(([control, location]): [Control, ResourceLocation] => [
        control,
        {
          stack,
          account: substitute(location.account),
          region: location.region,
          address: substitute(location.address),
        },
      ]),
  );
  const byControl = new Map<string, ResourceLocation[]>();
  for (const pairs of perStackPairs) {
    const groups = new Map<string, [Control, ResourceLocation][]>();
    for (const pair of pairs) {
      const key = locationKey(pair[1]);
      const group = groups.get(key) ?? [];
      groups.set(key, group);
      group.push(pair);
    }
    for (const [control, location] of inLocationOrder(groups).flat()) {
      const resources = byControl.get(control.id);
      if (resources) resources.push(location);
      else byControl.set(control.id, [location]);
    }
  }
  // Process controls live in repository files; they are listed with the file as the "resource".
  for (const control of REPOSITORY_CONTROLS) {
    byControl.set(
      control.id,
      control.files.map((file) => ({
        stack: REPOSITORY_STACK,
        account: "—",
        region: "—",
        address: file,
      })),
    );
  }
  return byControl;
}

/**
 * Each in-scope criterion with what serves it: the controls and their resources, the guardrail
 * rules that passed resources at synth, the provider it is inherited from, and its owners.
 */
export function buildControlMatrix(
  compliance: ComplianceConfig,
  placements: readonly ControlPlacement[],
  stacks: readonly SynthesizedStack[],
  accountOf: AccountOfProvider,
  ruleResults: readonly RuleResultEvidence[],
  derivations: CloneDerivations = NO_DERIVATIONS,
): CriterionEvidence[] {
  const resources = resourcesByControl(placements, stacks, accountOf, derivations);
  const controls = [
    ...new Map(placements.map(({ control }) => [control.id, control])).values(),
    ...REPOSITORY_CONTROLS,
  ];
  const controlsFor = (criterion: string) =>
    controls
      .filter(
        (control) => control.criteria.includes(criterion as never) && resources.has(control.id),
      )
      .map((control) => ({
        id: control.id,
        description: control.description,
        resources: resources.get(control.id)!,
      }));
  // A rule that passed nothing (every resource not applicable, or excepted) shows no coverage.
  const rulesFor = (criterion: string) =>
    ruleResults
      .filter((result) => result.criteria.includes(criterion) && result.passed > 0)
      .map((result) => ({ id: result.id, title: result.title, passed: result.passed }));

  return criteriaInScope(compliance.categories).map((criterion): CriterionEvidence => {
    const controls = controlsFor(criterion.id);
    const rules = rulesFor(criterion.id);
    const owners = (criterion.organizational ?? []).map((area) => ({
      area,
      owner: compliance.owners[area],
    }));
    const inherited = criterion.inherited ?? null;
    const status =
      controls.length > 0 || rules.length > 0
        ? "technical"
        : inherited
          ? "inherited"
          : owners.length > 0
            ? "organizational"
            : "gap";
    return {
      id: criterion.id,
      category: criterion.category,
      title: criterion.title,
      status,
      controls,
      rules,
      owners,
      inherited,
    };
  });
}

const list = (items: readonly string[], separator = ", ") => items.join(separator) || "—";

export function renderControlMatrix(matrix: readonly CriterionEvidence[]): string {
  const lines = [
    "# SOC 2 control matrix",
    "",
    "Each Trust Services Criterion in scope; the technical controls that serve it, with the resources that implement them; the guardrail rules that checked its resources at synth (passed counts, see rule-results.md); what is inherited from AWS; and the owners of its organizational part.",
    "",
    ...markdownTable(
      ["criterion", "title", "status", "controls", "rules (passed)", "owners"],
      matrix.map((criterion) => [
        criterion.id,
        criterion.title,
        criterion.status,
        list(criterion.controls.map((control) => `${control.id} (${control.resources.length})`)),
        list(criterion.rules.map((rule) => `${rule.id} (${rule.passed})`)),
        list(
          [
            ...(criterion.inherited ? [`inherited from ${criterion.inherited.from}`] : []),
            ...criterion.owners.map((owner) => `${owner.area}: ${owner.owner}`),
          ],
          "; ",
        ),
      ]),
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
      ...markdownTable(
        ["stack", "account", "region", "resource"],
        control.resources.map((resource) => [
          resource.stack,
          resource.account,
          resource.region,
          `\`${resource.address}\``,
        ]),
      ),
    );
  }
  const inherited = matrix.filter((criterion) => criterion.status === "inherited");
  const gaps = matrix.filter((criterion) => criterion.status === "gap");
  lines.push(
    "",
    "## Inherited",
    "",
    inherited.length === 0
      ? "None."
      : inherited
          .map(
            ({ id, title, inherited }) =>
              `- ${id}: ${title}. Met by ${inherited!.from} for ${inherited!.covers}. Evidence: ${inherited!.evidence}.`,
          )
          .join("\n"),
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

/** Resources of one stack in one account and region: each control with its addresses there. */
export interface ResourceGroupJson {
  readonly stack: string;
  readonly account: string;
  readonly region: string;
  readonly controls: Readonly<Record<string, readonly string[]>>;
}

/**
 * The control matrix as JSON: each criterion naming its controls, each control once with its
 * criteria, and the resources grouped by stack, account and region, so that each address is
 * written once per control and the rest of its location once per group. One object per resource
 * and control made the file 15 MB at 300 accounts; grouped it is about a third of that.
 */
export interface ControlMatrixJson {
  readonly criteria: readonly (Omit<CriterionEvidence, "controls"> & {
    readonly controls: readonly string[];
  })[];
  readonly controls: readonly {
    readonly id: string;
    readonly description: string;
    readonly criteria: readonly string[];
  }[];
  readonly resources: readonly ResourceGroupJson[];
}

export function toControlMatrixJson(
  matrix: readonly CriterionEvidence[],
  /** The stacks in synth order, which the groups follow; others (the repository) come last. */
  stackOrder: readonly string[] = [],
): ControlMatrixJson {
  const controls = new Map<string, ControlEvidence & { criteria: string[] }>();
  for (const criterion of matrix) {
    for (const control of criterion.controls) {
      const entry = controls.get(control.id) ?? { ...control, criteria: [] };
      entry.criteria.push(criterion.id);
      controls.set(control.id, entry);
    }
  }
  // Stack by stack, then by account and region, then control.
  const rank = new Map(stackOrder.map((stack, index) => [stack, index]));
  type Group = ResourceGroupJson & { controls: Record<string, string[]> };
  const groups = new Map<string, Map<string, Group>>();
  for (const control of controls.values()) {
    for (const { stack, account, region, address } of control.resources) {
      const byLocation = groups.get(stack) ?? new Map<string, Group>();
      groups.set(stack, byLocation);
      const key = locationKey({ account, region });
      const group = byLocation.get(key) ?? { stack, account, region, controls: {} };
      byLocation.set(key, group);
      (group.controls[control.id] ??= []).push(address);
    }
  }
  return {
    criteria: matrix.map((criterion) => ({
      ...criterion,
      controls: criterion.controls.map((control) => control.id),
    })),
    controls: [...controls.values()].map(({ id, description, criteria }) => ({
      id,
      description,
      criteria,
    })),
    resources: [...groups.entries()]
      .map(([stack, byLocation]) => ({ rank: rank.get(stack) ?? rank.size, byLocation }))
      .sort((a, b) => a.rank - b.rank)
      .flatMap(({ byLocation }) => inLocationOrder(byLocation)),
  };
}

/** The matrix back from its JSON, criteria with their controls, for tools that read the evidence. */
export function fromControlMatrixJson(json: ControlMatrixJson): CriterionEvidence[] {
  const resources = new Map<string, ResourceLocation[]>();
  for (const { stack, account, region, controls } of json.resources) {
    for (const [control, addresses] of Object.entries(controls)) {
      const list = resources.get(control) ?? [];
      resources.set(control, list);
      for (const address of addresses) list.push({ stack, account, region, address });
    }
  }
  const controls = new Map(json.controls.map((control) => [control.id, control]));
  return json.criteria.map((criterion) => ({
    ...criterion,
    controls: criterion.controls.map((id) => ({
      id,
      description: controls.get(id)!.description,
      resources: resources.get(id) ?? [],
    })),
  }));
}
