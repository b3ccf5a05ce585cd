import { availabilityZoneCount } from "../../../config/model/availability-zones";
import { isOptInRegion, optInRegionsOf } from "../../../config/model/opt-in-regions";

test("regions launched since March 2019 need opting in; older ones don't", () => {
  expect(isOptInRegion("me-central-1")).toBe(true);
  expect(isOptInRegion("ap-east-1")).toBe(true);
  expect(isOptInRegion("us-east-1")).toBe(false);
  expect(isOptInRegion("eu-west-1")).toBe(false);
  expect(isOptInRegion("me-west-1")).toBe(false);
});

test("an organization's opt-in regions are its governed regions that need opting in, in order", () => {
  expect(optInRegionsOf(["us-east-1", "me-central-1", "eu-west-1", "ap-east-1"])).toEqual([
    "me-central-1",
    "ap-east-1",
  ]);
  expect(optInRegionsOf(["us-east-1", "us-west-2"])).toEqual([]);
});

test("zone counts are those a new account can use", () => {
  expect(availabilityZoneCount("us-east-1")).toBe(6);
  expect(availabilityZoneCount("us-west-1")).toBe(2);
  expect(availabilityZoneCount("us-west-2")).toBe(4);
  expect(availabilityZoneCount("me-west-1")).toBeUndefined();
  expect(availabilityZoneCount("toString")).toBeUndefined();
});
