import { z } from "zod";
import { BaselineSchema } from "./baseline-schema";
import { ACCOUNT_STATES } from "./account-lifecycle";
import { EnvironmentNetworkSchema } from "./network-schema";
import { AccountId, AccountName, Email, EnvironmentName, OuPath, Tags } from "./primitives";
import { AccountBudgetSchema, ContactsSchema, EnvironmentBudgetSchema } from "./vending-schema";

const WorkloadAccountSchema = z.strictObject({
  name: AccountName.describe("Account name: lowercase slug, unique across the organization."),
  email: Email.describe("Root email of the account, unique across AWS."),
  owner: z
    .string()
    .min(1)
    .max(256)
    .describe("Team or person accountable for the account; becomes its Owner tag."),
  ownerEmail: Email.optional().describe(
    "Where the owner is reached: the account's budget notifications go here.",
  ),
  budget: AccountBudgetSchema.optional(),
  contacts: ContactsSchema.optional(),
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
    budget: EnvironmentBudgetSchema.optional(),
    network: EnvironmentNetworkSchema.optional(),
  })
  .describe("One environment file, such as prod.yaml.");

export type EnvironmentConfig = z.output<typeof EnvironmentConfigSchema>;
export type WorkloadAccountConfig = EnvironmentConfig["accounts"][number];
