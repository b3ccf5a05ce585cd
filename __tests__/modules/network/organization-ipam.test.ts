import { TerraformOutput, TerraformStack, Testing } from "cdktf";
import { OrganizationIpam } from "../../../modules/network/organization-ipam";
import type { OrganizationIpamProps } from "../../../modules/network/organization-ipam";
import { resourceNamed, resourcesOf, synthConstruct } from "../../helpers/synth-construct";

const PROD_OU = "arn:aws:organizations::111122223333:ou/o-k7q2mz4x9a/ou-prod-12345678";
const STAGING_OU = "arn:aws:organizations::111122223333:ou/o-k7q2mz4x9a/ou-stag-12345678";
const DATA_OU = "arn:aws:organizations::111122223333:ou/o-k7q2mz4x9a/ou-data-12345678";

const props: OrganizationIpamProps = {
  namePrefix: "nwh",
  homeRegion: "us-east-1",
  operatingRegions: ["us-west-2", "us-east-1"],
  pools: [
    { environment: "prod", region: "us-east-1", cidr: "10.16.0.0/14" },
    { environment: "prod", region: "us-west-2", cidr: "10.20.0.0/14" },
    { environment: "staging", region: "us-east-1", cidr: "10.32.0.0/14" },
  ],
  sharedWith: {
    // A prod account placed in another OU still allocates from prod's pools.
    prod: [
      { ouPath: "Workloads/Production", arn: PROD_OU },
      { ouPath: "Workloads/Data", arn: DATA_OU },
    ],
    staging: [{ ouPath: "Workloads/Staging", arn: STAGING_OU }],
  },
};

describe("an organization IPAM with pools for two environments", () => {
  let ipam!: OrganizationIpam;
  const json = synthConstruct((scope) => {
    ipam = new OrganizationIpam(scope, "ipam", props);
    new TerraformOutput(scope, "prod-us-west-2-pool", {
      value: ipam.poolIdOf("prod", "us-west-2"),
    });
  });
  const ipamRef = (attribute: string) =>
    expect.stringMatching(new RegExp(`^\\$\\{aws_vpc_ipam\\.ipam_[^.]+\\.${attribute}\\}$`));
  const poolRef = (fragment: string, attribute: string) =>
    expect.stringMatching(
      new RegExp(`^\\$\\{aws_vpc_ipam_pool\\.ipam_pool-${fragment}_[^.]+\\.${attribute}\\}$`),
    );

  test("one IPAM in the home region, operating in every region, sorted", () => {
    expect(Object.values(resourcesOf(json, "aws_vpc_ipam"))).toEqual([
      {
        region: "us-east-1",
        description: "nwh organization IPAM",
        operating_regions: [{ region_name: "us-east-1" }, { region_name: "us-west-2" }],
        tags: { Name: "nwh-organization" },
      },
    ]);
  });

  test("a private IPv4 pool per environment and region, with that region as its locale", () => {
    expect(Object.keys(resourcesOf(json, "aws_vpc_ipam_pool"))).toHaveLength(3);
    expect(resourceNamed(json, "aws_vpc_ipam_pool", "prod-us-west-2")).toEqual({
      region: "us-east-1",
      address_family: "ipv4",
      ipam_scope_id: ipamRef("private_default_scope_id"),
      locale: "us-west-2",
      description: "prod VPCs in us-west-2",
      tags: { Name: "nwh-prod-us-west-2" },
    });
    for (const pool of Object.values(resourcesOf(json, "aws_vpc_ipam_pool")))
      expect(pool.publicly_advertisable).toBeUndefined();
  });

  test("each pool holds the CIDR configured for it", () => {
    expect(resourceNamed(json, "aws_vpc_ipam_pool_cidr", "staging-us-east-1")).toEqual({
      region: "us-east-1",
      ipam_pool_id: poolRef("staging-us-east-1", "id"),
      cidr: "10.32.0.0/14",
    });
  });

  test("one RAM share per environment, closed to principals outside the organization", () => {
    const shares = resourcesOf(json, "aws_ram_resource_share");
    expect(Object.values(shares).map((share) => share.name)).toEqual([
      "nwh-ipam-prod",
      "nwh-ipam-staging",
    ]);
    for (const share of Object.values(shares)) {
      expect(share.allow_external_principals).toBe(false);
      expect(share.region).toBe("us-east-1");
    }
  });

  test("each environment's share holds its own pools and names its own OU, nothing else", () => {
    const associations = Object.values(resourcesOf(json, "aws_ram_resource_association"));
    const shareOf = (environment: string) =>
      expect.stringMatching(
        new RegExp(`^\\$\\{aws_ram_resource_share\\.ipam_share-${environment}_[^.]+\\.arn\\}$`),
      );
    expect(associations).toEqual([
      {
        region: "us-east-1",
        resource_share_arn: shareOf("prod"),
        resource_arn: poolRef("prod-us-east-1", "arn"),
      },
      {
        region: "us-east-1",
        resource_share_arn: shareOf("prod"),
        resource_arn: poolRef("prod-us-west-2", "arn"),
      },
      {
        region: "us-east-1",
        resource_share_arn: shareOf("staging"),
        resource_arn: poolRef("staging-us-east-1", "arn"),
      },
    ]);
    expect(Object.values(resourcesOf(json, "aws_ram_principal_association"))).toEqual([
      // Terraform JSON orders resources by address: workloads-data before workloads-production.
      { region: "us-east-1", resource_share_arn: shareOf("prod"), principal: DATA_OU },
      { region: "us-east-1", resource_share_arn: shareOf("prod"), principal: PROD_OU },
      { region: "us-east-1", resource_share_arn: shareOf("staging"), principal: STAGING_OU },
    ]);
  });

  test("poolIdOf gives the pool of an environment and region, and refuses an unknown pair", () => {
    expect(json.output["prod-us-west-2-pool"].value).toEqual(poolRef("prod-us-west-2", "id"));
    expect(() => ipam.poolIdOf("staging", "us-west-2")).toThrow(
      'OrganizationIpam has no pool for environment "staging" in us-west-2 (pools: prod-us-east-1, prod-us-west-2, staging-us-east-1); add one to network.ipam.pools in organization.yaml',
    );
  });
});

