/**
 * The AICPA Trust Services Criteria (2017, points of focus revised 2022), titles paraphrased.
 * `organizational` names the config owner of the part no infrastructure can meet.
 */

import type { CriterionCategory, OrganizationalArea } from "../../config/schema/compliance-schema";

interface CriterionDefinition {
  readonly id: string;
  readonly category: CriterionCategory;
  readonly title: string;
  readonly organizational?: readonly OrganizationalArea[];
  /** Met by the cloud provider for what it runs, and shown by its own audit report. */
  readonly inherited?: InheritedCriterion;
}

export interface InheritedCriterion {
  /** Who meets the criterion. */
  readonly from: string;
  /** What of it they meet. */
  readonly covers: string;
  /** The report an auditor obtains, and where. */
  readonly evidence: string;
}

const security = (id: string, title: string, ...organizational: OrganizationalArea[]) =>
  ({ id, category: "security", title, organizational }) as const;

const TRUST_SERVICES_CRITERIA = [
  security("CC1.1", "The entity shows it values integrity and ethics", "informationSecurityPolicy"),
  security(
    "CC1.2",
    "The board oversees internal control independently of management",
    "informationSecurityPolicy",
  ),
  security(
    "CC1.3",
    "Management sets structures, reporting lines and responsibilities",
    "informationSecurityPolicy",
  ),
  security("CC1.4", "The entity attracts, develops and keeps competent people", "training"),
  security(
    "CC1.5",
    "People are held accountable for their control duties",
    "informationSecurityPolicy",
  ),
  security(
    "CC2.1",
    "Relevant, quality information supports internal control",
    "informationSecurityPolicy",
  ),
  security("CC2.2", "Control objectives and duties are communicated internally", "training"),
  security(
    "CC2.3",
    "Matters affecting control are communicated to outside parties",
    "incidentResponse",
  ),
  security("CC3.1", "Objectives are specified clearly enough to identify risks", "riskAssessment"),
  security("CC3.2", "Risks to objectives are identified and analysed", "riskAssessment"),
  security("CC3.3", "The potential for fraud is considered in risk assessment", "riskAssessment"),
  security(
    "CC3.4",
    "Changes that could affect internal control are identified and assessed",
    "riskAssessment",
    "changeManagementPolicy",
  ),
  security(
    "CC4.1",
    "Controls are evaluated on an ongoing or separate basis",
    "informationSecurityPolicy",
  ),
  security(
    "CC4.2",
    "Control deficiencies are communicated and corrected in time",
    "informationSecurityPolicy",
  ),
  security(
    "CC5.1",
    "Control activities are chosen to bring risk to acceptable levels",
    "riskAssessment",
  ),
  security(
    "CC5.2",
    "General controls over technology are selected and developed",
    "informationSecurityPolicy",
  ),
  security(
    "CC5.3",
    "Control activities are deployed through policies and procedures",
    "informationSecurityPolicy",
  ),
  security(
    "CC6.1",
    "Logical access to information assets is restricted by security software and architecture",
    "accessControlPolicy",
  ),
  security(
    "CC6.2",
    "Users are registered and authorized before credentials are issued",
    "accessControlPolicy",
  ),
  security(
    "CC6.3",
    "Access is granted, changed and removed by role, with least privilege and segregation of duties",
    "accessControlPolicy",
  ),
  {
    ...security("CC6.4", "Physical access to facilities and assets is restricted"),
    inherited: {
      from: "AWS",
      covers:
        "physical access to the data centres and hardware that run the organization's accounts; the landing zone runs no facilities of its own",
      evidence: "AWS SOC 2 Type 2 report, available through AWS Artifact",
    },
  },
  security("CC6.5", "Assets are disposed of only after their data is protected or erased"),
  security("CC6.6", "Threats from outside the system boundary are kept out"),
  security("CC6.7", "Data is protected in transit and its movement is restricted"),
  security("CC6.8", "Unauthorized or malicious software is prevented or detected"),
  security("CC7.1", "Configuration changes and new vulnerabilities are detected"),
  security("CC7.2", "System components are monitored for anomalies that signal attacks or errors"),
  security(
    "CC7.3",
    "Security events are evaluated to decide whether they are incidents",
    "incidentResponse",
  ),
  security(
    "CC7.4",
    "Security incidents are responded to with a defined programme",
    "incidentResponse",
  ),
  security(
    "CC7.5",
    "The entity recovers from identified security incidents",
    "incidentResponse",
    "businessContinuity",
  ),
  security(
    "CC8.1",
    "Changes to infrastructure and software are authorized, tested, approved and recorded",
    "changeManagementPolicy",
  ),
  security(
    "CC9.1",
    "Risks from business disruption are identified and mitigated",
    "businessContinuity",
    "riskAssessment",
  ),
  security(
    "CC9.2",
    "Risks from vendors and business partners are assessed and managed",
    "vendorReviews",
  ),
  {
    id: "A1.1",
    category: "availability",
    title: "Capacity is managed and evaluated to meet availability commitments",
  },
  {
    id: "A1.2",
    category: "availability",
    title: "Environmental protections, backups and recovery infrastructure are in place",
    organizational: ["businessContinuity"],
  },
  {
    id: "A1.3",
    category: "availability",
    title: "Recovery plans are tested",
    organizational: ["businessContinuity"],
  },
  {
    id: "C1.1",
    category: "confidentiality",
    title: "Confidential information is identified and protected",
  },
  {
    id: "C1.2",
    category: "confidentiality",
    title: "Confidential information is disposed of as committed",
  },
  {
    id: "PI1.1",
    category: "processing-integrity",
    title: "Information about processing objectives is obtained and communicated",
  },
  {
    id: "PI1.2",
    category: "processing-integrity",
    title: "System inputs are complete and accurate",
  },
  {
    id: "PI1.3",
    category: "processing-integrity",
    title: "Processing is complete, accurate and timely",
  },
  {
    id: "PI1.4",
    category: "processing-integrity",
    title: "Outputs are complete, accurate and delivered only as intended",
  },
  {
    id: "PI1.5",
    category: "processing-integrity",
    title: "Stored inputs and outputs are kept complete and accurate",
  },
  { id: "P1.1", category: "privacy", title: "Data subjects are told about privacy practices" },
  { id: "P2.1", category: "privacy", title: "Choice and consent are offered and recorded" },
  {
    id: "P3.1",
    category: "privacy",
    title: "Personal information is collected only for identified purposes",
  },
  { id: "P3.2", category: "privacy", title: "Explicit consent is obtained where required" },
  {
    id: "P4.1",
    category: "privacy",
    title: "Personal information is used only for identified purposes",
  },
  {
    id: "P4.2",
    category: "privacy",
    title: "Personal information is retained only as long as needed",
  },
  { id: "P4.3", category: "privacy", title: "Personal information is disposed of securely" },
  { id: "P5.1", category: "privacy", title: "Data subjects can access their personal information" },
  {
    id: "P5.2",
    category: "privacy",
    title: "Data subjects can correct their personal information",
  },
  {
    id: "P6.1",
    category: "privacy",
    title: "Personal information is disclosed to third parties only with consent",
  },
  { id: "P6.2", category: "privacy", title: "Authorized disclosures are recorded" },
  { id: "P6.3", category: "privacy", title: "Unauthorized disclosures are recorded" },
  {
    id: "P6.4",
    category: "privacy",
    title: "Third parties' privacy commitments are obtained and monitored",
  },
  { id: "P6.5", category: "privacy", title: "Third parties report unauthorized disclosures" },
  { id: "P6.6", category: "privacy", title: "Affected parties are notified of breaches" },
  {
    id: "P6.7",
    category: "privacy",
    title: "Data subjects can get an account of their information's disclosures",
  },
  { id: "P7.1", category: "privacy", title: "Personal information is kept accurate and complete" },
  {
    id: "P8.1",
    category: "privacy",
    title: "Privacy inquiries, complaints and disputes are handled",
  },
] as const satisfies readonly CriterionDefinition[];

export type CriterionId = (typeof TRUST_SERVICES_CRITERIA)[number]["id"];
export type Criterion = CriterionDefinition & { readonly id: CriterionId };

/** Security is always in scope; the other categories are chosen in config. */
export function criteriaInScope(categories: readonly CriterionCategory[]): Criterion[] {
  const scope = new Set<CriterionCategory>(["security", ...categories]);
  return TRUST_SERVICES_CRITERIA.filter((criterion) => scope.has(criterion.category));
}
