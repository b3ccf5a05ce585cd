import { findControls } from "../../../compliance/controls/control";
import { SecurityServiceMembers } from "../../../modules/security/security-service-members";
import type { SecurityServiceMembersProps } from "../../../modules/security/security-service-members";
import { resourcesOf, synthConstruct } from "../../helpers/synth-construct";
import type { StackJson } from "../../helpers/synth-output";

const REGIONS = ["us-east-1", "us-west-2"];
const accounts = [
  { name: "management", id: "111122223333", email: "aws+management@example.com" },
  { name: "prod-data", id: "555566667777", email: "aws+prod-data@example.com" },
];

function synthMembers(props: Partial<SecurityServiceMembersProps>) {
  let made!: SecurityServiceMembers;
  const json = synthConstruct((scope) => {
    made = new SecurityServiceMembers(scope, "members", {
      accounts,
      regions: REGIONS,
      inspector: true,
      macie: true,
      ...props,
    });
  });
  return { json, made, controls: findControls(made).map((placement) => placement.control.id) };
}
const enrolled = (resources: Record<string, StackJson>) =>
  Object.values(resources)
    .map((resource) => `${resource.account_id}@${resource.region}`)
    .sort();
const everyAccountInEveryRegion = accounts
  .flatMap((account) => REGIONS.map((region) => `${account.id}@${region}`))
  .sort();

test("Inspector: every account is associated in every region, then scanned for what the audit account is", () => {
  const { json, controls } = synthMembers({ macie: false });
  expect(enrolled(resourcesOf(json, "aws_inspector2_member_association"))).toEqual(
    everyAccountInEveryRegion,
  );
  const scanning = Object.values(resourcesOf(json, "aws_inspector2_enabler"));
  expect(scanning.map((enabler) => enabler.region)).toEqual(REGIONS);
  for (const enabler of scanning) {
    expect(enabler.account_ids).toEqual(accounts.map((account) => account.id));
    expect(enabler.resource_types).toEqual(["EC2", "ECR", "LAMBDA"]);
    // Scanning an account starts only once it is a member.
    expect([...enabler.depends_on].sort()).toEqual(
      accounts
        .map((account) =>
          expect.stringMatching(
            new RegExp(
              `^aws_inspector2_member_association\\.members_inspector-${account.name}-${enabler.region}_`,
            ),
          ),
        )
        .sort(),
    );
  }
  expect(resourcesOf(json, "aws_macie2_member")).toEqual({});
  expect(controls).toEqual(["vulnerability-scanning"]);
});

test("Macie: every account is a member in every region, by its root email, without an invitation", () => {
  const { json, controls } = synthMembers({ inspector: false });
  const members = resourcesOf(json, "aws_macie2_member");
  expect(enrolled(members)).toEqual(everyAccountInEveryRegion);
  for (const member of Object.values(members))
    expect(member).toEqual({
      region: member.region,
      account_id: member.account_id,
      email: accounts.find((account) => account.id === member.account_id)!.email,
      status: "ENABLED",
      invite: false,
    });
  expect(resourcesOf(json, "aws_inspector2_member_association")).toEqual({});
  expect(controls).toEqual(["sensitive-data-discovery"]);
});

test("members are addressed by account name and region, so adding an account replaces none", () => {
  const { json } = synthMembers({});
  expect(Object.keys(resourcesOf(json, "aws_macie2_member"))).toEqual([
    expect.stringMatching(/^members_macie-management-us-east-1_/),
    expect.stringMatching(/^members_macie-management-us-west-2_/),
    expect.stringMatching(/^members_macie-prod-data-us-east-1_/),
    expect.stringMatching(/^members_macie-prod-data-us-west-2_/),
  ]);
});

test("with no accounts to enroll, nothing is made and no control is claimed", () => {
  const { json, controls } = synthMembers({ accounts: [] });
  expect(json.resource).toBeUndefined();
  expect(controls).toEqual([]);
});

test("with both services off, nothing is made and no control is claimed", () => {
  const { json, controls } = synthMembers({ inspector: false, macie: false });
  expect(json.resource).toBeUndefined();
  expect(controls).toEqual([]);
});
