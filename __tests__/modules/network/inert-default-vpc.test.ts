import { TerraformStack, Testing } from "cdktf";
import { findControls } from "../../../compliance/controls/control";
import {
  DEFAULT_VPCS_INERT_CONTROL,
  InertDefaultVpc,
} from "../../../modules/network/inert-default-vpc";
import { resourceNamed, resourcesOf, synthConstruct } from "../../helpers/synth-construct";

const BUCKET = "arn:aws:s3:::nwh-log-archive-network-111122223333";

type Json = ReturnType<typeof synthConstruct>;
let json: Json;
let vpcsLookup: string;
beforeAll(() => {
  json = synthConstruct(
    (scope) =>
      new InertDefaultVpc(scope, "default-vpc", { region: "eu-west-1", logBucketArn: BUCKET }),
  );
  vpcsLookup = `data.aws_vpcs.${Object.keys(json.data.aws_vpcs)[0]}`;
});

test("looks the default VPC up rather than managing it, so none is ever created", () => {
  expect(Object.values(json.data.aws_vpcs)).toEqual([
    { region: "eu-west-1", filter: [{ name: "is-default", values: ["true"] }] },
  ]);
  expect(resourcesOf(json, "aws_default_vpc")).toEqual({});
  expect(resourcesOf(json, "aws_vpc")).toEqual({});
});

test("every resource exists once per default VPC found: none when the account has none", () => {
  const perVpc = `\${toset(${vpcsLookup}.ids)}`;
  for (const type of ["aws_default_security_group", "aws_flow_log"])
    expect(resourceNamed(json, type, "default-vpc_").for_each).toBe(perVpc);
  const acls = Object.values(json.data.aws_network_acls as Record<string, Json>);
  expect(acls).toEqual([
    {
      for_each: perVpc,
      region: "eu-west-1",
      vpc_id: "${each.value}",
      filter: [{ name: "default", values: ["true"] }],
    },
  ]);
  // Keyed by the same VPC ids, through the lookup of each VPC's default network ACL.
  const acl = resourceNamed(json, "aws_default_network_acl", "default-vpc_");
  expect(acl.for_each).toBe(
    `\${data.aws_network_acls.${Object.keys(json.data.aws_network_acls)[0]}}`,
  );
  expect(acl.default_network_acl_id).toBe("${element(each.value.ids, 0)}");
});

test("strips the default security group and network ACL of every rule", () => {
  expect(resourceNamed(json, "aws_default_security_group", "default-vpc_")).toEqual(
    expect.objectContaining({ vpc_id: "${each.value}", ingress: [], egress: [] }),
  );
  expect(resourceNamed(json, "aws_default_network_acl", "default-vpc_")).toEqual(
    expect.objectContaining({
      ingress: [],
      egress: [],
      // The default subnets stay on the (now closed) default ACL; no plan should try to move them.
      lifecycle: { ignore_changes: ["subnet_ids"] },
    }),
  );
});

test("logs all traffic of the default VPC to the log archive bucket", () => {
  expect(resourceNamed(json, "aws_flow_log", "default-vpc_")).toEqual(
    expect.objectContaining({
      vpc_id: "${each.value}",
      traffic_type: "ALL",
      log_destination_type: "s3",
      log_destination: BUCKET,
      max_aggregation_interval: 60,
    }),
  );
});

test("every resource and lookup sits in the region asked for", () => {
  for (const block of [json.resource, json.data] as Record<string, Record<string, Json>>[])
    for (const resources of Object.values(block))
      for (const resource of Object.values(resources)) expect(resource.region).toBe("eu-west-1");
});

test("declares the default-vpcs-inert control with the decision and its reason", () => {
  const stack = new TerraformStack(Testing.app(), "baseline");
  new InertDefaultVpc(stack, "default-vpc", { region: "eu-west-1", logBucketArn: BUCKET });
  expect(findControls(stack).map((placement) => placement.control)).toEqual([
    DEFAULT_VPCS_INERT_CONTROL,
  ]);
  expect(DEFAULT_VPCS_INERT_CONTROL.criteria).toEqual(["CC6.6", "CC7.2"]);
  expect(DEFAULT_VPCS_INERT_CONTROL.description).toMatch(/aws_default_vpc would re-create/);
});
