import { loadLandingZoneConfig } from "../../../config/loader/load-config";
import { ipamAccountName, networkRegionsOf, vpcPlansFor } from "../../../config/model/network";
import type { EnvironmentConfig } from "../../../config/schema/environment-schema";
import type { OrganizationConfig } from "../../../config/schema/organization-schema";
import { editedExample, EXAMPLE_CONFIG_DIR } from "../../helpers/example-config";

const example = loadLandingZoneConfig(EXAMPLE_CONFIG_DIR);
const environment = (name: string) =>
  example.environments.find(({ config }) => config.name === name)!.config;

test("each account of a networked environment gets a VPC per network region, with its own block", () => {
  expect(vpcPlansFor(environment("prod"), "prod-data")).toEqual([
    { region: "us-east-1", addressing: { cidr: "10.20.16.0/20" } },
    { region: "us-west-2", addressing: { cidr: "10.21.16.0/20" } },
  ]);
  expect(vpcPlansFor(environment("staging"), "staging-platform")).toEqual([
    { region: "us-east-1", addressing: { cidr: "10.30.0.0/20" } },
  ]);
});

test("an environment without a network plans no VPCs", () => {
  expect(vpcPlansFor(environment("dev"), "dev-data")).toEqual([]);
});

test("IPAM addressing plans a VPC from the environment's pool in each region", () => {
  const config = loadLandingZoneConfig(
    editedExample([
      ["staging.yaml", / {4}cidrs:\n( {6}.*\n)+/, "    ipam: { netmaskLength: 22 }\n"],
      ["staging.yaml", "  regions: [us-east-1]\n", ""],
      [
        "organization.yaml",
        "# The CI pipeline's identity",
        "network:\n  ipam:\n    pools:\n      - { environment: staging, region: us-east-1, cidr: 10.64.0.0/16 }\n      - { environment: staging, region: us-west-2, cidr: 10.65.0.0/16 }\n# The CI pipeline's identity",
      ],
    ]),
  );
  const staging = config.environments.find(({ config: env }) => env.name === "staging")!.config;
  // Without network.regions, the loader gives the network every governed region.
  expect(staging.network?.regions).toEqual(["us-east-1", "us-west-2"]);
  expect(vpcPlansFor(staging, "staging-data")).toEqual([
    {
      region: "us-east-1",
      addressing: { ipamPool: { environment: "staging", region: "us-east-1" }, netmaskLength: 22 },
    },
    {
      region: "us-west-2",
      addressing: { ipamPool: { environment: "staging", region: "us-west-2" }, netmaskLength: 22 },
    },
  ]);
  expect(
    ipamAccountName(config.organization.config, config.organization.config.network!.ipam!),
  ).toBe("shared-services");
});

test("a closing account gets no VPC", () => {
  const prod = environment("prod");
  const closing: EnvironmentConfig = {
    ...prod,
    accounts: prod.accounts.map((account) =>
      account.name === "prod-analytics"
        ? {
            ...account,
            lifecycle: { state: "closing", reason: "Merged into prod-data", since: "2026-11-01" },
          }
        : account,
    ),
  };
  expect(vpcPlansFor(closing, "prod-analytics")).toEqual([]);
  expect(vpcPlansFor(closing, "prod-data")).toHaveLength(2);
});

test("an account the environment doesn't have is a programming error", () => {
  expect(() => vpcPlansFor(environment("prod"), "staging-data")).toThrow(
    "vpcPlansFor: environment prod has no account staging-data",
  );
});

test("the IPAM is held by the account config names, else by shared services", () => {
  const organization = example.organization.config;
  expect(ipamAccountName(organization, { account: "audit", pools: [] })).toBe("audit");
  expect(ipamAccountName(organization, { pools: [] })).toBe("shared-services");
  const withoutSharedServices = {
    ...organization,
    coreAccounts: { ...organization.coreAccounts, sharedServices: undefined },
  } as OrganizationConfig;
  expect(() => ipamAccountName(withoutSharedServices, { pools: [] })).toThrow(/names no account/);
});

test("network regions are the environment's own, else the governed regions", () => {
  const network = environment("staging").network!;
  expect(networkRegionsOf(network, ["us-east-1", "us-west-2"])).toEqual(["us-east-1"]);
  expect(networkRegionsOf({ ...network, regions: undefined }, ["us-east-1", "us-west-2"])).toEqual([
    "us-east-1",
    "us-west-2",
  ]);
});
