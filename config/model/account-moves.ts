import type { LandingZoneConfig } from "./landing-zone-config";

/**
 * The config as it stood before the account `name` moved (`movedFrom`): the account back at the
 * end of the environment it left. What the stack it left held for it derives from this config.
 */
export function configBeforeMove(config: LandingZoneConfig, name: string): LandingZoneConfig {
  const entry = config.environments
    .flatMap((environment) => environment.config.accounts)
    .find((account) => account.name === name);
  if (entry?.movedFrom === undefined) return config;
  const { movedFrom, ...unmoved } = entry;
  return {
    ...config,
    environments: config.environments.map((environment) => {
      const others = environment.config.accounts.filter((account) => account.name !== name);
      const accounts = environment.config.name === movedFrom ? [...others, unmoved] : others;
      return { ...environment, config: { ...environment.config, accounts } };
    }),
  };
}
