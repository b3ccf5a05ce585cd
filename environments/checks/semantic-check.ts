import type { ConfigProblem } from "../loader/config-problem";
import type { LandingZoneConfig } from "../model/landing-zone-config";

/**
 * A rule across fields or files. It returns every problem it finds, never throws. When
 * organization.yaml itself is invalid the rules still run on the environment files, so one
 * broken file does not hide the problems of the others.
 */
export type SemanticCheck = (config: PartialConfig) => ConfigProblem[];

export type PartialConfig = Omit<LandingZoneConfig, "organization"> & {
  readonly organization: LandingZoneConfig["organization"] | undefined;
  /** False when some file failed to parse: references into it can't be checked this run. */
  readonly everyFileParsed: boolean;
};
