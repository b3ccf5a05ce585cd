import { exampleSynth } from "../helpers/example-synth";
import { PROD_FROM_IPAM } from "../helpers/example-edits";
import type { ExampleEdit } from "../helpers/example-edits";
import { editedExample } from "../helpers/example-config";
import { synthLandingZone } from "../helpers/synth";
import { defaultProvider } from "../helpers/synth-output";
import type { StackJson, SynthOutput } from "../helpers/synth-output";

/**
 * The example with an organization IPAM (in shared-services, the default) that prod's VPCs draw
 * from, and one prod account placed outside prod's OU, so its pools must reach that OU too.
 */
const IPAM_EDITS: readonly ExampleEdit[] = [
  ...PROD_FROM_IPAM,
  [
    "prod.yaml",
    "    ownerEmail: analytics-team@northwind-health.com\n",
    "    ownerEmail: analytics-team@northwind-health.com\n    ou: Sandbox\n",
  ],
];

let out: SynthOutput;
let network: StackJson;

beforeAll(() => {
  out = synthLandingZone(editedExample(IPAM_EDITS));
  network = out.stack("network");
});

const only = (stack: StackJson, type: string): StackJson => {
  const resources = Object.values(stack.resource?.[type] ?? {});
  expect(resources).toHaveLength(1);
  return resources[0] as StackJson;
};
const all = (stack: StackJson, type: string): StackJson[] =>
  Object.values(stack.resource?.[type] ?? {});

test("without network.ipam there is no network stack and no IPAM delegation", () => {
  const example = exampleSynth();
  expect(example.manifest.stacks.network).toBeUndefined();
  expect(example.resources("organization", "aws_vpc_ipam_organization_admin_account")).toEqual({});
});

test("the IPAM runs in the shared-services account, reached with its id from the organization's state", () => {
  const provider = defaultProvider(network);
  expect(provider.allowed_account_ids).toEqual([
    expect.stringMatching(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-organization\.outputs\..*shared-services.*\}$/,
    ),
  ]);
  expect(network.terraform.backend.s3).toMatchObject({
    bucket: "nwh-terraform-state-111122223333",
    key: "landing-zone/network.tfstate",
  });
});

test("the management account delegates IPAM to shared-services and lets RAM share with OUs", () => {
  const organization = out.stack("organization");
  const delegation = only(organization, "aws_vpc_ipam_organization_admin_account");
  const sharedServices = Object.entries(
    out.resources("organization", "aws_organizations_account"),
  ).find(([, account]) => account.name === "shared-services")!;
  expect(delegation.delegated_admin_account_id).toBe(
    `\${aws_organizations_account.${sharedServices[0]}.id}`,
  );
  const ramSharing = only(organization, "aws_ram_sharing_with_organization");
  expect(ramSharing.lifecycle).toEqual({ prevent_destroy: true });
  // Both wait for trusted access, which an imported account's literal id wouldn't imply.
  const [organizationResource] = Object.keys(
    out.resources("organization", "aws_organizations_organization"),
  );
  for (const resource of [delegation, ramSharing])
    expect(resource.depends_on).toEqual([`aws_organizations_organization.${organizationResource}`]);
});

test("the IPAM operates in every governed region from the home region, with a pool per environment and region", () => {
  expect(only(network, "aws_vpc_ipam")).toMatchObject({
    region: "us-east-1",
    operating_regions: [{ region_name: "us-east-1" }, { region_name: "us-west-2" }],
  });
  const pools = all(network, "aws_vpc_ipam_pool");
  expect(pools.map((pool) => [pool.locale, pool.address_family, pool.region]).sort()).toEqual([
    ["us-east-1", "ipv4", "us-east-1"],
    ["us-west-2", "ipv4", "us-east-1"],
  ]);
  for (const pool of pools)
    expect(pool.ipam_scope_id).toMatch(/^\$\{aws_vpc_ipam\.[\w-]+\.private_default_scope_id\}$/);
  expect(
    all(network, "aws_vpc_ipam_pool_cidr")
      .map((cidr) => cidr.cidr)
      .sort(),
  ).toEqual(["172.16.0.0/14", "172.20.0.0/14"]);
});

test("prod's pools are shared, inside the organization only, with prod's OU and the OU of its account placed elsewhere", () => {
  const share = only(network, "aws_ram_resource_share");
  expect(share).toMatchObject({ name: "nwh-ipam-prod", allow_external_principals: false });
  expect(all(network, "aws_ram_resource_association")).toHaveLength(2);
  const principals = all(network, "aws_ram_principal_association").map(
    (association) => association.principal,
  );
  expect(principals).toHaveLength(2);
  expect(principals).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/outputs\.[^}]*workloads-production[^}]*\}$/),
      expect.stringMatching(/outputs\.[^}]*sandbox[^}]*\}$/),
    ]),
  );
  for (const principal of principals)
    expect(principal).toMatch(
      /^\$\{data\.terraform_remote_state\.cross-stack-reference-input-organization\.outputs\./,
    );
});

test("publishes each pool's id, under a name the baselines read", () => {
  expect(Object.keys(network.output).sort()).toEqual([
    "ipam-pool-prod-us-east-1",
    "ipam-pool-prod-us-west-2",
  ]);
  for (const output of Object.values<StackJson>(network.output))
    expect(output.value).toMatch(/^\$\{aws_vpc_ipam_pool\.[\w-]+\.id\}$/);
});

test("deploys after the organization, and before every baseline that allocates from it", () => {
  const dependencies = (stack: string) => [...out.manifest.stacks[stack].dependencies].sort();
  expect(dependencies("network")).toEqual(["organization"]);
  for (const account of ["prod-platform", "prod-data", "prod-analytics"])
    expect(dependencies(`account-${account}`)).toContain("network");
  // Staging keeps its explicit blocks, so it doesn't wait for the IPAM.
  expect(dependencies("account-staging-data")).not.toContain("network");
  expect(dependencies("account-shared-services")).not.toContain("network");
});
