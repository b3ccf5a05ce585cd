import type { ConfigProblem } from "../loader/config-problem";
import { KNOWN_REGIONS } from "../model/opt-in-regions";
import type { SemanticCheck } from "./semantic-check";

/**
 * Every governed region is one the landing zone knows to be enabled by default or to need opting
 * in. Guessing wrong either way fails the first apply there: an opt-in region that isn't enabled
 * refuses every call, and enabling a region that needs no opting in is an error of its own.
 */
export const checkOptInRegions: SemanticCheck = ({ organization }) => {
  if (!organization) return [];
  const { file, config } = organization;
  const problems: ConfigProblem[] = [];
  config.governedRegions.forEach((region, index) => {
    if (KNOWN_REGIONS.includes(region)) return;
    problems.push({
      file,
      path: ["governedRegions", index],
      message:
        "is a region the landing zone doesn't know, so it can't tell whether it needs opting in",
      received: region,
      fix: `Add ${region} to DEFAULT_ENABLED_REGIONS or OPT_IN_REGIONS in config/model/opt-in-regions.ts (AWS's Account Management guide lists the regions that need opting in) and its zone count to config/model/availability-zones.ts, or govern another region.`,
    });
  });
  return problems;
};
