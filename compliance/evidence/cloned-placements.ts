import type { BaselineClonePlan, CloneFields } from "../../config/model/baseline-clones";
import { fieldSubstitution } from "../../config/model/clone-field-substitution";
import { accountBaselineStackName } from "../../config/model/stack-names";
import type { ControlPlacement } from "../controls/control";
import type { ProviderPlacement } from "../../modules/terraform/provider-account";

/** Each clone with the template it was written from. */
function clonesWithTemplates(
  plan: BaselineClonePlan,
): [template: CloneFields, clone: CloneFields][] {
  return plan.groups.flatMap((group) =>
    group.clones.map((clone): [CloneFields, CloneFields] => [group.template, clone]),
  );
}

/**
 * The controls of the construct tree, and those the cloned baselines would have had: their
 * template's, at the clone's construct paths. Clones come after everything built.
 */
export function controlPlacementsWithClones(
  built: readonly ControlPlacement[],
  plan: BaselineClonePlan,
): ControlPlacement[] {
  return [
    ...built,
    ...clonesWithTemplates(plan).flatMap(([template, clone]) => {
      const inTemplate = `${accountBaselineStackName(template.name)}/`;
      const substitute = fieldSubstitution(template, clone);
      return built
        .filter((placement) => placement.constructPath.startsWith(inTemplate))
        .map((placement) => ({ ...placement, constructPath: substitute(placement.constructPath) }));
    }),
  ];
}

/** The providers of the construct tree, and those of each cloned baseline, from its template's. */
export function providerPlacementsWithClones(
  built: readonly ProviderPlacement[],
  plan: BaselineClonePlan,
): ProviderPlacement[] {
  return [
    ...built,
    ...clonesWithTemplates(plan).flatMap(([template, clone]) => {
      const templateStack = accountBaselineStackName(template.name);
      const substitute = fieldSubstitution(template, clone);
      return built
        .filter((placement) => placement.stack === templateStack)
        .map((placement): ProviderPlacement => ({
          stack: accountBaselineStackName(clone.name),
          reference: substitute(placement.reference),
          account:
            placement.account.kind === "member" && placement.account.name === template.name
              ? { kind: "member", name: clone.name }
              : placement.account,
        }));
    }),
  ];
}
