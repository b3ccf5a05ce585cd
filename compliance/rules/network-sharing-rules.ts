import { blocks, COMPLIANT, expectThat, nonCompliant, NOT_APPLICABLE } from "./rule";
import type { ResourceRef, Rule, RuleContext } from "./rule";
import { isToken, mentions, preventsDestroy } from "./terraform-values";

/** RFC 1918 and the shared address space (RFC 6598): ranges the internet never routes. */
const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"];

/** An IPv4 CIDR as [network address as a number, prefix length], or undefined if it isn't one. */
function parseIpv4Cidr(cidr: string): [number, number] | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const length = Number(match[5]);
  if (octets.some((octet) => octet > 255) || length > 32) return undefined;
  return [octets.reduce((address, octet) => address * 256 + octet, 0), length];
}

function isPrivateRange(cidr: [number, number]): boolean {
  const [address, length] = cidr;
  return PRIVATE_RANGES.map((range) => parseIpv4Cidr(range)!).some(
    ([network, rangeLength]) =>
      length >= rangeLength &&
      Math.floor(address / 2 ** (32 - rangeLength)) ===
        Math.floor(network / 2 ** (32 - rangeLength)),
  );
}

/** An organization or OU ARN, or a reference to the organization, an OU or a member account. */
function isInsideOrganization(principal: unknown): boolean {
  if (typeof principal !== "string") return false;
  if (/^arn:[^:]+:organizations::\d{12}:(organization|ou)\//.test(principal)) return true;
  return /(?<![\w-])aws_organizations_(organization|organizational_unit|account)\./.test(principal);
}

/** The share that a RAM association names, when the stack holds it. */
function shareOf(association: ResourceRef, context: RuleContext): ResourceRef | undefined {
  return context
    .resourcesOf("aws_ram_resource_share")
    .find(({ address }) => mentions(association.body.resource_share_arn, address));
}

/** RAM's default lets a share reach any AWS account, so only an explicit false (or a token) keeps it in. */
function allowsExternalPrincipals(share: ResourceRef): boolean {
  const allowed = share.body.allow_external_principals;
  return allowed !== false && !isToken(allowed);
}

export const NETWORK_SHARING_RULES: readonly Rule[] = [
  {
    id: "LZ-NET-013",
    criteria: ["CC6.6"],
    title: "VPCs and IPAM pools use private address ranges",
    fix: "Choose CIDRs inside 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10 (network.addressing or network.ipam.pools): a VPC on public addresses can't reach the owners of those addresses on the internet, and its traffic is easy to mistake for theirs.",
    appliesTo: ["aws_vpc", "aws_vpc_ipam_pool_cidr"],
    check({ type, body }) {
      const cidr = type === "aws_vpc" ? body.cidr_block : body.cidr;
      if (typeof cidr !== "string" || isToken(cidr)) return NOT_APPLICABLE; // IPAM decides
      const parsed = parseIpv4Cidr(cidr);
      if (!parsed) return NOT_APPLICABLE; // IPv6: public by design, guarded by routing
      return expectThat(
        isPrivateRange(parsed),
        `uses ${cidr}, outside the private ranges (RFC 1918 and 100.64.0.0/10)`,
      );
    },
  },
  {
    id: "LZ-NET-014",
    criteria: ["CC6.6"],
    title: "IPAM pools allocate private addresses only",
    fix: "Create pools in the IPAM's private default scope with publicly_advertisable unset or false; OrganizationIpam does. A public pool announces the landing zone's addresses to the internet.",
    appliesTo: ["aws_vpc_ipam_pool"],
    check({ body }) {
      if (body.publicly_advertisable === true) return nonCompliant("is publicly advertisable");
      return expectThat(
        !(
          typeof body.ipam_scope_id === "string" &&
          body.ipam_scope_id.includes(".public_default_scope_id")
        ),
        "allocates from the IPAM's public scope",
      );
    },
  },
  {
    id: "LZ-NET-015",
    criteria: ["CC7.2"],
    title: "The IPAM operates in its own region and every region its pools serve",
    fix: "Add an operating_regions block for each pool's locale and the IPAM's region (network.ipam.pools decides them); IPAM monitors address use only in its operating regions, and a pool can't serve a region outside them.",
    appliesTo: ["aws_vpc_ipam"],
    check(ipam, context) {
      if (isToken(ipam.body.operating_regions)) return COMPLIANT;
      const operating = new Set(
        blocks(ipam.body.operating_regions).map((region) => region.region_name),
      );
      const needed = [
        ipam.body.region,
        ...context
          .resourcesOf("aws_vpc_ipam_pool")
          .filter(({ body }) => mentions(body.ipam_scope_id, ipam.address))
          .map(({ body }) => body.locale),
      ].filter((region): region is string => typeof region === "string" && !isToken(region));
      const missing = [...new Set(needed)].filter((region) => !operating.has(region)).sort();
      return expectThat(missing.length === 0, `does not operate in ${missing.join(", ")}`);
    },
  },
  {
    id: "LZ-NET-016",
    criteria: ["CC6.1", "CC6.3"],
    title: "IPAM is administered from a delegated member account, not the management account",
    fix: "Set network.ipam.account to a core account (shared-services by default): day-to-day address management then needs no access to the management account, which stays reserved for the organization itself.",
    appliesTo: ["aws_vpc_ipam_organization_admin_account"],
    check: ({ body }) =>
      expectThat(
        !(
          typeof body.delegated_admin_account_id === "string" &&
          /(?<![\w-])data\.aws_caller_identity\.|\.master_account_id\b/.test(
            body.delegated_admin_account_id,
          )
        ),
        "delegates IPAM administration to the management account itself",
      ),
  },
  {
    id: "LZ-NET-017",
    criteria: ["CC6.1", "CC6.6"],
    title: "Resource shares stay inside the organization",
    fix: "Set allow_external_principals = false on the aws_ram_resource_share and share with the organization or an OU ARN; OrganizationIpam does. RAM's default lets a share reach any AWS account.",
    appliesTo: [
      "aws_ram_resource_share",
      "aws_ram_principal_association",
      "aws_ram_resource_association",
    ],
    check(resource, context) {
      if (resource.type === "aws_ram_resource_share")
        return expectThat(
          !allowsExternalPrincipals(resource),
          "allows principals outside the organization",
        );
      const share = shareOf(resource, context);
      if (!share || !allowsExternalPrincipals(share)) return COMPLIANT;
      if (resource.type === "aws_ram_resource_association")
        return nonCompliant(
          `shares a resource through ${share.address}, which allows principals outside the organization`,
        );
      const { principal } = resource.body;
      return expectThat(
        isInsideOrganization(principal) || isToken(principal),
        `shares with ${String(principal)} through ${share.address}, which allows principals outside the organization`,
      );
    },
  },
  {
    id: "LZ-NET-018",
    criteria: ["CC8.1", "A1.2"],
    title: "Sharing with the organization can't be switched off by Terraform",
    fix: "Keep lifecycle.prevent_destroy = true on aws_ram_sharing_with_organization: destroying it disables RAM's trusted access and deletes its service-linked role, which withdraws every OU share, IPAM pools included.",
    appliesTo: ["aws_ram_sharing_with_organization"],
    check: (sharing) => expectThat(preventsDestroy(sharing), "lacks prevent_destroy"),
  },
];
