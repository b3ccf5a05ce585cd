import { NETWORK_RULES } from "../../../compliance/rules/network-rules";
import type { TerraformJson } from "../../../compliance/rules/rule";
import { ref, resultOf, testRuleCases } from "./rule-cases";
import type { Resources } from "./rule-cases";
import { VPC, vpc } from "./network-fixtures";

const JUSTIFICATION = "Public load balancers for the storefront";

const tcp = (from: number, to: number) => ({ protocol: "tcp", from_port: from, to_port: to });
const aclEntry = (
  ruleNo: number,
  action: string,
  from: number,
  to: number,
  source = "0.0.0.0/0",
) => ({
  rule_no: ruleNo,
  action,
  protocol: "6",
  from_port: from,
  to_port: to,
  ...(source.includes(":") ? { ipv6_cidr_block: source } : { cidr_block: source }),
});
/** The private ACL WorkloadVpc builds: denies of SSH and RDP ahead of the return-traffic allows. */
const PRIVATE_ACL_INGRESS = [
  aclEntry(100, "deny", 22, 22),
  aclEntry(101, "deny", 3389, 3389),
  aclEntry(102, "deny", 22, 22, "::/0"),
  aclEntry(103, "deny", 3389, 3389, "::/0"),
  aclEntry(200, "allow", 1024, 65535),
  aclEntry(201, "allow", 1024, 65535, "::/0"),
  {
    rule_no: 300,
    action: "allow",
    protocol: "-1",
    from_port: 0,
    to_port: 0,
    cidr_block: "10.20.0.0/20",
  },
];
const aclRule = (ruleNumber: number, action: string, from: number, to: number) => ({
  network_acl_id: ref("aws_network_acl.private"),
  rule_number: ruleNumber,
  egress: false,
  rule_action: action,
  protocol: "6",
  from_port: from,
  to_port: to,
  cidr_block: "0.0.0.0/0",
});

const subnet = (body: Record<string, unknown>) => ({ vpc_id: ref("aws_vpc.main"), ...body });
const PUBLIC_SUBNET = subnet({
  map_public_ip_on_launch: true,
  tags: { PublicSubnetJustification: JUSTIFICATION },
});
const PRIVATE_SUBNET = subnet({ map_public_ip_on_launch: false });
const INTERNET_ROUTE = { cidr_block: "0.0.0.0/0", gateway_id: ref("aws_internet_gateway.igw") };
const routeTable = (subnets: Record<string, TerraformJson>, name = "public"): Resources => ({
  aws_route_table: { [name]: { vpc_id: ref("aws_vpc.main"), route: [INTERNET_ROUTE] } },
  aws_subnet: subnets,
});
/** The internet route as WorkloadVpc writes it: an aws_route on the public route table. */
const awsRoute = {
  destination_cidr_block: "0.0.0.0/0",
  gateway_id: ref("aws_internet_gateway.igw"),
};
const association = (subnetName: string): Resources => ({
  ...routeTable({ [subnetName]: subnetName === "public" ? PUBLIC_SUBNET : PRIVATE_SUBNET }),
  aws_route_table_association: {
    subject: {
      route_table_id: ref("aws_route_table.public"),
      subnet_id: ref(`aws_subnet.${subnetName}`),
    },
  },
});

const interfaceEndpoint = (body: Record<string, unknown>): Resources => ({
  aws_vpc_endpoint: {
    subject: {
      vpc_id: ref("aws_vpc.main"),
      service_name: "com.amazonaws.us-east-1.ssm",
      vpc_endpoint_type: "Interface",
      private_dns_enabled: true,
      security_group_ids: [ref("aws_security_group.endpoints")],
      ...body,
    },
  },
});

