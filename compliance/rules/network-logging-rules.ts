import { expectThat, isSetString, nonCompliant, COMPLIANT } from "./rule";
import type { Rule } from "./rule";
import { isToken, mentions } from "./terraform-values";

/** Log destinations by the resource type a reference names, and by the service an ARN names. */
const DESTINATION_REFERENCES: readonly (readonly [RegExp, string])[] = [
  [/(?<![\w-])aws_s3_bucket\./, "S3"],
  [/(?<![\w-])aws_cloudwatch_log_group\./, "CloudWatch Logs"],
  [/(?<![\w-])aws_kinesis_firehose_delivery_stream\./, "Data Firehose"],
];
const ARN_SERVICES: Record<string, string> = {
  s3: "S3",
  logs: "CloudWatch Logs",
  firehose: "Data Firehose",
};

/** The service a log destination is in ("S3", "CloudWatch Logs"), or undefined when unknown. */
function destinationService(destination: string): string | undefined {
  if (isToken(destination))
    return DESTINATION_REFERENCES.find(([reference]) => reference.test(destination))?.[1];
  const service = /^arn:[^:]+:([^:]+):/.exec(destination)?.[1];
  return service === undefined ? undefined : (ARN_SERVICES[service] ?? service);
}

const VPC = ["aws_vpc"];

/** Flow logs and DNS query logs: what investigating a network incident starts from. */
export const NETWORK_LOGGING_RULES: readonly Rule[] = [
  {
    id: "LZ-NET-001",
    criteria: ["CC7.2"],
    title: "VPCs record all their traffic in flow logs",
    fix: "Add an aws_flow_log on the VPC with traffic_type ALL, delivered to the log archive's network-logs bucket; WorkloadVpc does. Without it, traffic to and from the VPC leaves no trace to investigate.",
    appliesTo: VPC,
    check: (vpc, context) =>
      expectThat(
        context
          .resourcesOf("aws_flow_log")
          .some(
            ({ body }) =>
              mentions(body.vpc_id, vpc.address) &&
              (body.traffic_type === "ALL" || isToken(body.traffic_type)),
          ),
        "has no flow log recording ALL traffic",
      ),
  },
  {
    id: "LZ-NET-002",
    criteria: ["CC7.2"],
    title: "Flow logs record all traffic to S3",
    fix: "Set traffic_type ALL, log_destination_type s3 and log_destination to the network-logs bucket ARN: accepted traffic matters as much as rejected traffic in an investigation, and the log archive keeps it immutable.",
    appliesTo: ["aws_flow_log"],
    check({ body }) {
      const { traffic_type: traffic, log_destination_type: destinationType = "cloud-watch-logs" } =
        body as Record<string, string | undefined>;
      if (traffic !== "ALL" && !isToken(traffic))
        return nonCompliant(`records ${traffic ?? "no"} traffic, not ALL`);
      if (destinationType !== "s3" && !isToken(destinationType))
        return nonCompliant(`delivers to ${destinationType}, not S3`);
      return expectThat(isSetString(body.log_destination), "has no log destination");
    },
  },
  {
    id: "LZ-NET-003",
    criteria: ["CC7.2"],
    title: "VPCs log their DNS queries",
    fix: "Associate the VPC with an aws_route53_resolver_query_log_config that delivers to the network-logs bucket; WorkloadVpc does. DNS queries show what a compromised workload talks to, even over encrypted connections.",
    appliesTo: VPC,
    check: (vpc, context) =>
      expectThat(
        context
          .resourcesOf("aws_route53_resolver_query_log_config_association")
          .some(({ body }) => mentions(body.resource_id, vpc.address)),
        "has no Route 53 Resolver query logging",
      ),
  },
  {
    id: "LZ-NET-004",
    criteria: ["CC7.2"],
    title: "DNS query logs are delivered to S3",
    fix: "Set the query log config's destination_arn to the log archive's network-logs bucket ARN, where logs are kept immutable beside the flow logs.",
    appliesTo: [
      "aws_route53_resolver_query_log_config",
      "aws_route53_resolver_query_log_config_association",
    ],
    check(resource, context) {
      const config =
        resource.type === "aws_route53_resolver_query_log_config"
          ? resource
          : context
              .resourcesOf("aws_route53_resolver_query_log_config")
              .find(({ address }) => mentions(resource.body.resolver_query_log_config_id, address));
      if (!config) return COMPLIANT; // a config this stack doesn't hold is not evidence
      const destination = config.body.destination_arn;
      if (!isSetString(destination)) return nonCompliant(`${config.address} has no destination`);
      const service = destinationService(destination);
      if (service === undefined || service === "S3") return COMPLIANT;
      return nonCompliant(
        config === resource
          ? `delivers DNS query logs to ${service}, not S3`
          : `logs DNS queries through ${config.address}, which delivers to ${service}, not S3`,
      );
    },
  },
];
