import { z } from "zod";
import { ComplianceConfigSchema } from "./compliance-schema";
import { GuardrailsConfigSchema } from "./guardrails-schema";
import { PipelineConfigSchema } from "./pipeline-schema";
import { LoggingConfigSchema, SecurityServicesConfigSchema } from "./logging-schema";
import { OrganizationNetworkSchema } from "./network-schema";
import { AccountId, AccountName, Email, OuPath, Region } from "./primitives";
import { ContactsSchema, CostControlsSchema, OrganizationContactsSchema } from "./vending-schema";

export const MAX_OU_DEPTH = 5;

export const OrganizationalUnitSchema = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .max(128, { error: "is longer than the 128 characters AWS allows for an OU name" })
      .regex(/^[^/]+$/, { error: 'may not contain "/", which separates OU paths' })
      .describe("OU name, unique among its siblings."),
    id: z
      .string()
      .regex(/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/, { error: "is not an OU id (ou-xxxx-xxxxxxxx)" })
      .optional()
      .describe("Id of an OU that already exists; it is imported instead of created."),
    // Annotated: TypeScript can't infer a getter that refers to the schema it belongs to.
    get children(): z.ZodDefault<z.ZodArray<typeof OrganizationalUnitSchema>> {
      return z
        .array(OrganizationalUnitSchema)
        .default([])
        .describe(
          `Child OUs, each with name, id and children. AWS allows ${MAX_OU_DEPTH} levels below the root.`,
        );
    },
  })
  .meta({ id: "OrganizationalUnit", description: "An organizational unit and its children." });

const CoreAccountSchema = z.strictObject({
  name: AccountName.describe("Account name: lowercase slug, unique across the organization."),
  email: Email.describe("Root email of the account, unique across AWS."),
  ou: OuPath,
  id: AccountId.optional().describe(
    "Id of an account that already exists; it is imported instead of created.",
  ),
  contacts: ContactsSchema.optional(),
});

const DATA_CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;

export const OrganizationConfigSchema = z
  .strictObject({
    name: z.string().min(1).max(128).describe("Organization name, used in tags and evidence."),
    resourcePrefix: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,14}[a-z0-9]$/, {
        error: "must be 2–16 lowercase letters, digits or hyphens, starting with a letter",
      })
      .describe(
        "Prefix for the names of resources the landing zone creates, such as acme: 2–16 lowercase letters, digits or hyphens.",
      ),
    managementAccountId: AccountId.describe(
      "Id of the organization's management account: 12 digits, quoted.",
    ),
    managementAccountEmail: Email.optional().describe(
      "Root email of the management account. Macie enrolls an account as a member by id and email, so this is required while securityServices.macie is on.",
    ),
    existingOrganizationId: z
      .string()
      .regex(/^o-[a-z0-9]{10,32}$/, { error: "is not an organization id (o-xxxxxxxxxx)" })
      .optional()
      .describe("Id of the organization if it already exists; it is imported instead of created."),
    homeRegion: Region.describe("Region for organization-wide resources. Must be governed."),
    governedRegions: z
      .array(Region)
      .min(1, { error: "is empty; supply at least one governed region" })
      .describe("Regions where workloads may run and every account gets its baseline."),
    quarantineOu: OuPath.optional().describe(
      "OU for quarantined and closing accounts; attach the deny-all SCP to it. Needed by `npm run account -- quarantine`.",
    ),
    accessRoleName: z
      .string()
      .regex(/^[\w+=,.@-]{1,64}$/, { error: "is not a valid IAM role name" })
      .default("OrganizationAccountAccessRole")
      .describe("Role the landing zone assumes in member accounts."),
    organizationalUnits: z
      .array(OrganizationalUnitSchema)
      .min(1, { error: "is empty; define at least one OU" })
      .describe(
        "The OU tree under the organization root. OU paths must differ in more than case, spaces or punctuation (Prod and prod would share a Terraform address).",
      ),
    coreAccounts: z
      .strictObject({
        logArchive: CoreAccountSchema.describe("Account that keeps the organization's logs."),
        audit: CoreAccountSchema.describe("Security tooling and audit account."),
        sharedServices: CoreAccountSchema.optional().describe("Optional shared services account."),
      })
      .describe("Accounts every landing zone has, outside any environment."),
    stateBackend: z
      .strictObject({
        bucket: z
          .string()
          .regex(/^[a-z0-9][a-z0-9.-]{1,49}[a-z0-9]$/, {
            error:
              "is not an S3 bucket name of at most 51 characters (room for the -access-logs bucket)",
          })
          .describe(
            "S3 bucket for Terraform state; the bootstrap stack creates it and <bucket>-access-logs.",
          ),
        region: Region.describe("Region of the state bucket."),
        keyPrefix: z
          .string()
          .regex(/^[a-zA-Z0-9!_.*'()-]+(\/[a-zA-Z0-9!_.*'()-]+)*$/, {
            error: "must be S3 key segments joined by /, without leading or trailing /",
          })
          .describe("Prefix of every state key: <keyPrefix>/<stack>.tfstate."),
      })
      .describe("Remote state for every stack but bootstrap."),
    defaultTags: z
      .strictObject({
        owner: z.string().min(1).max(256).describe("Team that owns the landing zone."),
        costCenter: z.string().min(1).max(256).describe("Cost centre charged for it."),
        dataClassification: z
          .enum(DATA_CLASSIFICATIONS, {
            error: `must be one of ${DATA_CLASSIFICATIONS.join(", ")}`,
          })
          .describe("Default data classification of resources."),
      })
      .describe("Tags on every resource the landing zone creates."),
    securityContacts: z
      .array(Email)
      .min(1, { error: "is empty; supply at least one security contact" })
      .describe("Emails that receive security notifications."),
    compliance: ComplianceConfigSchema,
    guardrails: GuardrailsConfigSchema,
    pipeline: PipelineConfigSchema,
    logging: LoggingConfigSchema.default(LoggingConfigSchema.parse({})),
    securityServices: SecurityServicesConfigSchema.default(SecurityServicesConfigSchema.parse({})),
    network: OrganizationNetworkSchema.optional(),
    accountContacts: OrganizationContactsSchema.optional(),
    costControls: CostControlsSchema.optional(),
  })
  .describe("The organization-wide file, organization.yaml.");

export type OrganizationalUnitConfig = z.output<typeof OrganizationalUnitSchema>;
export type OrganizationConfig = z.output<typeof OrganizationConfigSchema>;