testRuleCases(NETWORK_RULES, {
  "LZ-NET-005": [
    {
      compliant: vpc(),
      nonCompliant: vpc(["aws_default_security_group", "aws_default_network_acl"]),
      message: "does not adopt its default security group or default network ACL",
    },
  ],
  "LZ-NET-006": [
    {
      compliant: {
        aws_default_security_group: { subject: { vpc_id: VPC, ingress: [], egress: [] } },
      },
      nonCompliant: {
        aws_default_security_group: {
          subject: { vpc_id: VPC, ingress: [{ ...tcp(443, 443), cidr_blocks: ["10.0.0.0/8"] }] },
        },
      },
      message: "has rules: inline ingress",
    },
  ],
  "LZ-NET-007": [
    {
      compliant: {
        aws_default_network_acl: {
          subject: { default_network_acl_id: ref("aws_vpc.main", "default_network_acl_id") },
        },
      },
      nonCompliant: {
        aws_default_network_acl: {
          subject: {
            default_network_acl_id: ref("aws_vpc.main", "default_network_acl_id"),
            egress: [aclEntry(100, "allow", 0, 65535)],
          },
        },
      },
      message: "has rules: inline egress",
    },
  ],
  "LZ-NET-008": [
    {
      compliant: {
        aws_security_group: {
          subject: {
            ingress: [
              { ...tcp(443, 443), cidr_blocks: ["0.0.0.0/0"] },
              { ...tcp(22, 22), cidr_blocks: ["10.0.0.0/8"] },
            ],
          },
        },
      },
      nonCompliant: {
        aws_security_group: {
          subject: { ingress: [{ ...tcp(0, 65535), cidr_blocks: ["0.0.0.0/0"] }] },
        },
      },
      message: "admits port 22 from 0.0.0.0/0, port 3389 from 0.0.0.0/0",
    },
    {
      compliant: {
        aws_vpc_security_group_ingress_rule: {
          subject: { ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ipv4: "0.0.0.0/0" },
        },
      },
      nonCompliant: {
        aws_vpc_security_group_ingress_rule: { subject: { ip_protocol: "-1", cidr_ipv6: "::/0" } },
      },
      message: "admits port 22 from ::/0, port 3389 from ::/0",
    },
    {
      compliant: {
        aws_security_group_rule: {
          subject: {
            type: "egress",
            protocol: "-1",
            from_port: 0,
            to_port: 0,
            cidr_blocks: ["0.0.0.0/0"],
          },
        },
      },
      nonCompliant: {
        aws_security_group_rule: {
          subject: { type: "ingress", ...tcp(3389, 3389), cidr_blocks: ["0.0.0.0/0"] },
        },
      },
      message: "admits port 3389 from 0.0.0.0/0",
    },
  ],
  "LZ-NET-009": [
    {
      compliant: {
        aws_network_acl: { subject: { vpc_id: ref("aws_vpc.main"), ingress: PRIVATE_ACL_INGRESS } },
      },
      nonCompliant: {
        aws_network_acl: {
          subject: {
            vpc_id: ref("aws_vpc.main"),
            ingress: PRIVATE_ACL_INGRESS.filter(({ rule_no }) => rule_no !== 101),
          },
        },
      },
      message: "allows port 3389 from 0.0.0.0/0 before any rule denies it",
    },
    {
      compliant: {
        aws_network_acl: { private: { vpc_id: ref("aws_vpc.main") } },
        aws_network_acl_rule: {
          subject: aclRule(200, "allow", 1024, 65535),
          rdp: aclRule(100, "deny", 3389, 3389),
        },
      },
      nonCompliant: {
        aws_network_acl: { private: { vpc_id: ref("aws_vpc.main") } },
        aws_network_acl_rule: {
          subject: aclRule(200, "allow", 1024, 65535),
          rdp: aclRule(300, "deny", 3389, 3389),
        },
      },
      message: "allows port 3389 from 0.0.0.0/0 before any rule denies it",
    },
  ],
  "LZ-NET-010": [
    {
      compliant: { aws_subnet: { subject: PUBLIC_SUBNET } },
      nonCompliant: {
        aws_subnet: {
          subject: subnet({
            map_public_ip_on_launch: true,
            tags: { PublicSubnetJustification: "web" },
          }),
        },
      },
      message:
        "assigns public IPs without a PublicSubnetJustification tag of at least 20 characters",
    },
  ],
  "LZ-NET-011": [
    {
      compliant: {
        aws_internet_gateway: { subject: { vpc_id: ref("aws_vpc.main") } },
        aws_subnet: { public: PUBLIC_SUBNET, private: PRIVATE_SUBNET },
      },
      nonCompliant: {
        aws_internet_gateway: { subject: { vpc_id: ref("aws_vpc.main") } },
        aws_subnet: { private: PRIVATE_SUBNET },
      },
      message: "is attached to a VPC without a justified public subnet",
    },
    {
      compliant: routeTable({ public: PUBLIC_SUBNET }, "subject"),
      nonCompliant: routeTable({ private: PRIVATE_SUBNET }, "subject"),
      message: "routes to an internet gateway in a VPC without a justified public subnet",
    },
    {
      compliant: {
        ...routeTable({ public: PUBLIC_SUBNET }),
        aws_route: { subject: { ...awsRoute, route_table_id: ref("aws_route_table.public") } },
      },
      nonCompliant: {
        ...routeTable({ private: PRIVATE_SUBNET }),
        aws_route: { subject: { ...awsRoute, route_table_id: ref("aws_route_table.public") } },
      },
      message: "routes to an internet gateway in a VPC without a justified public subnet",
    },
    {
      compliant: association("public"),
      nonCompliant: association("private"),
      message:
        "gives aws_subnet.private, which has no public-subnet justification, a route to an internet gateway",
    },
  ],
  "LZ-NET-012": [
    {
      compliant: interfaceEndpoint({}),
      nonCompliant: interfaceEndpoint({ private_dns_enabled: false }),
      message: "is an interface endpoint without private DNS",
    },
    {
      compliant: interfaceEndpoint({}),
      nonCompliant: interfaceEndpoint({ security_group_ids: undefined }),
      message: "is an interface endpoint without a security group of its own",
    },
    {
      compliant: {
        aws_vpc_endpoint: {
          subject: {
            service_name: "com.amazonaws.us-east-1.s3",
            route_table_ids: [ref("aws_route_table.a")],
          },
        },
      },
      nonCompliant: {
        aws_vpc_endpoint: {
          subject: {
            service_name: "com.amazonaws.us-east-1.s3",
            vpc_endpoint_type: "Gateway",
            route_table_ids: [],
          },
        },
      },
      message: "is a gateway endpoint on no route table",
    },
  ],
});

