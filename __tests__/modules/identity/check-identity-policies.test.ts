import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadLandingZoneConfig } from "../../../config/loader/load-config";
import type { LandingZoneConfig } from "../../../config/model/landing-zone-config";
import type { PermissionSetConfig } from "../../../config/schema/identity-schema";
import { checkIdentityPolicies } from "../../../modules/identity/check-identity-policies";
import { tempDir } from "../../helpers/temp-dirs";

const VALID = join(__dirname, "..", "..", "fixtures", "config", "valid");
const loaded = loadLandingZoneConfig(VALID);

/** The valid fixture with these permission sets, read from `sourceDir`. */
function withSets(
  permissionSets: PermissionSetConfig[],
  sourceDir = loaded.sourceDir,
): LandingZoneConfig {
  return {
    ...loaded,
    sourceDir,
    identity: {
      file: "identity.yaml",
      config: { ...loaded.identity!.config, permissionSets },
    },
  };
}

const inline = (name: string, document: Record<string, unknown>): PermissionSetConfig => ({
  name,
  description: name,
  managedPolicies: [],
  customerManagedPolicies: [],
  tags: {},
  inlinePolicy: { document },
});

test("a landing zone without identity.yaml has nothing to check", async () => {
  expect(await checkIdentityPolicies({ ...loaded, identity: undefined })).toEqual([]);
});

test("actions that exist pass, exactly named, by wildcard or as *", async () => {
  const config = withSets([
    inline("Fine", {
      Statement: [
        { Effect: "Allow", Action: ["s3:GetObject", "ec2:Describe*", "*"], Resource: "*" },
        { Effect: "Deny", NotAction: "iam:PassRole", Resource: "*" },
      ],
    }),
  ]);
  expect(await checkIdentityPolicies(config)).toEqual([]);
});

test("every action that doesn't exist is reported, in Action and NotAction, with the set and its index", async () => {
  const config = withSets([
    inline("Fine", { Statement: { Effect: "Allow", Action: "s3:GetObject", Resource: "*" } }),
    inline("Misspelled", {
      Statement: [
        { Effect: "Deny", Action: ["iam:CreateUsr", "s3:Frobnicate*"], Resource: "*" },
        { Effect: "Deny", NotAction: "ec2:DescribeInstance", Resource: "*" },
        { Effect: "Deny", Action: 42, Resource: "*" },
      ],
    }),
  ]);
  const problems = await checkIdentityPolicies(config);
  expect(problems.map((problem) => problem.received)).toEqual([
    "iam:CreateUsr",
    "s3:Frobnicate*",
    "ec2:DescribeInstance",
    42,
  ]);
  expect(problems[0]).toEqual({
    file: "identity.yaml",
    path: ["permissionSets", 1, "inlinePolicy"],
    message:
      "(permission set Misspelled) names an action that isn't in AWS's service authorization reference",
    received: "iam:CreateUsr",
    fix: "Correct the action name; a misspelled action grants or denies nothing.",
  });
});

test("an inline policy in a file beside identity.yaml is checked too; one that can't be read is left to the loader", async () => {
  const dir = tempDir();
  writeFileSync(
    join(dir, "developer.json"),
    JSON.stringify({
      Statement: [{ Effect: "Deny", Action: "organizations:LeaveOrganisation", Resource: "*" }],
    }),
  );
  const fromFile = (file: string): PermissionSetConfig => ({
    ...inline(file, {}),
    inlinePolicy: { file },
  });
  const problems = await checkIdentityPolicies(
    withSets([fromFile("developer.json"), fromFile("missing.json")], dir),
  );
  expect(problems).toEqual([
    expect.objectContaining({
      path: ["permissionSets", 0, "inlinePolicy"],
      received: "organizations:LeaveOrganisation",
    }),
  ]);
});
