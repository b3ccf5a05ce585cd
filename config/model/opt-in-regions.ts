/**
 * Regions of the aws partition by whether a new account can use them at once. AWS enables the
 * regions launched before 20 March 2019 in every account; each later one stays disabled until the
 * account opts in through the Account Management API (EnableRegion). The landing zone opts every
 * account into the opt-in regions it governs before deploying anything there.
 *
 * A region in neither list is one the landing zone doesn't know yet: config refuses to govern it
 * rather than guess, until someone adds it here from the AWS Account Management documentation
 * ("Specify which AWS Regions your account can use").
 */
const DEFAULT_ENABLED_REGIONS: readonly string[] = [
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-south-1",
  "ap-southeast-1",
  "ap-southeast-2",
  "ca-central-1",
  "eu-central-1",
  "eu-north-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "sa-east-1",
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
];

const OPT_IN_REGIONS: readonly string[] = [
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-south-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-6",
  "ap-southeast-7",
  "ca-west-1",
  "eu-central-2",
  "eu-south-1",
  "eu-south-2",
  "il-central-1",
  "me-central-1",
  "me-south-1",
  "mx-central-1",
];

/** Every region the landing zone knows, enabled by default or not. */
export const KNOWN_REGIONS: readonly string[] = [...DEFAULT_ENABLED_REGIONS, ...OPT_IN_REGIONS];

export function isOptInRegion(region: string): boolean {
  return OPT_IN_REGIONS.includes(region);
}

/** The governed regions each account must opt into, in the order config lists them. */
export function optInRegionsOf(governedRegions: readonly string[]): string[] {
  return governedRegions.filter(isOptInRegion);
}
