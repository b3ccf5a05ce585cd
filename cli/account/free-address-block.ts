import ipaddr from "ipaddr.js";

/**
 * The private ranges (RFC 1918) a VPC block is allocated from. AWS accepts other ranges too, but
 * an address the tool picks on its own should never be one that is routable on the internet.
 */
const PRIVATE_RANGES = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"];

/** A block as [first address, size], both as integers. */
type Span = readonly [first: number, size: number];

function spanOf(cidr: string): Span {
  const length = ipaddr.IPv4.parseCIDR(cidr)[1];
  const first = ipaddr.IPv4.networkAddressFromCIDR(cidr).toByteArray();
  return [first.reduce((value, byte) => value * 256 + byte, 0), 2 ** (32 - length)];
}

function cidrOf(first: number, length: number): string {
  const bytes = [24, 16, 8, 0].map((shift) => Math.floor(first / 2 ** shift) % 256);
  return `${new ipaddr.IPv4(bytes).toString()}/${length}`;
}

/**
 * The lowest private block of `/length` overlapping none of `taken`. With `from`, the lowest at or
 * above it in its private range when one is free there, so that a new account lands beside its
 * environment's others; else the lowest anywhere. Undefined when the private ranges are full.
 */
export function freeAddressBlock(
  taken: readonly string[],
  length: number,
  from?: string,
): string | undefined {
  const spans = taken.map(spanOf);
  const size = 2 ** (32 - length);
  const search = (ranges: readonly Span[], start: number): string | undefined => {
    for (const [rangeFirst, rangeSize] of ranges) {
      let candidate = Math.max(rangeFirst, Math.ceil(start / size) * size);
      while (candidate + size <= rangeFirst + rangeSize) {
        const blocking = spans.find(
          ([first, span]) => first < candidate + size && candidate < first + span,
        );
        if (!blocking) return cidrOf(candidate, length);
        // Past the block in the way, aligned to the size asked for.
        candidate = Math.ceil((blocking[0] + blocking[1]) / size) * size;
      }
    }
    return undefined;
  };
  const ranges = PRIVATE_RANGES.map(spanOf);
  const anchor = from === undefined ? undefined : spanOf(from)[0];
  const home = ranges.find(
    ([first, span]) => anchor !== undefined && first <= anchor && anchor < first + span,
  );
  return (home && search([home], anchor!)) ?? search(ranges, 0);
}
