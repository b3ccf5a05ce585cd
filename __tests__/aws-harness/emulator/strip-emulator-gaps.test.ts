import { stripEmulatorGaps } from "../../../aws-harness/emulator/strip-emulator-gaps";
import type {
  RemovedResource,
  StrippedStack,
  UpstreamStandIns,
} from "../../../aws-harness/emulator/strip-emulator-gaps";
import type { TerraformJson } from "../../../aws-harness/terraform/terraform-json";
import { BACKUP_POLICIES, PERMISSION_SETS } from "./gap-fixtures";

const GAPS = [BACKUP_POLICIES, PERMISSION_SETS];

const INSTANCE_ARN = "${tolist(data.aws_ssoadmin_instances.sso.arns)[0]}";
const policy = (type: string) => ({ name: "nwh-policy", type, content: "{}" });
const attachment = (policyId: string, extra: object = {}) => ({
  policy_id: policyId,
  target_id: "${aws_organizations_organization.organization.roots[0].id}",
  ...extra,
});

/** What was removed, as address → what removed it (undefined: on the gap list itself). */
const causes = (result: StrippedStack) =>
  Object.fromEntries(result.removed.map((entry) => [entry.address, entry.dependsOn]));
const names = (json: TerraformJson, kind: "resource" | "data") =>
  Object.fromEntries(
    Object.entries(json[kind] ?? {}).map(([type, byName]) => [type, Object.keys(byName)]),
  );

describe("resources on the gap list", () => {
  it("removes a gap resource and drops its type when none is left", () => {
    const result = stripEmulatorGaps(
      {
        resource: {
          aws_ssoadmin_permission_set: {
            admin: { name: "Admin", instance_arn: INSTANCE_ARN },
          },
          aws_kms_key: { key: { enable_key_rotation: true } },
        },
      },
      GAPS,
    );

    expect(result.removed).toEqual<RemovedResource[]>([
      { address: "aws_ssoadmin_permission_set.admin", gap: PERMISSION_SETS },
    ]);
    expect(result.removed[0].gap).toBe(PERMISSION_SETS);
    expect(result.stack.resource).toEqual({ aws_kms_key: { key: { enable_key_rotation: true } } });
    expect(result.standIns).toEqual([]);
  });

  it("leaves a stack with no gap resource as it is", () => {
    const stack: TerraformJson = {
      resource: { aws_organizations_policy: { scp: policy("SERVICE_CONTROL_POLICY") } },
      output: { id: { value: "${aws_organizations_policy.scp.id}" } },
      import: [{ to: "aws_organizations_policy.scp", id: "p-12345678" }],
    };

    const result = stripEmulatorGaps(stack, GAPS);

    expect(result.stack).toEqual(stack);
    expect(result.removed).toEqual([]);
    expect(result.standIns).toEqual([]);
  });

  it("removes only the resources whose `where` argument has the value", () => {
    const result = stripEmulatorGaps(
      {
        resource: {
          aws_organizations_policy: {
            backup: policy("BACKUP_POLICY"),
            scp: policy("SERVICE_CONTROL_POLICY"),
            tags: policy("TAG_POLICY"),
            untyped: { name: "nwh-untyped", content: "{}" },
          },
        },
      },
      GAPS,
    );

    expect(result.removed).toEqual([
      { address: "aws_organizations_policy.backup", gap: BACKUP_POLICIES },
    ]);
    expect(names(result.stack, "resource")).toEqual({
      aws_organizations_policy: ["scp", "tags", "untyped"],
    });
  });
});