describe("the inert default VPC: for_each over data-source ids", () => {
  const eachVpc = { for_each: "${toset(data.aws_vpcs.default.ids)}", vpc_id: "${each.value}" };

  test("its default security group and default network ACL pass", () => {
    expect(
      resultOf("LZ-NET-006", { aws_default_security_group: { subject: eachVpc } }).status,
    ).toBe("compliant");
    expect(
      resultOf("LZ-NET-007", {
        aws_default_network_acl: {
          subject: {
            for_each: eachVpc.for_each,
            default_network_acl_id: "${data.aws_network_acls.default[each.key].ids[0]}",
          },
        },
      }).status,
    ).toBe("compliant");
  });

  test("a rule resource on a for_each instance still counts as a rule of the group", () => {
    expect(
      resultOf("LZ-NET-006", {
        aws_default_security_group: { subject: eachVpc },
        aws_vpc_security_group_ingress_rule: {
          ssh: {
            security_group_id: "${aws_default_security_group.subject[each.key].id}",
            ip_protocol: "tcp",
            from_port: 22,
            to_port: 22,
            cidr_ipv4: "10.0.0.0/8",
          },
        },
      }),
    ).toMatchObject({
      status: "non-compliant",
      message: "has rules: aws_vpc_security_group_ingress_rule.ssh",
    });
  });
});

test("rules on a default security group may name it through the VPC", () => {
  expect(
    resultOf("LZ-NET-006", {
      aws_default_security_group: { subject: { vpc_id: ref("aws_vpc.main") } },
      aws_security_group_rule: {
        all: {
          security_group_id: ref("aws_vpc.main", "default_security_group_id"),
          type: "egress",
          protocol: "-1",
          from_port: 0,
          to_port: 0,
          cidr_blocks: ["0.0.0.0/0"],
        },
      },
    }),
  ).toMatchObject({ status: "non-compliant", message: "has rules: aws_security_group_rule.all" });
});

test("a rule resource on the default network ACL is a rule of it", () => {
  expect(
    resultOf("LZ-NET-007", {
      aws_default_network_acl: {
        subject: { default_network_acl_id: ref("aws_vpc.main", "default_network_acl_id") },
      },
      aws_network_acl_rule: {
        open: {
          ...aclRule(100, "allow", 0, 65535),
          network_acl_id: ref("aws_default_network_acl.subject"),
        },
      },
    }),
  ).toMatchObject({ status: "non-compliant", message: "has rules: aws_network_acl_rule.open" });
});

test("a security group port or protocol given by reference is not evidence", () => {
  expect(
    resultOf("LZ-NET-008", {
      aws_vpc_security_group_ingress_rule: {
        subject: {
          ip_protocol: "tcp",
          from_port: "${var.port}",
          to_port: "${var.port}",
          cidr_ipv4: "0.0.0.0/0",
        },
      },
    }).status,
  ).toBe("compliant");
});

