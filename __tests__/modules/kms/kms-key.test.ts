import { TerraformStack, Testing } from "cdktf";
import { accountRootKeyPolicy } from "../../../modules/kms/account-root-key-policy";
import { KmsKey } from "../../../modules/kms/kms-key";

const policy = accountRootKeyPolicy("aws", "123456789012");

test.each([6, 31, 7.5])("a deletion window of %p days is refused with the value", (days) => {
  const stack = new TerraformStack(Testing.app(), "kms");
  expect(
    () =>
      new KmsKey(stack, "key", {
        alias: "x",
        description: "x",
        policy,
        deletionWindowInDays: days,
      }),
  ).toThrow(`KMS deletion window must be 7 to 30 days, got ${days}`);
});

test("the key rotates, waits 30 days before deletion and cannot be destroyed", () => {
  const stack = new TerraformStack(Testing.app(), "kms");
  new KmsKey(stack, "key", { alias: "nwh/x", description: "x", policy });
  const [key] = Object.values<Record<string, unknown>>(
    JSON.parse(Testing.synth(stack)).resource.aws_kms_key,
  );
  expect(key).toMatchObject({
    enable_key_rotation: true,
    deletion_window_in_days: 30,
    lifecycle: { prevent_destroy: true },
  });
});
