import { z } from "zod";
import { Email } from "./primitives";

/** AWS Budgets emails at most this many addresses per notification. */
export const BUDGET_MAX_RECIPIENTS = 10;
/** Cost Anomaly Detection emails at most this many addresses per subscription. */
const ANOMALY_MAX_RECIPIENTS = 10;
/** Email subscriptions are sent daily or weekly; IMMEDIATE needs an SNS topic. */
const ANOMALY_FREQUENCIES = ["DAILY", "WEEKLY"] as const;

/** An alternate contact, within the limits of the Account Management API's PutAlternateContact. */
const ContactSchema = z.strictObject({
  name: z.string().trim().min(1).max(64).describe("Person or team to contact."),
  title: z.string().trim().min(1).max(50).describe("Their role, such as Security Officer."),
  email: Email.describe("Where AWS writes to them."),
  phone: z
    .string()
    .regex(/^[\s0-9()+-]{1,25}$/, {
      error: "is not a phone number of up to 25 digits, spaces, +, -, ( and )",
    })
    .describe('Phone number, quoted: "+1 555 0100".'),
});

const contact = (purpose: string) => ContactSchema.describe(purpose);
const SECURITY = "Who AWS contacts about security: abuse reports, compromised credentials.";
const OPERATIONS = "Who AWS contacts about operations: service events and maintenance.";
const BILLING = "Who AWS contacts about billing: invoices and payment.";

/** An account's own alternate contacts, each replacing the organization's of that type. */
export const ContactsSchema = z
  .strictObject({
    security: contact(SECURITY).optional(),
    operations: contact(OPERATIONS).optional(),
    billing: contact(BILLING).optional(),
  })
  .describe(
    "This account's alternate contacts; each type given replaces organization.yaml accountContacts for that type.",
  );

/** organization.yaml `accountContacts`: every account's alternate contacts unless it names its own. */
export const OrganizationContactsSchema = z
  .strictObject({
    security: contact(SECURITY),
    operations: contact(OPERATIONS).optional(),
    billing: contact(BILLING).optional(),
  })
  .describe(
    "Alternate contacts of every account (security required); an account's contacts override them by type.",
  );

export const CostControlsSchema = z
  .strictObject({
    anomalyDetection: z
      .strictObject({
        thresholdUsd: z
          .number()
          .positive({ error: "must be more than 0 USD" })
          .describe("Alert when an anomaly's total cost impact reaches this many USD."),
        frequency: z
          .enum(ANOMALY_FREQUENCIES, {
            error: `must be ${ANOMALY_FREQUENCIES.join(" or ")}; email subscriptions can't be IMMEDIATE`,
          })
          .default("DAILY")
          .describe("How often the alert email is sent: DAILY or WEEKLY."),
        notify: z
          .array(Email)
          .min(1, { error: "is empty; name who reads the anomaly alerts" })
          .max(ANOMALY_MAX_RECIPIENTS, {
            error: `has more than the ${ANOMALY_MAX_RECIPIENTS} recipients AWS allows per subscription`,
          })
          .describe(`Emails alerted, 1 to ${ANOMALY_MAX_RECIPIENTS}.`),
      })
      .optional()
      .describe(
        "Cost Anomaly Detection for the organization: a monitor of every service's spend and an email subscription.",
      ),
  })
  .describe("Cost controls run from the management account.");

/** Environment file `budget`: a monthly budget for each of its accounts. */
export const EnvironmentBudgetSchema = z
  .strictObject({
    monthlyUsd: z
      .number()
      .positive({ error: "must be more than 0 USD" })
      .describe("Monthly cost budget of each account in USD; an account's budget overrides it."),
    notify: z
      .array(Email)
      .max(BUDGET_MAX_RECIPIENTS, {
        error: `has more than the ${BUDGET_MAX_RECIPIENTS} recipients AWS Budgets allows per notification`,
      })
      .default([])
      .describe(
        "Emails told at 80 % and 100 % of actual and 100 % of forecast spend, besides each account's ownerEmail.",
      ),
  })
  .describe("A monthly cost budget for each account of the environment.");

export const AccountBudgetSchema = z
  .strictObject({
    monthlyUsd: z
      .number()
      .positive({ error: "must be more than 0 USD" })
      .describe("This account's monthly budget in USD, instead of the environment's."),
  })
  .describe("This account's own budget amount; recipients are the environment's and ownerEmail.");

export type ContactsConfig = z.output<typeof ContactsSchema>;
export type Contact = NonNullable<ContactsConfig["security"]>;
