import { TerraformStack, Testing } from "cdktf";
import { chainAccountCreation } from "../../../modules/organizations/account-creation-lanes";
import { MemberAccount } from "../../../modules/organizations/member-account";

function accountsIn(stack: TerraformStack, specs: { name: string; existingAccountId?: string }[]) {
  return specs.map(
    (spec) =>
      new MemberAccount(stack, spec.name, {
        name: spec.name,
        email: `aws+${spec.name}@example.com`,
        parentId: "ou-abcd-12345678",
        accessRoleName: "OrganizationAccountAccessRole",
        existingAccountId: spec.existingAccountId,
      }),
  );
}

test("imported accounts take no creation lane", () => {
  const stack = new TerraformStack(Testing.app(), "lanes");
  const accounts = accountsIn(stack, [
    { name: "a1" },
    { name: "imported", existingAccountId: "123456789012" },
    { name: "a2" },
    { name: "a3" },
  ]);
  chainAccountCreation(accounts, 2);
  const synthesized = JSON.parse(Testing.synth(stack)).resource.aws_organizations_account;
  const dependsOn = (name: string) =>
    Object.values<{ name: string; depends_on?: string[] }>(synthesized).find(
      (account) => account.name === name,
    )!.depends_on;
  expect(dependsOn("a1")).toBeUndefined();
  expect(dependsOn("imported")).toBeUndefined();
  expect(dependsOn("a2")).toBeUndefined();
  expect(dependsOn("a3")).toEqual([
    expect.stringMatching(/^aws_organizations_account\.a1_account_[0-9A-F]+$/),
  ]);
});

test("an imported account exposes its literal id; a new one a reference", () => {
  const stack = new TerraformStack(Testing.app(), "ids");
  const [created, imported] = accountsIn(stack, [
    { name: "new" },
    { name: "old", existingAccountId: "123456789012" },
  ]);
  expect(imported.accountId).toBe("123456789012");
  expect(created.accountId).toMatch(/TfToken/);
});