describe("resources that reference a removed one", () => {
  let result: StrippedStack;
  beforeAll(() => {
    result = stripEmulatorGaps(
      {
        resource: {
          // Listed before what it references, so only a second pass can find it.
          aws_ssoadmin_account_assignment: {
            admin_prod: {
              instance_arn: INSTANCE_ARN,
              permission_set_arn:
                "${aws_ssoadmin_permission_set_inline_policy.admin.permission_set_arn}",
              principal_type: "GROUP",
              target_type: "AWS_ACCOUNT",
            },
          },
          aws_ssoadmin_permission_set: { admin: { name: "Admin", instance_arn: INSTANCE_ARN } },
          aws_ssoadmin_permission_set_inline_policy: {
            admin: {
              instance_arn: INSTANCE_ARN,
              permission_set_arn: "${aws_ssoadmin_permission_set.admin.arn}",
              inline_policy: "{}",
            },
          },
          aws_ssoadmin_managed_policy_attachment: {
            readonly: {
              instance_arn: INSTANCE_ARN,
              managed_policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
              permission_set_arn: "arn:aws:sso:::permissionSet/ssoins-1/ps-1",
              depends_on: ["aws_ssoadmin_permission_set.admin"],
            },
          },
          aws_ssm_parameter: {
            admin_name: {
              name: "/landing-zone/admin",
              type: "String",
              value: '${upper(join(",", [aws_ssoadmin_permission_set.admin.name]))}',
            },
          },
          aws_kms_key: { key: { enable_key_rotation: true } },
        },
        data: {
          aws_ssoadmin_instances: { sso: {} },
        },
      },
      GAPS,
    );
  });

  it("removes them transitively, each with what it depended on", () => {
    expect(causes(result)).toEqual({
      "aws_ssoadmin_permission_set.admin": undefined,
      "aws_ssoadmin_permission_set_inline_policy.admin": "aws_ssoadmin_permission_set.admin",
      "aws_ssoadmin_account_assignment.admin_prod":
        "aws_ssoadmin_permission_set_inline_policy.admin",
      "aws_ssm_parameter.admin_name": "aws_ssoadmin_permission_set.admin",
    });
    expect(result.removed).toHaveLength(4);
  });

  it("keeps what only waited for a removed one, without the wait", () => {
    expect(result.droppedWaits).toEqual([
      {
        address: "aws_ssoadmin_managed_policy_attachment.readonly",
        waitedFor: "aws_ssoadmin_permission_set.admin",
      },
    ]);
    expect(
      result.stack.resource!.aws_ssoadmin_managed_policy_attachment.readonly.depends_on,
    ).toBeUndefined();
  });

  it("charges every dependent to the gap of the resource it traces back to", () => {
    expect(result.removed.every((entry) => entry.gap === PERMISSION_SETS)).toBe(true);
  });

  it("keeps everything else", () => {
    expect(names(result.stack, "resource")).toEqual({
      aws_kms_key: ["key"],
      aws_ssoadmin_managed_policy_attachment: ["readonly"],
    });
    expect(names(result.stack, "data")).toEqual({ aws_ssoadmin_instances: ["sso"] });
  });
});

describe("addresses that only look alike", () => {
  it("keeps a resource whose name extends the removed one's", () => {
    const result = stripEmulatorGaps(
      {
        resource: {
          aws_organizations_policy: {
            backup: policy("BACKUP_POLICY"),
            backup2: policy("SERVICE_CONTROL_POLICY"),
            backup_daily: policy("SERVICE_CONTROL_POLICY"),
            "backup-daily": policy("SERVICE_CONTROL_POLICY"),
          },
          aws_organizations_policy_attachment: {
            backup: attachment("${aws_organizations_policy.backup.id}"),
            backup2: attachment("${aws_organizations_policy.backup2.id}"),
            backup_daily: attachment("${aws_organizations_policy.backup_daily.id}"),
            "backup-daily": attachment("${aws_organizations_policy.backup-daily.id}"),
            "after-backup-daily": attachment("p-12345678", {
              depends_on: ["aws_organizations_policy.backup-daily"],
            }),
          },
        },
      },
      GAPS,
    );

    expect(causes(result)).toEqual({
      "aws_organizations_policy.backup": undefined,
      "aws_organizations_policy_attachment.backup": "aws_organizations_policy.backup",
    });
    expect(names(result.stack, "resource")).toEqual({
      aws_organizations_policy: ["backup2", "backup_daily", "backup-daily"],
      aws_organizations_policy_attachment: [
        "backup2",
        "backup_daily",
        "backup-daily",
        "after-backup-daily",
      ],
    });
  });

  it("keeps a resource whose hyphenated name extends a hyphenated removed one's", () => {
    const result = stripEmulatorGaps(
      {
        resource: {
          aws_organizations_policy: {
            "policies_backup-production": policy("BACKUP_POLICY"),
            "policies_backup-production-daily": policy("SERVICE_CONTROL_POLICY"),
          },
          aws_organizations_policy_attachment: {
            "backup-production_attach-workloads": attachment(
              "${aws_organizations_policy.policies_backup-production.id}",
            ),
            "backup-production-daily_attach-workloads": attachment(
              "${aws_organizations_policy.policies_backup-production-daily.id}",
            ),
          },
        },
      },
      GAPS,
    );

    expect(causes(result)).toEqual({
      "aws_organizations_policy.policies_backup-production": undefined,
      "aws_organizations_policy_attachment.backup-production_attach-workloads":
        "aws_organizations_policy.policies_backup-production",
    });
    expect(names(result.stack, "resource")).toEqual({
      aws_organizations_policy: ["policies_backup-production-daily"],
      aws_organizations_policy_attachment: ["backup-production-daily_attach-workloads"],
    });
  });

  it("tells a data source from the resource of the same type and name", () => {
    const result = stripEmulatorGaps(
      {
        resource: {
          aws_ssoadmin_permission_set: { admin: { name: "Admin", instance_arn: INSTANCE_ARN } },
          aws_ssoadmin_account_assignment: {
            looked_up: { permission_set_arn: "${data.aws_ssoadmin_permission_set.admin.arn}" },
            created: { permission_set_arn: "${data.aws_ssoadmin_permission_set.created.arn}" },
          },
        },
        data: {
          aws_ssoadmin_instances: { sso: {} },
          aws_ssoadmin_permission_set: {
            // An existing permission set of the same name, looked up: not the removed resource.
            admin: { instance_arn: INSTANCE_ARN, name: "Admin" },
            created: {
              instance_arn: INSTANCE_ARN,
              name: "${aws_ssoadmin_permission_set.admin.name}",
            },
          },
        },
      },
      GAPS,
    );

    expect(causes(result)).toEqual({
      "aws_ssoadmin_permission_set.admin": undefined,
      "data.aws_ssoadmin_permission_set.created": "aws_ssoadmin_permission_set.admin",
      "aws_ssoadmin_account_assignment.created": "data.aws_ssoadmin_permission_set.created",
    });
    expect(names(result.stack, "resource")).toEqual({
      aws_ssoadmin_account_assignment: ["looked_up"],
    });
    expect(names(result.stack, "data")).toEqual({
      aws_ssoadmin_instances: ["sso"],
      aws_ssoadmin_permission_set: ["admin"],
    });
  });
});

