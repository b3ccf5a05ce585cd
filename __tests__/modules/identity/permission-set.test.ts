import { findControls } from "../../../compliance/controls/control";
import type { PermissionSetConfig } from "../../../config/schema/identity-schema";
import {
  PermissionSet,
  permissionSetConstructId,
  sessionDurationOf,
} from "../../../modules/identity/permission-set";
import type { PermissionSetProps } from "../../../modules/identity/permission-set";
import type { StackJson } from "../../helpers/synth-output";
import { resourcesOf, synthConstruct } from "../../helpers/synth-construct";

const INSTANCE = "arn:aws:sso:::instance/ssoins-0123456789abcdef";

function permissionSet(overrides: Partial<PermissionSetConfig> = {}): PermissionSetConfig {
  return {
    name: "Developer",
    description: "Builds and runs workloads",
    managedPolicies: [],
    customerManagedPolicies: [],
    tags: {},
    ...overrides,
  };
}

function synthSet(props: Omit<PermissionSetProps, "instanceArn">) {
  let made!: PermissionSet;
  const json = synthConstruct((scope) => {
    made = new PermissionSet(scope, permissionSetConstructId(props.config.name), {
      instanceArn: INSTANCE,
      ...props,
    });
  });
  return { json, made };
}

const only = (json: StackJson, type: string) => {
  const all = Object.values(resourcesOf(json, type));
  expect(all).toHaveLength(1);
  return all[0];
};
/** A reference to the permission set's ARN, as Terraform sees it. */
const SET_ARN =
  /^\$\{aws_ssoadmin_permission_set\.permission-set-[\w-]+_permission-set_\w+\.arn\}$/;

describe("session duration", () => {
  test.each<[string, Partial<PermissionSetConfig>, string]>([
    ["an ordinary set gets 4 hours", {}, "PT4H"],
    [
      "a privileged set gets 1 hour",
      { privileged: { justification: "Administers the platform's accounts" } },
      "PT1H",
    ],
    ["a configured duration wins", { sessionDuration: "PT8H" }, "PT8H"],
    [
      "a configured duration wins for a privileged set too",
      {
        sessionDuration: "PT2H",
        privileged: { justification: "Administers the platform's accounts" },
      },
      "PT2H",
    ],
  ])("%s", (_, overrides, expected) => {
    expect(sessionDurationOf(permissionSet(overrides))).toBe(expected);
    expect(
      only(synthSet({ config: permissionSet(overrides) }).json, "aws_ssoadmin_permission_set")
        .session_duration,
    ).toBe(expected);
  });
});

test("the construct id comes from the name, so the set's addresses follow its name", () => {
  expect(permissionSetConstructId("Break Glass.Admin")).toBe("permission-set-break-glass-admin");
});

test("a plain set is just the set: described, in the instance, tagged as configured", () => {
  const { json, made } = synthSet({
    config: permissionSet({
      tags: { CostCenter: "eng" },
      relayState: "https://console.aws.amazon.com/ec2",
    }),
  });
  expect(Object.keys(json.resource)).toEqual(["aws_ssoadmin_permission_set"]);
  expect(only(json, "aws_ssoadmin_permission_set")).toEqual({
    instance_arn: INSTANCE,
    name: "Developer",
    description: "Builds and runs workloads",
    session_duration: "PT4H",
    relay_state: "https://console.aws.amazon.com/ec2",
    tags: { CostCenter: "eng" },
  });
  expect(findControls(made).map((placement) => placement.control.id)).toEqual([
    "identity-center-permission-sets",
  ]);
});

test("a privileged set is tagged Privileged beside its own tags", () => {
  const { json } = synthSet({
    config: permissionSet({
      tags: { CostCenter: "eng" },
      privileged: { justification: "Administers the platform's accounts" },
    }),
  });
  expect(only(json, "aws_ssoadmin_permission_set").tags).toEqual({
    CostCenter: "eng",
    Privileged: "true",
  });
});

describe("policies", () => {
  let json: StackJson;
  beforeAll(() => {
    json = synthSet({
      config: permissionSet({
        managedPolicies: [
          "arn:aws:iam::aws:policy/PowerUserAccess",
          "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
        ],
        customerManagedPolicies: [{ name: "lz-developer-extras", path: "/lz/" }],
        permissionsBoundary: { managedPolicy: "arn:aws:iam::aws:policy/PowerUserAccess" },
      }),
      inlinePolicy: {
        Version: "2012-10-17",
        Statement: [
          { Sid: "NoOrganizations", Effect: "Deny", Action: "organizations:*", Resource: "*" },
        ],
      },
    }).json;
  });

  test("each managed policy is attached to this set, addressed by the policy's name", () => {
    const attachments = Object.entries(resourcesOf(json, "aws_ssoadmin_managed_policy_attachment"));
    expect(attachments.map(([id, attachment]) => [id, attachment.managed_policy_arn])).toEqual([
      [
        expect.stringContaining("_managed-policy-PowerUserAccess_"),
        "arn:aws:iam::aws:policy/PowerUserAccess",
      ],
      [
        expect.stringContaining("_managed-policy-ViewOnlyAccess_"),
        "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
      ],
    ]);
    for (const [, attachment] of attachments) {
      expect(attachment.instance_arn).toBe(INSTANCE);
      expect(attachment.permission_set_arn).toMatch(SET_ARN);
    }
  });

  test("customer-managed policies are referenced by name and path", () => {
    expect(only(json, "aws_ssoadmin_customer_managed_policy_attachment")).toEqual({
      instance_arn: INSTANCE,
      permission_set_arn: expect.stringMatching(SET_ARN),
      customer_managed_policy_reference: { name: "lz-developer-extras", path: "/lz/" },
    });
  });

  test("the inline policy is the given document, unchanged", () => {
    const inline = only(json, "aws_ssoadmin_permission_set_inline_policy");
    expect(inline.permission_set_arn).toMatch(SET_ARN);
    expect(JSON.parse(inline.inline_policy)).toEqual({
      Version: "2012-10-17",
      Statement: [
        { Sid: "NoOrganizations", Effect: "Deny", Action: "organizations:*", Resource: "*" },
      ],
    });
  });

  test("an AWS managed boundary is attached by ARN", () => {
    expect(only(json, "aws_ssoadmin_permissions_boundary_attachment").permissions_boundary).toEqual(
      {
        managed_policy_arn: "arn:aws:iam::aws:policy/PowerUserAccess",
      },
    );
  });
});

test("a customer-managed boundary is attached by reference", () => {
  const { json } = synthSet({
    config: permissionSet({
      permissionsBoundary: { customerManagedPolicy: { name: "lz-boundary", path: "/" } },
    }),
  });
  expect(only(json, "aws_ssoadmin_permissions_boundary_attachment").permissions_boundary).toEqual({
    customer_managed_policy_reference: { name: "lz-boundary", path: "/" },
  });
});

test("an inline policy named in config is attached only as the document the stack read and passed", () => {
  const { json } = synthSet({
    config: permissionSet({ inlinePolicy: { file: "developer.json" } }),
  });
  expect(resourcesOf(json, "aws_ssoadmin_permission_set_inline_policy")).toEqual({});
});
