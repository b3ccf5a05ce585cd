import type { ConfigProblem } from "../loader/config-problem";
import { partitionOf } from "../schema/primitives";
import type { SemanticCheck } from "./semantic-check";

/** The home region is governed, governed regions are listed once, and all share one partition. */
export const checkRegions: SemanticCheck = ({ organization }) => {
  if (!organization) return [];
  const { file, config } = organization;
  const problems: ConfigProblem[] = [];
  if (!config.governedRegions.includes(config.homeRegion)) {
    problems.push({
      file,
      path: ["homeRegion"],
      message: "is not one of governedRegions",
      received: config.homeRegion,
      fix: `Add ${config.homeRegion} to governedRegions, or pick one of ${config.governedRegions.join(", ")}.`,
    });
  }
  const homePartition = partitionOf(config.homeRegion);
  config.governedRegions.forEach((region, index) => {
    if (config.governedRegions.indexOf(region) !== index) {
      problems.push({
        file,
        path: ["governedRegions", index],
        message: "is listed twice",
        received: region,
        fix: "Remove the duplicate.",
      });
    }
    if (partitionOf(region) !== homePartition) {
      problems.push({
        file,
        path: ["governedRegions", index],
        message: `is in the ${partitionOf(region)} partition, but the home region is in ${homePartition}`,
        received: region,
        fix: "An organization lives in one partition; govern regions of that partition only.",
      });
    }
  });
  return problems;
};
