import { freeAddressBlock } from "../../../cli/account/free-address-block";

const PROD_EAST = ["10.20.0.0/20", "10.20.16.0/20", "10.20.32.0/20"];

test("the lowest free block beside the environment's, skipping any taken", () => {
  expect(freeAddressBlock(PROD_EAST, 20, "10.20.0.0/20")).toBe("10.20.48.0/20");
  // A smaller block in the way pushes the next one to the following aligned block.
  expect(freeAddressBlock([...PROD_EAST, "10.20.50.0/24"], 20, "10.20.0.0/20")).toBe(
    "10.20.64.0/20",
  );
  expect(freeAddressBlock(PROD_EAST, 24, "10.20.0.0/20")).toBe("10.20.48.0/24");
});

test("without blocks to sit beside, or past the end of their range, the lowest private block", () => {
  expect(freeAddressBlock([], 20)).toBe("10.0.0.0/20");
  expect(freeAddressBlock(["10.255.240.0/20"], 20, "10.255.240.0/20")).toBe("10.0.0.0/20");
  expect(freeAddressBlock(["10.0.0.0/8"], 20)).toBe("172.16.0.0/20");
});

test("none when every private range is taken", () => {
  expect(freeAddressBlock(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"], 28)).toBeUndefined();
});
