import { baselinesByShape } from "../../config/model/baseline-clones";
import { fieldSubstitution } from "../../config/model/clone-field-substitution";
import type { LandingZoneConfig } from "../../config/model/landing-zone-config";
import { accountBaselineStackName } from "../../config/model/stack-names";
import { synthesizedStackTexts } from "../../compliance/evidence/synth-output";

/**
 * Baselines the emulator needn't apply, each with the baseline applied in its place: one of the
 * same shape whose Terraform JSON, with its account's name, id and VPC blocks replaced by this
 * one's, is this baseline's JSON byte for byte. Applying it too would send the emulator the
 * same calls under other names; leaving the example's three such baselines out took the harness
 * from 15 min 44 s to 12 min 45 s. Every baseline is still validated by the provider; a baseline
 * that isn't such a copy is applied.
 */
export function sameShapeBaselines(config: LandingZoneConfig, outdir: string): Map<string, string> {
  const texts = synthesizedStackTexts(outdir);
  const stackText = (name: string) => texts.get(accountBaselineStackName(name))!();
  const covered = new Map<string, string>();
  for (const group of baselinesByShape(config)) {
    // The longest name is applied: a name-derived value over an AWS length limit shows there.
    const [applied, ...others] = [...group].sort((a, b) => b.name.length - a.name.length);
    const text = stackText(applied.name);
    for (const other of others)
      if (fieldSubstitution(applied, other)(text) === stackText(other.name))
        covered.set(accountBaselineStackName(other.name), accountBaselineStackName(applied.name));
  }
  return covered;
}
