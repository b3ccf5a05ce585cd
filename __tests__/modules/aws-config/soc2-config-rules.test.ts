import {
  conformancePackRules,
  soc2ConfigRules,
} from "../../../modules/aws-config/soc2-config-rules";
import { CIS_PASSWORD_POLICY } from "../../../modules/baseline/account-hardening";

const SETTINGS = { minimumLogRetentionDays: 400, minimumBackupRetentionDays: 90 };

describe("the SOC 2 rule set", () => {
  const rules = soc2ConfigRules(SETTINGS);
  const parametersOf = (identifier: string) =>
    rules.find((rule) => rule.identifier === identifier)?.parameters;

  test("lists each AWS managed rule once, each supporting at least one criterion", () => {
    const identifiers = rules.map((rule) => rule.identifier);
    expect(new Set(identifiers).size).toBe(identifiers.length);
    for (const rule of rules) {
      expect(rule.identifier).toMatch(/^[A-Z0-9]+(_[A-Z0-9]+)*$/);
      expect(rule.criteria.length).toBeGreaterThan(0);
    }
  });

  test("checks log and backup retention against the organization's minimums", () => {
    expect(parametersOf("CW_LOGGROUP_RETENTION_PERIOD_CHECK")).toEqual({
      MinRetentionTime: "400",
    });
    expect(parametersOf("BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK")).toEqual({
      requiredFrequencyValue: "1",
      requiredFrequencyUnit: "days",
      requiredRetentionDays: "90",
    });
  });

  test("checks the password policy AccountHardening sets, so a compliant account passes", () => {
    expect(parametersOf("IAM_PASSWORD_POLICY")).toEqual({
      MinimumPasswordLength: String(CIS_PASSWORD_POLICY.minimumPasswordLength),
      PasswordReusePrevention: String(CIS_PASSWORD_POLICY.passwordReusePrevention),
      MaxPasswordAge: String(CIS_PASSWORD_POLICY.maxPasswordAge),
    });
  });
});

describe("the conformance pack's rules", () => {
  const core = soc2ConfigRules(SETTINGS);

  test("without additional rules, are the SOC 2 set", () => {
    expect(conformancePackRules(SETTINGS, [])).toEqual(core);
  });

  test("append the additional rules in their order, with no criteria claimed", () => {
    expect(
      conformancePackRules(SETTINGS, ["RDS_STORAGE_ENCRYPTED", "EKS_SECRETS_ENCRYPTED"]),
    ).toEqual([
      ...core,
      { identifier: "RDS_STORAGE_ENCRYPTED", criteria: [] },
      { identifier: "EKS_SECRETS_ENCRYPTED", criteria: [] },
    ]);
  });

  test("skip additional rules the SOC 2 set already has, keeping its criteria and parameters", () => {
    const rules = conformancePackRules(SETTINGS, ["IAM_PASSWORD_POLICY", "RDS_STORAGE_ENCRYPTED"]);
    expect(rules).toHaveLength(core.length + 1);
    expect(rules.filter((rule) => rule.identifier === "IAM_PASSWORD_POLICY")).toEqual([
      core.find((rule) => rule.identifier === "IAM_PASSWORD_POLICY"),
    ]);
  });
});
