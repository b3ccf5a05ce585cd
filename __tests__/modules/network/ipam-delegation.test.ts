import { TerraformStack, Testing } from "cdktf";
import { IpamDelegation } from "../../../modules/network/ipam-delegation";
import { resourcesOf, synthConstruct } from "../../helpers/synth-construct";

test("the management account delegates IPAM to the network account and shares through the organization", () => {
  const json = synthConstruct((scope) => {
    new IpamDelegation(scope, "ipam-delegation", { administratorAccountId: "444455556666" });
  });
  expect(Object.values(resourcesOf(json, "aws_vpc_ipam_organization_admin_account"))).toEqual([
    { delegated_admin_account_id: "444455556666" },
  ]);
  // Destroying it would turn RAM's trusted access off and withdraw every share.
  expect(Object.values(resourcesOf(json, "aws_ram_sharing_with_organization"))).toEqual([
    { lifecycle: { prevent_destroy: true } },
  ]);
});

test("refuses an account id that isn't one", () => {
  const stack = new TerraformStack(Testing.app(), "organization");
  expect(
    () => new IpamDelegation(stack, "ipam-delegation", { administratorAccountId: "network" }),
  ).toThrow('IpamDelegation needs the 12-digit id of the IPAM account, got "network"');
});
