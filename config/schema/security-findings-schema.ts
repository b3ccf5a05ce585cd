import { z } from "zod";
import { Email } from "./primitives";

/** Finding severities, lowest first: an alert threshold takes this one and those after it. */
export const FINDING_SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

const HttpsEndpoint = z.url({
  protocol: /^https$/,
  hostname: z.regexes.domain,
  error: "is not an https:// URL with a domain name (SNS delivers findings over TLS only here)",
});

export const FindingAlertsSchema = z
  .strictObject({
    minimumSeverity: z
      .enum(FINDING_SEVERITIES, { error: `must be one of ${FINDING_SEVERITIES.join(", ")}` })
      .default("HIGH")
      .describe("Least severity that alerts: findings of this severity and above are sent."),
    emails: z
      .array(Email)
      .min(1, { error: "is empty; leave emails out to alert the security contacts" })
      .optional()
      .describe(
        "Emails subscribed to the findings topic; each confirms its subscription once. Default: securityContacts.",
      ),
    httpsEndpoints: z
      .array(HttpsEndpoint)
      .default([])
      .describe(
        "HTTPS endpoints subscribed to the findings topic, such as a paging or chat webhook; the endpoint confirms its subscription. The URL is kept in the Terraform state.",
      ),
  })
  .describe(
    "Routes security findings at or above a severity to an encrypted SNS topic in the audit account's home region. Left out, findings stay in Security Hub and nobody is alerted.",
  );

const DisabledControlSchema = z
  .strictObject({
    control: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]*\.\d+$/, {
        error:
          "is not a Security Hub security control id such as IAM.6 (the consolidated id, not a standard's own numbering such as CIS 1.6)",
      })
      .describe("Security control id, such as IAM.6 or EC2.10."),
    justification: z
      .string()
      .trim()
      .min(20, {
        error: "is too short to justify disabling a control to an auditor (20 characters at least)",
      })
      .describe("Why the control doesn't apply or what compensates for it; shown in the evidence."),
    expires: z.iso
      .date({ error: "is not a date in YYYY-MM-DD form" })
      .describe(
        "Date after which the tuning lapses and synth fails until it is renewed or the control enabled again.",
      ),
  })
  .describe("A control switched off for the whole organization, why, and until when.");

export const SecurityHubTuningSchema = z
  .strictObject({
    disabledControls: z
      .array(DisabledControlSchema)
      .default([])
      .describe(
        "Controls the central configuration policy disables, in every enabled standard, account and governed region; each justified, with an expiry, and listed in the evidence.",
      ),
  })
  .describe("Tuning of Security Hub's controls.");

export type DisabledControlConfig = z.output<typeof DisabledControlSchema>;
