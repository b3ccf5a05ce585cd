import type { SourcedConfig } from "../model/landing-zone-config";
import type { EnvironmentConfig } from "../schema/environment-schema";
import type { OrganizationConfig } from "../schema/organization-schema";
import { ifReadable } from "./salvage";

/**
 * Defaults an environment file takes from organization.yaml, which its schema can't apply since
 * it reads one file at a time: a network without regions spans every governed region. Applied
 * in place, before the checks run and the config is frozen, so everything downstream reads one
 * value. A value the schema refused in either file leaves the default unapplied; it is reported
 * already.
 */
export function applyOrganizationDefaults(
  environment: SourcedConfig<EnvironmentConfig>,
  organization: SourcedConfig<OrganizationConfig> | undefined,
): void {
  ifReadable(() => {
    const network = environment.config.network;
    if (!organization || !network || network.regions !== undefined) return;
    network.regions = [...organization.config.governedRegions];
  }, undefined);
}
