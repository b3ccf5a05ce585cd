import { z } from "zod";
import { BaselineSchema } from "./baseline-schema";
import { ACCOUNT_STATES } from "./account-lifecycle";
import { AccountId, AccountName, Email, OuPath, Tags } from "./primitives";

const EnvironmentName = z.string().regex(/^[a-z][a-z0-9-]{0,19}$/, {
  error: "must be 1–20 lowercase letters, digits or hyphens, starting with a letter",
});

const WorkloadAccountSchema = z.strictObject({
  name: AccountName.describe("Account name: lowercase slug, unique across the organization."),
  email: Email.describe("Root email of the account, unique across AWS."),
  owner: z
    .string()
    .min(1)
    .max(256)
    .describe("Team or person accountable for the account; becomes its Owner tag."),
  id: AccountId.optional().describe(
    "Id of an account that already exists; it is imported instead of created.",
  ),
  tags: Tags.default({}),
  ou: OuPath.optional().describe("OU of this account when it differs from the environment's."),
  lifecycle: z
    .strictObject({
      state: z
        .enum(ACCOUNT_STATES)
        .describe("quarantined: in the quarantine OU; closing: to be closed when removed."),
      reason: z
        .string()
        .trim()
        .min(10, { error: "is too short to explain a quarantine (10 characters at least)" })
        .describe("Why, for the evidence and for whoever releases or closes the account."),
      since: z.iso
        .date({ error: "is not a date in YYYY-MM-DD form" })
        .describe("When the account entered this state."),
    })
    .optional()
    .describe("Set by `npm run account -- quarantine|close`: the account's lifecycle state."),
  movedFrom: EnvironmentName.optional().describe(
    "Set by `npm run account -- move`: the environment whose stack held the account. Until the move is applied, that stack forgets the account (a removed block) and this one imports it by id. Remove it once both stacks are applied (`npm run account -- moved --name <name>`).",
  ),
});

export const EnvironmentConfigSchema = z
  .strictObject({
    name: EnvironmentName.describe(
      "Environment name; must match the file name (prod.yaml holds prod).",
    ),
    ou: OuPath.describe("OU that holds the environment's accounts, by path: Workloads/Production."),
    accounts: z.array(WorkloadAccountSchema).default([]).describe("The environment's accounts."),
    baseline: BaselineSchema.default({}),
  })
  .describe("One environment file, such as prod.yaml.");

export type EnvironmentConfig = z.output<typeof EnvironmentConfigSchema>;
