import { TerraformStack, Testing } from "cdktf";
import { OrganizationalUnitTree } from "../../../modules/organizations/organizational-unit-tree";

test("OU paths that would share a Terraform address are refused with both names", () => {
  const stack = new TerraformStack(Testing.app(), "tree");
  expect(
    () =>
      new OrganizationalUnitTree(stack, "ous", {
        rootId: "r-abcd",
        units: [
          { name: "Shared Services", children: [] },
          { name: "shared-services", children: [] },
        ],
      }),
  ).toThrow(
    'OU paths "Shared Services" and "shared-services" would share the Terraform address shared-services',
  );
});

test("an unknown path names the known ones", () => {
  const stack = new TerraformStack(Testing.app(), "tree");
  const tree = new OrganizationalUnitTree(stack, "ous", {
    rootId: "r-abcd",
    units: [{ name: "Security", children: [] }],
  });
  expect(() => tree.idOf("Workloads")).toThrow('No OU at path "Workloads"; known paths: Security');
});

test("an OU with an id in config is imported", () => {
  const stack = new TerraformStack(Testing.app(), "tree");
  new OrganizationalUnitTree(stack, "ous", {
    rootId: "r-abcd",
    units: [{ name: "Security", id: "ou-abcd-12345678", children: [] }],
  });
  expect(JSON.parse(Testing.synth(stack)).import).toEqual([
    {
      to: expect.stringMatching(/^aws_organizations_organizational_unit\.ous_security_/),
      id: "ou-abcd-12345678",
    },
  ]);
});
