import {
  DescribeHubCommand,
  paginateDescribeStandardsControls,
  paginateGetEnabledStandards,
  paginateGetFindings,
  SecurityHubClient,
} from "@aws-sdk/client-securityhub";
import { errorName } from "../aws-access";
import type { ClientPool } from "../aws-access";
import type { EvidenceCheck, EvidenceRun, Flag } from "../evidence-run";
import { flagFor } from "../evidence-run";

const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"] as const;

async function readHub(clients: ClientPool, region: string, accountId: string) {
  const client = clients.client(SecurityHubClient, region);
  try {
    await client.send(new DescribeHubCommand({}));
  } catch (error) {
    // Security Hub answers this way in an account and region where it is off.
    if (errorName(error) === "InvalidAccessException") return { enabled: false as const };
    throw error;
  }
  const standards = [];
  for await (const page of paginateGetEnabledStandards({ client }, {}))
    standards.push(...(page.StandardsSubscriptions ?? []));
  const disabledControls = [];
  for (const standard of standards) {
    for await (const page of paginateDescribeStandardsControls(
      { client },
      { StandardsSubscriptionArn: standard.StandardsSubscriptionArn },
    ))
      for (const control of page.Controls ?? [])
        if (control.ControlStatus === "DISABLED")
          disabledControls.push({
            standard: standard.StandardsArn ?? "",
            control: control.ControlId ?? "",
            title: control.Title ?? "",
            severity: control.SeverityRating ?? "",
            reason: control.DisabledReason ?? "",
            since: control.ControlStatusUpdatedAt?.toISOString() ?? null,
          });
  }
  const bySeverity: Record<string, number> = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  const byControl = new Map<string, { control: string; severity: string; failed: number }>();
  // Active findings a person still has to deal with, of this account only (the administrator
  // account sees its members' findings too).
  for await (const page of paginateGetFindings(
    { client },
    {
      Filters: {
        AwsAccountId: [{ Value: accountId, Comparison: "EQUALS" }],
        RecordState: [{ Value: "ACTIVE", Comparison: "EQUALS" }],
        WorkflowStatus: [
          { Value: "NEW", Comparison: "EQUALS" },
          { Value: "NOTIFIED", Comparison: "EQUALS" },
        ],
      },
      MaxResults: 100,
    },
  )) {
    for (const finding of page.Findings ?? []) {
      const severity = finding.Severity?.Label ?? "INFORMATIONAL";
      bySeverity[severity] = (bySeverity[severity] ?? 0) + 1;
      const control = finding.Compliance?.SecurityControlId;
      if (control && finding.Compliance?.Status === "FAILED") {
        const entry = byControl.get(control) ?? { control, severity, failed: 0 };
        entry.failed += 1;
        byControl.set(control, entry);
      }
    }
  }
  return {
    enabled: true as const,
    standards: standards.map((standard) => ({
      standard: standard.StandardsArn ?? "",
      status: standard.StandardsStatus ?? "",
    })),
    findingsBySeverity: bySeverity,
    failedControls: [...byControl.values()].sort(
      (a, b) => b.failed - a.failed || a.control.localeCompare(b.control),
    ),
    disabledControls,
  };
}

/**
 * Security Hub in every account and governed region: whether it is on, the standards enabled, the
 * active findings by severity and the failing controls, and every disabled control with its
 * reason. Security Hub off, a standard not READY, critical or high findings, and a control
 * disabled without a reason are flagged.
 */
export const SECURITY_HUB: EvidenceCheck = {
  id: "security-hub",
  title:
    "Security Hub per account and region: enabled standards, active findings by severity and by control, disabled controls",
  criteria: ["CC7.1", "CC7.2", "CC4.1", "CC4.2"],
  covers: "collection time",
  async collect(run: EvidenceRun) {
    const units = await run.eachAccountRegion(this.id, ({ account, clients, region }) =>
      readHub(clients, region, account.id),
    );
    const flags: Flag[] = [];
    for (const { account, region, value } of units) {
      if (!value.enabled) {
        flags.push(flagFor(account, "Security Hub is not enabled", region));
        continue;
      }
      for (const standard of value.standards.filter((s) => s.status !== "READY"))
        flags.push(flagFor(account, `standard ${standard.standard} is ${standard.status}`, region));
      const { CRITICAL: critical = 0, HIGH: high = 0 } = value.findingsBySeverity;
      if (critical + high > 0)
        flags.push(
          flagFor(account, `${critical} critical and ${high} high active findings`, region),
        );
      for (const control of value.disabledControls.filter((c) => !c.reason))
        flags.push(
          flagFor(account, `control ${control.control} is disabled without a reason`, region),
        );
    }
    const enabled = units.filter((unit) => unit.value.enabled);
    const total = (severity: string) =>
      enabled.reduce(
        (sum, unit) =>
          sum + (unit.value.enabled ? (unit.value.findingsBySeverity[severity] ?? 0) : 0),
        0,
      );
    return {
      summary: {
        accountRegions: units.length,
        enabled: enabled.length,
        ...Object.fromEntries(
          SEVERITIES.map((severity) => [`${severity.toLowerCase()}Findings`, total(severity)]),
        ),
        disabledControls: enabled.reduce(
          (sum, unit) => sum + (unit.value.enabled ? unit.value.disabledControls.length : 0),
          0,
        ),
      },
      flags,
      results: {
        accounts: units.map(({ account, region, value }) => ({
          account: account.name,
          accountId: account.id,
          region,
          ...value,
        })),
      },
    };
  },
};
