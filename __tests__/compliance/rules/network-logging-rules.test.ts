import { NETWORK_LOGGING_RULES } from "../../../compliance/rules/network-logging-rules";
import { flowLog, NETWORK_LOGS, VPC, vpc } from "./network-fixtures";
import { ref, resultOf, testRuleCases } from "./rule-cases";
import type { Resources } from "./rule-cases";

const queryLogConfig = (destination: string): Resources => ({
  aws_route53_resolver_query_log_config: { dns: { name: "dns", destination_arn: destination } },
  aws_route53_resolver_query_log_config_association: {
    subject: {
      resolver_query_log_config_id: ref("aws_route53_resolver_query_log_config.dns"),
      resource_id: ref("aws_vpc.main"),
    },
  },
});

testRuleCases(NETWORK_LOGGING_RULES, {
  "LZ-NET-001": [
    {
      compliant: vpc(),
      nonCompliant: vpc([], {
        aws_flow_log: {
          flow: { ...flowLog({}).aws_flow_log.subject, vpc_id: VPC, traffic_type: "REJECT" },
        },
      }),
      message: "has no flow log recording ALL traffic",
    },
  ],
  "LZ-NET-002": [
    {
      compliant: flowLog({}),
      nonCompliant: flowLog({ traffic_type: "REJECT" }),
      message: "records REJECT traffic, not ALL",
    },
    {
      compliant: flowLog({}),
      nonCompliant: flowLog({ log_destination_type: undefined, log_group_name: "flow" }),
      message: "delivers to cloud-watch-logs, not S3",
    },
  ],
  "LZ-NET-003": [
    {
      compliant: vpc(),
      nonCompliant: vpc(["aws_route53_resolver_query_log_config_association"]),
      message: "has no Route 53 Resolver query logging",
    },
  ],
  "LZ-NET-004": [
    {
      compliant: {
        aws_route53_resolver_query_log_config: {
          subject: { name: "dns", destination_arn: NETWORK_LOGS },
        },
      },
      nonCompliant: {
        aws_route53_resolver_query_log_config: {
          subject: {
            name: "dns",
            destination_arn: "arn:aws:logs:us-east-1:111122223333:log-group:dns",
          },
        },
      },
      message: "delivers DNS query logs to CloudWatch Logs, not S3",
    },
    {
      compliant: queryLogConfig(ref("aws_s3_bucket.network_logs", "arn")),
      nonCompliant: queryLogConfig(ref("aws_cloudwatch_log_group.dns", "arn")),
      message:
        "logs DNS queries through aws_route53_resolver_query_log_config.dns, which delivers to CloudWatch Logs, not S3",
    },
  ],
});

test("the inert default VPC's flow log, on a for_each instance of a data-source VPC, passes", () => {
  const eachVpc = { for_each: "${toset(data.aws_vpcs.default.ids)}", vpc_id: "${each.value}" };
  expect(resultOf("LZ-NET-002", flowLog(eachVpc)).status).toBe("compliant");
});

test("a flow log or query log whose values are references is not evidence against it", () => {
  expect(
    resultOf(
      "LZ-NET-001",
      vpc([], {
        aws_flow_log: {
          flow: {
            ...flowLog({}).aws_flow_log.subject,
            vpc_id: VPC,
            traffic_type: "${var.traffic}",
          },
        },
      }),
    ).status,
  ).toBe("compliant");
  expect(resultOf("LZ-NET-002", flowLog({ log_destination: undefined }))).toMatchObject({
    status: "non-compliant",
    message: "has no log destination",
  });
  expect(
    resultOf("LZ-NET-004", {
      aws_route53_resolver_query_log_config: {
        subject: {
          name: "dns",
          destination_arn: "${data.terraform_remote_state.logging.outputs.bucket}",
        },
      },
    }).status,
  ).toBe("compliant");
});