describe("import blocks and outputs", () => {
  let result: StrippedStack;
  beforeAll(() => {
    result = stripEmulatorGaps(
      {
        resource: {
          aws_organizations_organization: { organization: { feature_set: "ALL" } },
          aws_organizations_policy: {
            backup: policy("BACKUP_POLICY"),
            backup2: policy("SERVICE_CONTROL_POLICY"),
          },
          aws_organizations_policy_attachment: {
            backup: attachment("${aws_organizations_policy.backup.id}"),
          },
        },
        import: [
          { to: "aws_organizations_organization.organization", id: "o-k7q2mz4x9a" },
          { to: "aws_organizations_policy.backup", id: "p-backup01" },
          { to: "aws_organizations_policy.backup2", id: "p-scp00001" },
          { to: "aws_organizations_policy_attachment.backup", id: "r-ab12:p-backup01" },
        ],
        output: {
          "backup-policy-id": { value: "${aws_organizations_policy.backup.id}", sensitive: true },
          "backup-attachment": { value: "${aws_organizations_policy_attachment.backup.id}" },
          "scp-id": { value: "${aws_organizations_policy.backup2.id}" },
          "root-id": { value: "${aws_organizations_organization.organization.roots[0].id}" },
        },
      },
      GAPS,
    );
  });

  it("drops the import blocks of removed resources only", () => {
    expect(result.stack.import).toEqual([
      { to: "aws_organizations_organization.organization", id: "o-k7q2mz4x9a" },
      { to: "aws_organizations_policy.backup2", id: "p-scp00001" },
    ]);
  });

  it("makes an output that referenced a removed resource publish a stand-in", () => {
    expect(result.stack.output).toEqual({
      "backup-policy-id": {
        value: "emulator-gap:aws_organizations_policy.backup",
        sensitive: true,
      },
      "backup-attachment": { value: "emulator-gap:aws_organizations_policy_attachment.backup" },
      "scp-id": { value: "${aws_organizations_policy.backup2.id}" },
      "root-id": { value: "${aws_organizations_organization.organization.roots[0].id}" },
    });
    expect(result.standIns).toEqual([
      {
        output: "backup-policy-id",
        value: "emulator-gap:aws_organizations_policy.backup",
        replaces: "aws_organizations_policy.backup",
        gap: BACKUP_POLICIES,
      },
      {
        output: "backup-attachment",
        value: "emulator-gap:aws_organizations_policy_attachment.backup",
        replaces: "aws_organizations_policy_attachment.backup",
        gap: BACKUP_POLICIES,
      },
    ]);
  });
});