describe("network ACL rule order", () => {
  test("a deny numbered after the allow protects nothing", () => {
    const ingress = [aclEntry(100, "allow", 1024, 65535), aclEntry(200, "deny", 3389, 3389)];
    expect(resultOf("LZ-NET-009", { aws_network_acl: { subject: { ingress } } })).toMatchObject({
      status: "non-compliant",
      message: "allows port 3389 from 0.0.0.0/0 before any rule denies it",
    });
  });

  test("an IPv4 deny does not protect the IPv6 internet", () => {
    const ingress = [aclEntry(100, "deny", 22, 22), aclEntry(200, "allow", 22, 22, "::/0")];
    expect(resultOf("LZ-NET-009", { aws_network_acl: { subject: { ingress } } })).toMatchObject({
      status: "non-compliant",
      message: "allows port 22 from ::/0 before any rule denies it",
    });
  });

  test("an inline deny of the ACL protects its rule resources, and a public ACL's 443 is fine", () => {
    expect(
      resultOf("LZ-NET-009", {
        aws_network_acl: { private: { ingress: [aclEntry(100, "deny", 3389, 3389)] } },
        aws_network_acl_rule: {
          subject: aclRule(200, "allow", 1024, 65535),
          https: aclRule(110, "allow", 443, 443),
        },
      }).status,
    ).toBe("compliant");
  });

  test("an allow-all protocol from anywhere opens every port", () => {
    const ingress = [
      {
        rule_no: 100,
        action: "allow",
        protocol: "-1",
        from_port: 0,
        to_port: 0,
        cidr_block: "0.0.0.0/0",
      },
    ];
    expect(resultOf("LZ-NET-009", { aws_network_acl: { subject: { ingress } } })).toMatchObject({
      status: "non-compliant",
      message: "allows port 22 from 0.0.0.0/0, port 3389 from 0.0.0.0/0 before any rule denies it",
    });
  });
});

describe("public subnets and the internet gateway", () => {
  test("a private subnet needs no justification, and a referenced justification is taken on trust", () => {
    expect(resultOf("LZ-NET-010", { aws_subnet: { subject: PRIVATE_SUBNET } }).status).toBe(
      "compliant",
    );
    expect(
      resultOf("LZ-NET-010", {
        aws_subnet: {
          subject: subnet({
            map_public_ip_on_launch: true,
            tags: { PublicSubnetJustification: "${var.why}" },
          }),
        },
      }).status,
    ).toBe("compliant");
  });

  test("a route table without an internet route may serve private subnets", () => {
    expect(
      resultOf("LZ-NET-011", {
        aws_route_table: { subject: { vpc_id: ref("aws_vpc.main"), route: [] } },
        aws_subnet: { private: PRIVATE_SUBNET },
      }).status,
    ).toBe("compliant");
    expect(
      resultOf("LZ-NET-011", {
        aws_route_table: { private: { vpc_id: ref("aws_vpc.main"), route: [] } },
        aws_subnet: { private: PRIVATE_SUBNET },
        aws_route_table_association: {
          subject: {
            route_table_id: ref("aws_route_table.private"),
            subnet_id: ref("aws_subnet.private"),
          },
        },
      }).status,
    ).toBe("compliant");
  });

  test("a private subnet associated with a route table whose aws_route reaches the internet is flagged", () => {
    const table = { vpc_id: ref("aws_vpc.main") };
    expect(
      resultOf("LZ-NET-011", {
        aws_route_table: { public: table },
        aws_route: { igw: { ...awsRoute, route_table_id: ref("aws_route_table.public") } },
        aws_subnet: { private: PRIVATE_SUBNET },
        aws_route_table_association: {
          subject: {
            route_table_id: ref("aws_route_table.public"),
            subnet_id: ref("aws_subnet.private"),
          },
        },
      }),
    ).toMatchObject({ status: "non-compliant" });
  });

  test("a route to a literal igw- id counts as an internet route", () => {
    expect(
      resultOf("LZ-NET-011", {
        aws_route_table: {
          subject: {
            vpc_id: ref("aws_vpc.main"),
            route: [{ cidr_block: "0.0.0.0/0", gateway_id: "igw-0abc" }],
          },
        },
      }).status,
    ).toBe("non-compliant");
  });
});

test("endpoints of other types are not applicable", () => {
  expect(
    resultOf("LZ-NET-012", {
      aws_vpc_endpoint: {
        subject: { vpc_endpoint_type: "GatewayLoadBalancer", service_name: "x" },
      },
    }).status,
  ).toBe("not-applicable");
});
