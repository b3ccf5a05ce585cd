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
  return [
    ...built,
    ...[...derivations.clones.values()].flatMap(({ template, substitute }) =>
      built
        .filter((placement) => placement.constructPath.startsWith(`${template}/`))
        .map((placement) => ({ ...placement, constructPath: substitute(placement.constructPath) })),
    ),
  ];
}

/** The providers of the construct tree, and those of each cloned baseline, from its template's. */
export function providerPlacementsWithClones(
  built: readonly ProviderPlacement[],
  derivations: CloneDerivations,
): ProviderPlacement[] {
  return [
    ...built,
    ...[...derivations.clones].flatMap(([stack, { template, substitute }]) =>
      built
        .filter((placement) => placement.stack === template)
        .map((placement): ProviderPlacement => ({
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
