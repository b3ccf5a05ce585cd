import { evidenceRetentionDays, evidenceRoleName } from "../../../config/model/evidence-settings";
import type { ComplianceConfig } from "../../../config/schema/compliance-schema";
import type { OrganizationConfig } from "../../../config/schema/organization-schema";

const compliance = (settings: Partial<ComplianceConfig>) =>
  ({ minimumLogRetentionDays: 365, ...settings }) as ComplianceConfig;
const organization = (evidenceRoleName?: string) =>
  ({ resourcePrefix: "acme", pipeline: { evidenceRoleName } }) as OrganizationConfig;

test("evidence is locked as long as the log minimum unless config says longer", () => {
  expect(evidenceRetentionDays(compliance({}))).toBe(365);
  expect(evidenceRetentionDays(compliance({ minimumLogRetentionDays: 730 }))).toBe(730);
  expect(evidenceRetentionDays(compliance({ evidenceRetentionDays: 2555 }))).toBe(2555);
});

test("the evidence role is named after the prefix unless config names it", () => {
  expect(evidenceRoleName(organization())).toBe("acme-evidence");
  expect(evidenceRoleName(organization("acme-lz-evidence"))).toBe("acme-lz-evidence");
});
