import { NETWORK_SHARING_RULES } from "../../../compliance/rules/network-sharing-rules";
import { ref, resultOf, testRuleCases } from "./rule-cases";
import type { Resources } from "./rule-cases";

const PRIVATE_SCOPE = ref("aws_vpc_ipam.main", "private_default_scope_id");
const pool = (body: Record<string, unknown>) => ({
  address_family: "ipv4",
  ipam_scope_id: PRIVATE_SCOPE,
  locale: "us-east-1",
  ...body,
});
const ipam = (operatingRegions: string[]): Resources => ({
  aws_vpc_ipam: {
    subject: {
      region: "us-east-1",
      operating_regions: operatingRegions.map((region) => ({ region_name: region })),
    },
  },
  aws_vpc_ipam_pool: {
    east: pool({ ipam_scope_id: ref("aws_vpc_ipam.subject", "private_default_scope_id") }),
    west: pool({
      ipam_scope_id: ref("aws_vpc_ipam.subject", "private_default_scope_id"),
      locale: "us-west-2",
    }),
  },
});
const OU = "arn:aws:organizations::111122223333:ou/o-abc123/ou-ab12-prod0001";
const share = (allowExternal?: boolean) => ({
  name: "prod-ipam-pools",
  ...(allowExternal === undefined ? {} : { allow_external_principals: allowExternal }),
});
const SHARE_ARN = ref("aws_ram_resource_share.share", "arn");
const withShare = (allowExternal: boolean | undefined, subject: Resources): Resources => ({
  aws_ram_resource_share: { share: share(allowExternal) },
  ...subject,
});

testRuleCases(NETWORK_SHARING_RULES, {
  "LZ-NET-013": [
    {
      compliant: { aws_vpc: { subject: { cidr_block: "10.20.0.0/20" } } },
      nonCompliant: { aws_vpc: { subject: { cidr_block: "54.10.0.0/16" } } },
      message: "uses 54.10.0.0/16, outside the private ranges (RFC 1918 and 100.64.0.0/10)",
    },
    {
      compliant: {
        aws_vpc_ipam_pool_cidr: {
          subject: { ipam_pool_id: ref("aws_vpc_ipam_pool.p"), cidr: "172.16.0.0/14" },
        },
      },
      nonCompliant: {
        aws_vpc_ipam_pool_cidr: {
          subject: { ipam_pool_id: ref("aws_vpc_ipam_pool.p"), cidr: "172.32.0.0/16" },
        },
      },
      message: "uses 172.32.0.0/16, outside the private ranges (RFC 1918 and 100.64.0.0/10)",
    },
  ],
  "LZ-NET-014": [
    {
      compliant: { aws_vpc_ipam_pool: { subject: pool({}) } },
      nonCompliant: { aws_vpc_ipam_pool: { subject: pool({ publicly_advertisable: true }) } },
      message: "is publicly advertisable",
    },
    {
      compliant: { aws_vpc_ipam_pool: { subject: pool({ publicly_advertisable: false }) } },
      nonCompliant: {
        aws_vpc_ipam_pool: {
          subject: pool({ ipam_scope_id: ref("aws_vpc_ipam.main", "public_default_scope_id") }),
        },
      },
      message: "allocates from the IPAM's public scope",
    },
  ],
  "LZ-NET-015": [
    {
      compliant: ipam(["us-east-1", "us-west-2"]),
      nonCompliant: ipam(["us-east-1"]),
      message: "does not operate in us-west-2",
    },
  ],
  "LZ-NET-016": [
    {
      compliant: {
        aws_vpc_ipam_organization_admin_account: {
          subject: { delegated_admin_account_id: "222233334444" },
        },
      },
      nonCompliant: {
        aws_vpc_ipam_organization_admin_account: {
          subject: {
            delegated_admin_account_id: ref("data.aws_caller_identity.current", "account_id"),
          },
        },
      },
      message: "delegates IPAM administration to the management account itself",
    },
  ],
  "LZ-NET-017": [
    {
      compliant: { aws_ram_resource_share: { subject: share(false) } },
      nonCompliant: { aws_ram_resource_share: { subject: share() } },
      message: "allows principals outside the organization",
    },
    {
      compliant: withShare(true, {
        aws_ram_principal_association: {
          subject: { resource_share_arn: SHARE_ARN, principal: OU },
        },
      }),
      nonCompliant: withShare(true, {
        aws_ram_principal_association: {
          subject: { resource_share_arn: SHARE_ARN, principal: "999988887777" },
        },
      }),
      message:
        "shares with 999988887777 through aws_ram_resource_share.share, which allows principals outside the organization",
    },
    {
      compliant: withShare(false, {
        aws_ram_resource_association: {
          subject: {
            resource_share_arn: SHARE_ARN,
            resource_arn: ref("aws_vpc_ipam_pool.p", "arn"),
          },
        },
      }),
      nonCompliant: withShare(undefined, {
        aws_ram_resource_association: {
          subject: {
            resource_share_arn: SHARE_ARN,
            resource_arn: ref("aws_vpc_ipam_pool.p", "arn"),
          },
        },
      }),
      message:
        "shares a resource through aws_ram_resource_share.share, which allows principals outside the organization",
    },
  ],
  "LZ-NET-018": [
    {
      compliant: {
        aws_ram_sharing_with_organization: { subject: { lifecycle: { prevent_destroy: true } } },
      },
      nonCompliant: { aws_ram_sharing_with_organization: { subject: {} } },
      message: "lacks prevent_destroy",
    },
  ],
});

test("a VPC addressed by IPAM has no CIDR to check", () => {
  expect(
    resultOf("LZ-NET-013", {
      aws_vpc: {
        subject: { ipv4_ipam_pool_id: ref("aws_vpc_ipam_pool.p"), ipv4_netmask_length: 20 },
      },
    }).status,
  ).toBe("not-applicable");
  expect(
    resultOf("LZ-NET-013", { aws_vpc: { subject: { cidr_block: "100.64.0.0/16" } } }).status,
  ).toBe("compliant");
});

test("the IPAM must operate in its own region", () => {
  expect(
    resultOf("LZ-NET-015", {
      aws_vpc_ipam: {
        subject: { region: "eu-west-1", operating_regions: [{ region_name: "us-east-1" }] },
      },
    }),
  ).toMatchObject({ status: "non-compliant", message: "does not operate in eu-west-1" });
});

test("an account principal is fine when its share forbids external principals", () => {
  expect(
    resultOf(
      "LZ-NET-017",
      withShare(false, {
        aws_ram_principal_association: {
          subject: { resource_share_arn: SHARE_ARN, principal: "999988887777" },
        },
      }),
    ).status,
  ).toBe("compliant");
});

test("an association with a share this stack doesn't hold is not evidence", () => {
  expect(
    resultOf("LZ-NET-017", {
      aws_ram_resource_association: {
        subject: {
          resource_share_arn: "arn:aws:ram:us-east-1:111122223333:resource-share/abc",
          resource_arn: "arn:x",
        },
      },
    }).status,
  ).toBe("compliant");
});
