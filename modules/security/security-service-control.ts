import { defineControl } from "../../compliance/controls/control";

export const THREAT_DETECTION_CONTROL = defineControl({
  id: "threat-detection",
  description:
    "GuardDuty watches every account and governed region for threats, with the configured protection plans, and its findings are kept in the log archive",
  criteria: ["CC7.2", "CC7.3", "CC6.8", "CC3.2"],
});

export const POSTURE_MANAGEMENT_CONTROL = defineControl({
  id: "security-posture",
  description:
    "Security Hub checks every account against AWS Foundational Security Best Practices and CIS AWS Foundations v3.0, aggregated in the home region",
  criteria: ["CC4.1", "CC4.2", "CC7.1", "CC3.1", "CC2.1"],
});

export const ACCESS_ANALYSIS_CONTROL = defineControl({
  id: "access-analysis",
  description:
    "IAM Access Analyzer reports resources shared outside the organization and access that goes unused",
  criteria: ["CC6.1", "CC6.3", "C1.1"],
});

export const DATA_DISCOVERY_CONTROL = defineControl({
  id: "sensitive-data-discovery",
  description: "Macie finds sensitive data in S3 across the organization",
  criteria: ["C1.1", "P4.1"],
});

export const VULNERABILITY_SCANNING_CONTROL = defineControl({
  id: "vulnerability-scanning",
  description:
    "Inspector scans EC2 instances, container images and Lambda functions of every account for vulnerabilities",
  criteria: ["CC7.1", "CC3.2"],
});

export const CONFIG_AGGREGATION_CONTROL = defineControl({
  id: "config-aggregation",
  description:
    "One organization aggregator in the audit account sees the configuration and compliance of every account and region",
  criteria: ["CC4.1", "CC7.1"],
});
