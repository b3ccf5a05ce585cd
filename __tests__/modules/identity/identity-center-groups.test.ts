import { TerraformOutput } from "cdktf";
import { IdentityCenterGroups } from "../../../modules/identity/identity-center-groups";
import type { IdentityCenterGroupsProps } from "../../../modules/identity/identity-center-groups";
import type { StackJson } from "../../helpers/synth-output";
import { resourcesOf, synthConstruct } from "../../helpers/synth-construct";

const STORE = "d-9067abcdef";
const groups = [
  { name: "Platform Admins", description: "Run the platform" },
  { name: "finance", description: "" },
];

/** The groups, and the id `idOf` gives for each name, as Terraform sees it. */
function synthGroups(source: IdentityCenterGroupsProps["source"]) {
  return synthConstruct((scope) => {
    const made = new IdentityCenterGroups(scope, "groups", {
      identityStoreId: STORE,
      groups,
      source,
    });
    for (const group of groups)
      new TerraformOutput(scope, `id-of-${group.name.replace(/ /g, "-")}`, {
        value: made.idOf(group.name),
      });
  });
}

describe("groups of the identity store", () => {
  let json: StackJson;
  let created: Record<string, StackJson>;
  beforeAll(() => {
    json = synthGroups("identity-store");
    created = resourcesOf(json, "aws_identitystore_group");
  });

  test("are created by display name, addressed by it, and can't be destroyed by accident", () => {
    expect(Object.entries(created)).toEqual([
      [
        expect.stringMatching(/^groups_finance_/),
        {
          identity_store_id: STORE,
          display_name: "finance",
          lifecycle: { prevent_destroy: true },
        },
      ],
      [
        expect.stringMatching(/^groups_platform-admins_/),
        {
          identity_store_id: STORE,
          display_name: "Platform Admins",
          description: "Run the platform",
          lifecycle: { prevent_destroy: true },
        },
      ],
    ]);
    expect(json.data).toBeUndefined();
  });

  test("idOf gives the created group's id", () => {
    const [financeAddress] = Object.keys(created).filter((id) => id.startsWith("groups_finance"));
    expect(json.output["id-of-finance"].value).toBe(
      `\${aws_identitystore_group.${financeAddress}.group_id}`,
    );
  });
});

describe("groups synced from an external IdP", () => {
  let json: StackJson;
  beforeAll(() => {
    json = synthGroups("external-idp");
  });

  test("are looked up by display name, never created", () => {
    expect(resourcesOf(json, "aws_identitystore_group")).toEqual({});
    const lookups = Object.values<Record<string, unknown>>(json.data.aws_identitystore_group);
    expect(lookups).toEqual(
      ["finance", "Platform Admins"].map((name) => ({
        identity_store_id: STORE,
        alternate_identifier: {
          unique_attribute: { attribute_path: "DisplayName", attribute_value: name },
        },
      })),
    );
  });

  test("idOf gives the looked-up group's id", () => {
    expect(json.output["id-of-Platform-Admins"].value).toMatch(
      /^\$\{data\.aws_identitystore_group\.groups_platform-admins_[\w]+\.group_id\}$/,
    );
  });
});

test("an unknown group is refused with the names that exist", () => {
  expect.assertions(1);
  synthConstruct((scope) => {
    const made = new IdentityCenterGroups(scope, "groups", {
      identityStoreId: STORE,
      groups,
      source: "identity-store",
    });
    expect(() => made.idOf("developers")).toThrow(
      'No group "developers"; known: Platform Admins, finance',
    );
  });
});
