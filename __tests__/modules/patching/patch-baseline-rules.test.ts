import { approvalRule, patchGroupName } from "../../../modules/patching/patch-baseline-rules";
import type { PatchApproval } from "../../../modules/patching/patch-baseline-rules";

const SECURITY_ONLY: PatchApproval = {
  complianceLevel: "CRITICAL",
  approveAfterDays: 7,
  approveNonSecurity: false,
};
const WITH_NON_SECURITY: PatchApproval = { ...SECURITY_ONLY, approveNonSecurity: true };

describe("Windows", () => {
  test("approves critical and security updates of the two highest MSRC severities, after the delay", () => {
    expect(approvalRule("WINDOWS", SECURITY_ONLY)).toEqual({
      complianceLevel: "CRITICAL",
      approveAfterDays: 7,
      patchFilter: [
        { key: "CLASSIFICATION", values: ["CriticalUpdates", "SecurityUpdates"] },
        { key: "MSRC_SEVERITY", values: ["Critical", "Important"] },
      ],
    });
  });

  test("adds plain updates when non-security updates are approved", () => {
    expect(approvalRule("WINDOWS", WITH_NON_SECURITY).patchFilter[0].values).toEqual([
      "CriticalUpdates",
      "SecurityUpdates",
      "Updates",
    ]);
  });
});

describe("Ubuntu", () => {
  test("approves by priority alone, with no delay: its packages have no release dates", () => {
    const rule = approvalRule("UBUNTU", SECURITY_ONLY);
    expect(rule).toEqual({
      complianceLevel: "CRITICAL",
      enableNonSecurity: false,
      patchFilter: [{ key: "PRIORITY", values: ["Required", "Important"] }],
    });
    expect(rule).not.toHaveProperty("approveAfterDays");
  });

  test("adds standard priority when non-security updates are approved", () => {
    expect(approvalRule("UBUNTU", WITH_NON_SECURITY)).toMatchObject({
      enableNonSecurity: true,
      patchFilter: [{ key: "PRIORITY", values: ["Required", "Important", "Standard"] }],
    });
  });
});

describe.each(["AMAZON_LINUX_2023", "REDHAT_ENTERPRISE_LINUX"] as const)("%s", (os) => {
  test("approves security patches of the two highest severities, after the delay", () => {
    expect(approvalRule(os, SECURITY_ONLY)).toEqual({
      complianceLevel: "CRITICAL",
      approveAfterDays: 7,
      enableNonSecurity: false,
      patchFilter: [
        { key: "CLASSIFICATION", values: ["Security"] },
        { key: "SEVERITY", values: ["Critical", "Important"] },
      ],
    });
  });

  test("adds bug fixes, from non-security repositories too, when non-security updates are approved", () => {
    expect(approvalRule(os, WITH_NON_SECURITY)).toMatchObject({
      enableNonSecurity: true,
      patchFilter: [
        { key: "CLASSIFICATION", values: ["Security", "Bugfix"] },
        { key: "SEVERITY", values: ["Critical", "Important"] },
      ],
    });
  });
});

test("the compliance level and the delay are the ones given", () => {
  const rule = approvalRule("AMAZON_LINUX_2023", {
    complianceLevel: "MEDIUM",
    approveAfterDays: 0,
    approveNonSecurity: false,
  });
  expect(rule).toMatchObject({ complianceLevel: "MEDIUM", approveAfterDays: 0 });
});

test("a patch group is the environment and the operating system, in lowercase kebab case", () => {
  expect(patchGroupName("prod", "AMAZON_LINUX_2023")).toBe("prod-amazon-linux-2023");
  expect(patchGroupName("staging", "REDHAT_ENTERPRISE_LINUX")).toBe(
    "staging-redhat-enterprise-linux",
  );
  expect(patchGroupName("dev", "WINDOWS")).toBe("dev-windows");
});
