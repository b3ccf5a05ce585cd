import { describePlannedChanges } from "../../../aws-harness/terraform/planned-changes";

test("names each changed resource and output with the arguments that differ", () => {
  const plan = {
    resource_changes: [
      {
        address: "aws_backup_vault.vault",
        change: {
          actions: ["update"],
          before: { name: "nwh-vault", force_destroy: null, tags: { a: "1" } },
          after: { name: "nwh-vault", force_destroy: false, tags: { a: "1" } },
        },
      },
      { address: "aws_kms_key.key", change: { actions: ["no-op"], before: {}, after: {} } },
      { address: "data.aws_iam_roles.r", change: { actions: ["read"], before: null, after: {} } },
    ],
    output_changes: {
      unchanged: { actions: ["no-op"], before: "a", after: "a" },
      "account-id": { actions: ["update"], before: "1", after: "2" },
    },
  };
  expect(describePlannedChanges(JSON.stringify(plan))).toEqual([
    "update aws_backup_vault.vault (force_destroy: null -> false)",
    'update output.account-id ("1" -> "2")',
  ]);
});
