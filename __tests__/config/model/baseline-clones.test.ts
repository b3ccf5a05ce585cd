import { loadLandingZoneConfig } from "../../../config/loader/load-config";
import { planBaselineClones } from "../../../config/model/baseline-clones";
import { EXAMPLE_CONFIG_DIR } from "../../helpers/example-config";
import { generatedOrganization } from "../../helpers/generated-organization";

/** 4 accounts in each of dev, staging and prod; prod-svc-0001 with its own operations contact. */
const config = loadLandingZoneConfig(
  generatedOrganization(12, [
    [
      "prod.yaml",
      "    ownerEmail: team-1@northwind-health.com\n",
      "    ownerEmail: team-1@northwind-health.com\n    contacts:\n      operations: { name: Lena Hoffmann, title: Lead, email: oncall@northwind-health.com, phone: '+1 555 0110' }\n",
    ],
    [
      "staging.yaml",
      "    ownerEmail: team-2@northwind-health.com\n",
      '    ownerEmail: team-2@northwind-health.com\n    id: "777788889999"\n    lifecycle: { state: quarantined, reason: Credentials leaked, since: 2026-11-29 }\n',
    ],
  ]),
);
const plan = planBaselineClones(config);
const groupOf = (environment: string) =>
  plan.groups.find((group) => group.template.name.startsWith(`${environment}-`));

test("accounts of one environment and one shape are cloned from a template, proven on a verifier", () => {
  const dev = groupOf("dev")!;
  expect(dev.template).toEqual({
    name: "dev-svc-0000",
    cidrs: { "us-east-1": "10.0.0.0/22", "us-west-2": "10.0.4.0/22" },
  });
  // Names of one length: the verifier is the last of the longest, the clones the rest.
  expect(dev.verifier.name).toBe("dev-svc-0003");
  expect(dev.clones.map((clone) => clone.name)).toEqual(["dev-svc-0001", "dev-svc-0002"]);
  expect(plan.cloned.has("dev-svc-0002")).toBe(true);
  expect(plan.cloned.has("dev-svc-0000")).toBe(false);
});

test("an account of its own shape (own contacts) is synthesized, and so is a group left under three", () => {
  // prod: one account with its own contacts leaves three of the shape: template, verifier, clone.
  const prod = groupOf("prod")!;
  expect([prod.template, prod.verifier, ...prod.clones].map((fields) => fields.name)).toEqual([
    "prod-svc-0000",
    "prod-svc-0003",
    "prod-svc-0002",
  ]);
  expect(plan.cloned.has("prod-svc-0001")).toBe(false);
  // staging: the quarantined account's baseline is held, so three remain.
  const staging = groupOf("staging")!;
  expect(plan.cloned.has("staging-svc-0002")).toBe(false);
  expect(staging.clones).toHaveLength(1);
});

test("the verifier has the longest name and the template the shortest, so a clone's lies between", () => {
  const mixed = planBaselineClones(
    loadLandingZoneConfig(
      generatedOrganization(12, [
        ["dev.yaml", /dev-svc-0002/g, "dev-svc-0002-with-a-long-name"],
        ["dev.yaml", /dev-svc-0000/g, "dev-a"],
        ["identity.yaml", "dev-svc-0000", "dev-a"],
      ]),
    ),
  );
  const dev = mixed.groups.find((group) => group.template.name.startsWith("dev-"))!;
  expect(dev.template.name).toBe("dev-a");
  expect(dev.verifier.name).toBe("dev-svc-0002-with-a-long-name");
});

test("the example has no shape of three accounts, so nothing is cloned", () => {
  // prod-platform is imported, prod-data has its own contacts; staging and dev have two each.
  expect(planBaselineClones(loadLandingZoneConfig(EXAMPLE_CONFIG_DIR))).toEqual({
    groups: [],
    cloned: new Set(),
  });
});
