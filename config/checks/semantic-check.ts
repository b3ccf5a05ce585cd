import type { ConfigProblem } from "../loader/config-problem";
import type { LandingZoneConfig } from "../model/landing-zone-config";

/**
 * A rule across fields or files. It returns every problem it finds, and throws nothing of its own.
 * It also runs when files failed their schema, on the values in them that passed (see salvage):
 * reading a refused value throws UnreadableValue, and the loader leaves the check out this run.
 * Wrap independent parts in ifReadable, so that one refused value skips only the part reading it.
 */
export type SemanticCheck = (config: PartialConfig) => ConfigProblem[];

export type PartialConfig = Omit<LandingZoneConfig, "organization"> & {
  /** Undefined when organization.yaml could not be read at all (a YAML syntax error). */
  readonly organization: LandingZoneConfig["organization"] | undefined;
  /**
   * False when some file could not be read at all (a YAML syntax error): what it declares looks
   * missing, so references into other files can't be checked this run.
   */
  readonly everyFileParsed: boolean;
};
