import type { EnvironmentConfig } from "../schema/environment-schema";
import type { IdentityConfig } from "../schema/identity-schema";
import type { OrganizationConfig } from "../schema/organization-schema";

/** A config value together with the file it came from, so checks can point back at it. */
export interface SourcedConfig<T> {
  readonly file: string;
  readonly config: T;
}

/** The validated, frozen description of the whole landing zone. */
export interface LandingZoneConfig {
  /** The folder the config was read from. */
  readonly sourceDir: string;
  readonly organization: SourcedConfig<OrganizationConfig>;
  /** identity.yaml, when the landing zone manages IAM Identity Center. */
  readonly identity: SourcedConfig<IdentityConfig> | undefined;
  /** Ordered by file name, so everything derived from them is deterministic. */
  readonly environments: readonly SourcedConfig<EnvironmentConfig>[];
}
