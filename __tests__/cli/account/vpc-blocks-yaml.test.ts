import { removeVpcBlocks, setVpcBlocks } from "../../../cli/account/vpc-blocks-yaml";

const FLOW = `network:
  addressing:
    # One /20 per account.
    cidrs:
      a: { us-east-1: 10.20.0.0/20 } # the first
      b: { us-east-1: 10.20.16.0/20 }
  interfaceEndpoints: [ssm]
`;

test("a new entry follows the last, in its style, and nothing else changes", () => {
  expect(setVpcBlocks(FLOW, "c", { "us-east-1": "10.20.32.0/20" })).toBe(
    FLOW.replace(
      "      b: { us-east-1: 10.20.16.0/20 }\n",
      "      b: { us-east-1: 10.20.16.0/20 }\n      c: { us-east-1: 10.20.32.0/20 }\n",
    ),
  );
  const block =
    "network:\n  addressing:\n    cidrs:\n      a:\n        us-east-1: 10.20.0.0/20\n  availabilityZones: 2\n";
  expect(setVpcBlocks(block, "b", { "us-east-1": "10.20.16.0/20" })).toBe(
    block.replace(
      "  availabilityZones",
      "      b:\n        us-east-1: 10.20.16.0/20\n  availabilityZones",
    ),
  );
});

test("removing an entry takes its lines only; the last one leaves an empty map", () => {
  expect(removeVpcBlocks(FLOW, "a")).toBe(
    FLOW.replace("      a: { us-east-1: 10.20.0.0/20 } # the first\n", ""),
  );
  expect(removeVpcBlocks(FLOW, "nobody")).toBe(FLOW);
  const one = "network:\n  addressing:\n    cidrs:\n      a: { us-east-1: 10.20.0.0/20 }\n";
  expect(removeVpcBlocks(one, "a")).toBe("network:\n  addressing:\n    cidrs: {}\n");
});