test("without a home region, the IPAM's resources follow the provider's region", () => {
  const json = synthConstruct((scope) => {
    new OrganizationIpam(scope, "ipam", { ...props, homeRegion: undefined });
  });
  for (const type of ["aws_vpc_ipam", "aws_vpc_ipam_pool", "aws_ram_resource_share"])
    for (const resource of Object.values(resourcesOf(json, type)))
      expect(resource.region).toBeUndefined();
});

describe("refuses a plan AWS or the address plan can't hold", () => {
  const build = (changes: Partial<OrganizationIpamProps>) => () =>
    new OrganizationIpam(new TerraformStack(Testing.app(), "network"), "ipam", {
      ...props,
      ...changes,
    });
  const pool = props.pools[0];

  test.each<[string, Partial<OrganizationIpamProps>, string]>([
    [
      "a home region it doesn't operate in",
      { homeRegion: "eu-west-1" },
      "OrganizationIpam's home region eu-west-1 must be one of its operating regions, got [us-west-2, us-east-1]",
    ],
    ["no pool", { pools: [] }, "OrganizationIpam needs at least one pool, got []"],
    [
      "two pools for one environment and region",
      { pools: [pool, { ...pool, cidr: "10.64.0.0/14" }] },
      'OrganizationIpam has two pools for environment "prod" in us-east-1; keep one',
    ],
    [
      "a pool outside the operating regions",
      { pools: [{ ...pool, region: "eu-west-1" }] },
      'OrganizationIpam\'s pool for "prod" is in eu-west-1, which is not an operating region (us-west-2, us-east-1); add the region to operatingRegions',
    ],
    [
      "a CIDR that isn't one",
      { pools: [{ ...pool, cidr: "10.16.0.300/14" }] },
      'OrganizationIpam\'s pool for "prod" in us-east-1 needs an IPv4 CIDR such as 10.16.0.0/14, got "10.16.0.300/14"',
    ],
    [
      "an environment shared with no OU",
      { sharedWith: { staging: [{ ouPath: "Workloads/Staging", arn: STAGING_OU }] } },
      `OrganizationIpam shares "prod"'s pools with no OU; give sharedWith.prod the environment's OU`,
    ],
  ])("%s", (_, changes, message) => {
    expect(build(changes)).toThrow(message);
  });
});
