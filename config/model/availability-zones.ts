/**
 * How many Availability Zones a new account can use in each region the landing zone knows (see
 * opt-in-regions.ts). From AWS's list of Availability Zones ("AWS Availability Zones" in the AWS
 * Regions and Availability Zones guide) and `aws ec2 describe-availability-zones` in a new
 * account: a few old regions hold a zone back from accounts created after it filled up, so
 * us-west-1 offers 2 of its 3 and ap-northeast-1 3 of its 4. Counts are what the account sees, not
 * what AWS operates.
 *
 * A network region missing here is a config error, not a guess: add the region with its count.
 */
const AVAILABILITY_ZONES: Readonly<Record<string, number>> = {
  "af-south-1": 3,
  "ap-east-1": 3,
  "ap-east-2": 3,
  "ap-northeast-1": 3,
  "ap-northeast-2": 4,
  "ap-northeast-3": 3,
  "ap-south-1": 3,
  "ap-south-2": 3,
  "ap-southeast-1": 3,
  "ap-southeast-2": 3,
  "ap-southeast-3": 3,
  "ap-southeast-4": 3,
  "ap-southeast-5": 3,
  "ap-southeast-6": 3,
  "ap-southeast-7": 3,
  "ca-central-1": 3,
  "ca-west-1": 3,
  "eu-central-1": 3,
  "eu-central-2": 3,
  "eu-north-1": 3,
  "eu-south-1": 3,
  "eu-south-2": 3,
  "eu-west-1": 3,
  "eu-west-2": 3,
  "eu-west-3": 3,
  "il-central-1": 3,
  "me-central-1": 3,
  "me-south-1": 3,
  "mx-central-1": 3,
  "sa-east-1": 3,
  "us-east-1": 6,
  "us-east-2": 3,
  "us-west-1": 2,
  "us-west-2": 4,
};

/** Zones a new account can use in `region`, or undefined for a region missing from the table. */
export function availabilityZoneCount(region: string): number | undefined {
  return Object.hasOwn(AVAILABILITY_ZONES, region) ? AVAILABILITY_ZONES[region] : undefined;
}
