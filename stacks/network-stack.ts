import { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { LandingZoneConfig } from "../config/model/landing-zone-config";
import { STACK_NAMES } from "../config/model/stack-names";
import type { IpamConfig } from "../config/schema/network-schema";
import { OrganizationIpam } from "../modules/network/organization-ipam";
import { memberAccountProvider } from "../modules/terraform/aws-providers";
import { useRemoteState } from "../modules/terraform/remote-state";
import { publishOutput } from "../modules/terraform/stack-outputs";
import type { PublishedOutput } from "../modules/terraform/stack-outputs";
import type { OrganizationStack } from "./organization-stack";

export interface NetworkStackProps {
  readonly config: LandingZoneConfig;
  readonly organization: OrganizationStack;
  readonly ipam: IpamConfig;
  /** The core account that holds the IPAM, its delegated administrator. */
  readonly ipamAccountName: string;
}

/**
 * The organization IPAM in its delegated administrator's account: a pool per environment and
 * region, each environment's pools shared with that environment's OU only. Account baselines
 * allocate their VPCs from the pools, reading the pool ids from this stack's state.
 */
export class NetworkStack extends TerraformStack {
  private readonly poolIds = new Map<string, PublishedOutput>();

  constructor(scope: Construct, props: NetworkStackProps) {
    super(scope, STACK_NAMES.network);
    const { config, ipam } = props;
    const organization = config.organization.config;
    useRemoteState(this, organization.stateBackend);
    memberAccountProvider(this, organization, {
      accountId: props.organization.coreAccounts.get(props.ipamAccountName)!.accountId,
      accountName: props.ipamAccountName,
    });
    // Each environment's pools reach its OU, and the OU of any of its accounts placed elsewhere.
    const sharedWith = Object.fromEntries(
      config.environments.map(({ config: environment }) => [
        environment.name,
        [
          ...new Set([
            environment.ou,
            ...environment.accounts.flatMap((account) => account.ou ?? []),
          ]),
        ]
          .sort()
          .map((ouPath) => ({
            ouPath,
            arn: props.organization.organizationalUnits.arnOf(ouPath),
          })),
      ]),
    );
    const pools = new OrganizationIpam(this, "ipam", {
      namePrefix: organization.resourcePrefix,
      homeRegion: organization.homeRegion,
      operatingRegions: organization.governedRegions,
      pools: ipam.pools,
      sharedWith,
    });
    for (const { environment, region } of ipam.pools)
      this.poolIds.set(
        `${environment}/${region}`,
        publishOutput(
          this,
          `ipam-pool-${environment}-${region}`,
          pools.poolIdOf(environment, region),
        ),
      );
  }

  /** The pool an environment's VPCs in `region` are allocated from, as this stack publishes it. */
  poolIdOutput(environment: string, region: string): PublishedOutput {
    const output = this.poolIds.get(`${environment}/${region}`);
    if (!output)
      throw new Error(
        `The network stack has no IPAM pool for ${environment} in ${region}; config checks should have refused this`,
      );
    return output;
  }
}