describe("another stack's stand-in outputs", () => {
  const upstream: UpstreamStandIns = new Map([
    [
      "identity",
      [
        {
          output: "permission-set-arn-admin",
          value: "emulator-gap:aws_ssoadmin_permission_set.admin",
          replaces: "aws_ssoadmin_permission_set.admin",
          gap: PERMISSION_SETS,
        },
      ],
    ],
  ]);
  const remoteState = (stack: string) => ({
    backend: "s3",
    config: {
      bucket: "nwh-terraform-state-111122223333",
      key: `landing-zone/${stack}.tfstate`,
      region: "us-east-1",
    },
  });
  const admin = "data.terraform_remote_state.sso.outputs.permission-set-arn-admin";
  let result: StrippedStack;
  beforeAll(() => {
    result = stripEmulatorGaps(
      {
        resource: {
          aws_iam_role: {
            admin_trust: { name: "admin", assume_role_policy: `{"arn":"\${${admin}}"}` },
            readonly_trust: {
              name: "readonly",
              assume_role_policy: `{"arn":"\${${admin}-readonly}"}`,
            },
            from_logging: {
              name: "logging",
              assume_role_policy:
                '{"arn":"${data.terraform_remote_state.logging.outputs.permission-set-arn-admin}"}',
            },
          },
          aws_iam_role_policy_attachment: {
            admin_trust: {
              role: "${aws_iam_role.admin_trust.name}",
              policy_arn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
            },
          },
        },
        data: {
          // Named unlike the stack it reads: the producer is known by the state key.
          terraform_remote_state: { sso: remoteState("identity"), logging: remoteState("logging") },
        },
        output: {
          "admin-role": { value: `\${${admin}}` },
          "logging-role": { value: "${aws_iam_role.from_logging.arn}" },
        },
      },
      GAPS,
      upstream,
    );
  });

  it("removes what reads a stand-in through remote state, and what depends on that", () => {
    expect(result.removed).toEqual<RemovedResource[]>([
      {
        address: "aws_iam_role.admin_trust",
        gap: PERMISSION_SETS,
        dependsOn: "identity output permission-set-arn-admin",
      },
      {
        address: "aws_iam_role_policy_attachment.admin_trust",
        gap: PERMISSION_SETS,
        dependsOn: "aws_iam_role.admin_trust",
      },
    ]);
  });

  it("keeps what reads another output, or the same output name of another stack", () => {
    expect(names(result.stack, "resource")).toEqual({
      aws_iam_role: ["readonly_trust", "from_logging"],
    });
    expect(names(result.stack, "data")).toEqual({ terraform_remote_state: ["sso", "logging"] });
  });

  it("passes a stand-in on through an output that published it", () => {
    expect(result.stack.output).toEqual({
      "admin-role": { value: `emulator-gap:${admin}` },
      "logging-role": { value: "${aws_iam_role.from_logging.arn}" },
    });
    expect(result.standIns).toEqual([
      {
        output: "admin-role",
        value: `emulator-gap:${admin}`,
        replaces: admin,
        gap: PERMISSION_SETS,
      },
    ]);
  });
});

it("leaves its input as it was", () => {
  const stack: TerraformJson = {
    resource: {
      aws_organizations_policy: { backup: policy("BACKUP_POLICY") },
      aws_organizations_policy_attachment: {
        backup: attachment("${aws_organizations_policy.backup.id}"),
      },
    },
    data: {
      terraform_remote_state: {
        identity: { config: { key: "landing-zone/identity.tfstate" } },
      },
    },
    import: [{ to: "aws_organizations_policy.backup", id: "p-backup01" }],
    output: { id: { value: "${aws_organizations_policy.backup.id}" } },
  };
  const before = structuredClone(stack);

  const result = stripEmulatorGaps(stack, GAPS, new Map([["identity", []]]));

  expect(stack).toEqual(before);
  expect(result.stack).not.toBe(stack);
  expect(result.stack.resource).toEqual({});
  expect(result.stack.import).toEqual([]);
});

describe("withheld arguments", () => {
  const TRAIL = {
    resourceType: "aws_cloudtrail",
    reason: "test",
    failingCall: "CloudTrail: StartLogging",
    emulatorMessage: "KeyError",
    withhold: { argument: "enable_logging", emulatorValue: false },
  };
  const TRUSTED_ACCESS = {
    resourceType: "aws_organizations_organization",
    reason: "test",
    failingCall: "Organizations: EnableAWSServiceAccess",
    emulatorMessage: "InvalidInputException",
    withhold: { argument: "aws_service_access_principals", withoutElement: "iam.amazonaws.com" },
  };

  it("keeps the resource with the value the emulator takes, or the list without the element it refuses", () => {
    const result = stripEmulatorGaps(
      {
        resource: {
          aws_cloudtrail: { trail: { name: "org", enable_logging: true } },
          aws_organizations_organization: {
            organization: {
              feature_set: "ALL",
              aws_service_access_principals: [
                "cloudtrail.amazonaws.com",
                "iam.amazonaws.com",
                "sso.amazonaws.com",
              ],
            },
          },
        },
      },
      [TRAIL, TRUSTED_ACCESS],
    );
    expect(result.stack.resource).toEqual({
      aws_cloudtrail: { trail: { name: "org", enable_logging: false } },
      aws_organizations_organization: {
        organization: {
          feature_set: "ALL",
          aws_service_access_principals: ["cloudtrail.amazonaws.com", "sso.amazonaws.com"],
        },
      },
    });
    expect(result.withheld.map((entry) => entry.address)).toEqual([
      "aws_cloudtrail.trail",
      "aws_organizations_organization.organization",
    ]);
    expect(result.removed).toEqual([]);
  });
});
