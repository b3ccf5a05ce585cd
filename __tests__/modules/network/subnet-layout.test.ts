import {
  MAX_AZS_WITH_PUBLIC_SUBNETS,
  MAX_PRIVATE_AZS,
  privateSubnetSlot,
  publicSubnetSlot,
  vpcNetmaskProblem,
} from "../../../modules/network/subnet-layout";
import type { SubnetSlot } from "../../../modules/network/subnet-layout";

/** The share of the VPC a slot covers, as [start, end) fractions of its address range. */
const span = ({ newbits, netnum }: SubnetSlot): [number, number] => [
  netnum / 2 ** newbits,
  (netnum + 1) / 2 ** newbits,
];
const overlaps = (a: SubnetSlot, b: SubnetSlot) => {
  const [aStart, aEnd] = span(a);
  const [bStart, bEnd] = span(b);
  return aStart < bEnd && bStart < aEnd;
};
const range = (count: number) => Array.from({ length: count }, (_, index) => index);

test("private subnet i is quarter i, whatever else the VPC holds", () => {
  expect(range(MAX_PRIVATE_AZS).map(privateSubnetSlot)).toEqual([
    { newbits: 2, netnum: 0 },
    { newbits: 2, netnum: 1 },
    { newbits: 2, netnum: 2 },
    { newbits: 2, netnum: 3 },
  ]);
});

test("public subnets are sixteenths of the fourth quarter, clear of every private subnet", () => {
  const publics = range(MAX_AZS_WITH_PUBLIC_SUBNETS).map(publicSubnetSlot);
  expect(publics).toEqual([
    { newbits: 4, netnum: 12 },
    { newbits: 4, netnum: 13 },
    { newbits: 4, netnum: 14 },
  ]);
  const privates = range(MAX_AZS_WITH_PUBLIC_SUBNETS).map(privateSubnetSlot);
  const all = [...privates, ...publics];
  for (const [index, slot] of all.entries())
    for (const other of all.slice(index + 1)) expect(overlaps(slot, other)).toBe(false);
  for (const slot of all) expect(span(slot)[1]).toBeLessThanOrEqual(1);
});

test("a VPC must leave room for /28 subnets at least", () => {
  expect(vpcNetmaskProblem(16, false)).toBeUndefined();
  expect(vpcNetmaskProblem(26, false)).toBeUndefined();
  expect(vpcNetmaskProblem(24, true)).toBeUndefined();
  expect(vpcNetmaskProblem(27, false)).toBe(
    "needs a VPC netmask from /16 to /26 (private subnets are a quarter of the VPC and AWS subnets are at most /28), got /27",
  );
  expect(vpcNetmaskProblem(25, true)).toBe(
    "needs a VPC netmask from /16 to /24 (public subnets are a sixteenth of the VPC and AWS subnets are at most /28), got /25",
  );
  expect(vpcNetmaskProblem(15, false)).toMatch(/got \/15$/);
});
