import { accountBaselineStackName } from "../../config/model/stack-names";
import type { CloneDerivations } from "../clone-derivations";
import type { ControlPlacement } from "../controls/control";
import type { ProviderPlacement } from "../../modules/terraform/provider-account";

/**
 * The controls of the construct tree, and those the cloned baselines would have had: their
 * template's, at the clone's construct paths. Clones come after everything built.
 */
export function controlPlacementsWithClones(
  built: readonly ControlPlacement[],
  derivations: CloneDerivations,
): ControlPlacement[] {
  const ofTemplate = perTemplate((template) =>
    built.filter((placement) => placement.constructPath.startsWith(`${template}/`)),
  );
  return [
    ...built,
    ...[...derivations.clones.values()].flatMap(({ template, substitute }) =>
      ofTemplate(template).map((placement) => ({
        ...placement,
        constructPath: substitute(placement.constructPath),
      })),
    ),
  ];
}

/** The providers of the construct tree, and those of each cloned baseline, from its template's. */
export function providerPlacementsWithClones(
  built: readonly ProviderPlacement[],
  derivations: CloneDerivations,
): ProviderPlacement[] {
  const ofTemplate = perTemplate((template) =>
    built.filter((placement) => placement.stack === template),
  );
  return [
    ...built,
    ...[...derivations.clones].flatMap(([stack, { template, substitute }]) =>
      ofTemplate(template).map((placement): ProviderPlacement => ({
        stack,
        reference: substitute(placement.reference),
        // The template's own account becomes the clone's; others (management) stay.
        account:
          placement.account.kind === "member" &&
          accountBaselineStackName(placement.account.name) === template
            ? { kind: "member", name: substitute(placement.account.name) }
            : placement.account,
      })),
    ),
  ];
}

/**
 * The placements of a template, found once per template: a thousand clones share a handful of
 * templates, and filtering every placement per clone grew with accounts squared.
 */
function perTemplate<T>(find: (template: string) => T[]): (template: string) => T[] {
  const found = new Map<string, T[]>();
  return (template) => {
    let placements = found.get(template);
    if (!placements) found.set(template, (placements = find(template)));
    return placements;
  };
}
