import { explainReplan } from "../../../aws-harness/emulator/explain-replan";
import type { EmulatorGap } from "../../../aws-harness/emulator/emulator-gap";
import { plannedResourceChanges } from "../../../aws-harness/terraform/planned-changes";

const tagsGap: EmulatorGap = {
  resourceType: "aws_backup_plan",
  reason: "no tags back",
  failingCall: "Backup: ListTags",
  emulatorMessage: '"GET /tags/arn:aws:backup:',
  unreadArguments: ["tags", "tags_all"],
};
const nameGap: EmulatorGap = {
  resourceType: "aws_iam_service_linked_role",
  reason: "another name",
  failingCall: "IAM: CreateServiceLinkedRole",
  emulatorMessage: "AWSServiceRoleForbackup_Reports",
  unreadArguments: ["custom_suffix"],
};
const unread = [
  { address: "aws_backup_plan.plan", gap: tagsGap },
  { address: "aws_iam_service_linked_role.reports", gap: nameGap },
];
const role = "arn:aws:iam::1:role/aws-service-role/reports.backup.amazonaws.com/";

const roleReplaced = {
  address: "aws_iam_service_linked_role.reports",
  change: {
    actions: ["delete", "create"],
    before: { custom_suffix: "Reports", arn: `${role}AWSServiceRoleForbackup_Reports` },
    after: { custom_suffix: null },
    after_unknown: { arn: true },
    replace_paths: [["custom_suffix"]],
  },
};
const keyNamingRole = {
  address: "aws_kms_key.key",
  change: {
    actions: ["update"],
    before: { policy: `{"Principal":"${role}AWSServiceRoleForbackup_Reports"}` },
    after: {},
    after_unknown: { policy: true },
  },
};
const configuration = (policy: string) => ({
  root_module: {
    resources: [
      { address: "aws_kms_key.key", expressions: { policy: { constant_value: policy } } },
    ],
  },
});

const explain = (plan: object, log = "") =>
  explainReplan(plannedResourceChanges(JSON.stringify(plan)), unread, log);

test("an update of only the arguments the emulator doesn't read back is explained once logged", () => {
  const plan = {
    resource_changes: [
      {
        address: "aws_backup_plan.plan",
        change: { actions: ["update"], before: { tags_all: {} }, after: { tags_all: { a: "1" } } },
      },
    ],
  };
  const log = '127.0.0.1 "GET /tags/arn:aws:backup:us-east-1:1:backup-plan:x HTTP/1.1" 200';
  expect(explain(plan, log)).toEqual({ gaps: [tagsGap], unexplained: [] });
  // Without the emulator's request in its log, nothing shows the emulator is the cause.
  expect(explain(plan).unexplained.map((change) => change.address)).toEqual([
    "aws_backup_plan.plan",
  ]);
});

test("an update of any other argument of the same resource is not explained", () => {
  const plan = {
    resource_changes: [
      {
        address: "aws_backup_plan.plan",
        change: {
          actions: ["update"],
          before: { tags_all: {}, name: "a" },
          after: { tags_all: { a: "1" }, name: "b" },
        },
      },
    ],
  };
  expect(explain(plan, '"GET /tags/arn:aws:backup:').unexplained).toHaveLength(1);
});

test("a replacement forced by a misread argument explains what names the replaced resource", () => {
  const plan = {
    resource_changes: [roleReplaced, keyNamingRole],
    configuration: configuration('{"Principal":"${aws_iam_service_linked_role.reports.arn}"}'),
  };
  expect(explain(plan)).toEqual({ gaps: [nameGap], unexplained: [] });
});

test("a change to a resource that doesn't name the replaced one is not explained", () => {
  const plan = {
    resource_changes: [roleReplaced, keyNamingRole],
    configuration: configuration('{"Principal":"${aws_iam_role.other.arn}"}'),
  };
  expect(explain(plan).unexplained.map((change) => change.address)).toEqual(["aws_kms_key.key"]);
});

test("a replacement forced by an argument the entry doesn't name is not explained", () => {
  const plan = {
    resource_changes: [
      {
        ...roleReplaced,
        change: { ...roleReplaced.change, replace_paths: [["aws_service_name"]] },
      },
      keyNamingRole,
    ],
    configuration: configuration('{"Principal":"${aws_iam_service_linked_role.reports.arn}"}'),
  };
  expect(explain(plan)).toEqual({
    gaps: [],
    unexplained: [
      expect.objectContaining({ address: "aws_iam_service_linked_role.reports" }),
      expect.objectContaining({ address: "aws_kms_key.key" }),
    ],
  });
});
