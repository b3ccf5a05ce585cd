import { ref } from "./rule-cases";
import type { Resources } from "./rule-cases";

/** The network-logs bucket of the log archive. */
export const NETWORK_LOGS = "arn:aws:s3:::lz-log-archive-network-111122223333";
export const VPC = ref("aws_vpc.subject");

/** A VPC as WorkloadVpc builds it, minus the resource types named in `without`. */
export function vpc(without: string[] = [], extra: Resources = {}): Resources {
  const resources: Resources = {
    aws_vpc: { subject: { cidr_block: "10.20.0.0/20", enable_dns_support: true } },
    aws_flow_log: {
      flow: {
        vpc_id: VPC,
        traffic_type: "ALL",
        log_destination_type: "s3",
        log_destination: NETWORK_LOGS,
      },
    },
    aws_default_security_group: { defaults: { vpc_id: VPC } },
    aws_default_network_acl: {
      defaults: { default_network_acl_id: ref("aws_vpc.subject", "default_network_acl_id") },
    },
    aws_route53_resolver_query_log_config: {
      dns: { name: "dns", destination_arn: NETWORK_LOGS },
    },
    aws_route53_resolver_query_log_config_association: {
      dns: {
        resolver_query_log_config_id: ref("aws_route53_resolver_query_log_config.dns"),
        resource_id: VPC,
      },
    },
  };
  for (const type of without) delete resources[type];
  return { ...resources, ...extra };
}

export const flowLog = (body: Record<string, unknown>): Resources => ({
  aws_flow_log: {
    subject: {
      vpc_id: ref("aws_vpc.main"),
      traffic_type: "ALL",
      log_destination_type: "s3",
      log_destination: NETWORK_LOGS,
      ...body,
    },
  },
});
