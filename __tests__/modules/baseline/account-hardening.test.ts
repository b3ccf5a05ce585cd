import { TerraformStack, Testing } from "cdktf";
import { AccountHardening } from "../../../modules/baseline/account-hardening";

test("refuses to harden no region at all", () => {
  const stack = new TerraformStack(Testing.app(), "hardening");
  expect(() => new AccountHardening(stack, "hardening", { regions: [] })).toThrow(
    "AccountHardening needs at least one governed region, got []",
  );
});
