import { z } from "zod";
import {
  ifReadable,
  readableItems,
  salvage,
  UnreadableValue,
} from "../../../config/loader/salvage";

const Schema = z.strictObject({
  name: z.string().min(1),
  region: z.string().regex(/^[a-z]{2}-[a-z]+-\d$/),
  tags: z.record(z.string(), z.string()).default({}),
  retries: z.number().int().default(3),
  accounts: z
    .array(z.strictObject({ name: z.string(), email: z.email(), owner: z.string().optional() }))
    .default([]),
  contacts: z.array(z.email()).min(1),
});

const expectUnreadable = (read: () => unknown) => expect(read).toThrow(UnreadableValue);

test("a file that passes its schema is returned as parsed", () => {
  const parsed = salvage(Schema, { name: "a", region: "eu-west-1", contacts: ["a@b.co"] });
  expect(parsed).toEqual({
    name: "a",
    region: "eu-west-1",
    tags: {},
    retries: 3,
    accounts: [],
    contacts: ["a@b.co"],
  });
});

test("values that pass are parsed, with defaults; reading one that failed throws", () => {
  const input = {
    name: "a",
    region: "eu-westish",
    accounts: [
      { name: "ok", email: "ok@example.com" },
      { name: "bad", email: "bad@" },
    ],
    contacts: ["a@b.co"],
  };
  const salvaged = salvage(Schema, input)!;
  expect(salvaged.name).toBe("a");
  expect(salvaged.retries).toBe(3);
  expect(salvaged.tags).toEqual({});
  expectUnreadable(() => salvaged.region);
  // Items keep their index, so problems found in them point at the right place.
  expect(salvaged.accounts[0]).toEqual({ name: "ok", email: "ok@example.com" });
  expect(salvaged.accounts[1].name).toBe("bad");
  expectUnreadable(() => salvaged.accounts[1].email);
  expectUnreadable(() => salvaged.accounts.map((account) => account.email));
  expect(salvaged.accounts.map((account) => account.name)).toEqual(["ok", "bad"]);
  expect(salvaged.accounts[1]).toBe(salvaged.accounts[1]);
});

test("a key left out where a misspelt key stands is unreadable, not defaulted", () => {
  const salvaged = salvage(Schema, {
    name: "a",
    region: "eu-west-1",
    acounts: [{ name: "x", email: "x@example.com" }],
    contacts: ["a@b.co"],
  })!;
  expectUnreadable(() => salvaged.accounts);
  expect(salvaged.retries).toBe(3);
});

test("a container that breaks a rule of its own is unreadable whole", () => {
  const salvaged = salvage(Schema, { name: "", region: "eu-west-1", contacts: [] })!;
  expectUnreadable(() => salvaged.contacts);
  expectUnreadable(() => salvaged.name);
  expect(salvaged.region).toBe("eu-west-1");
});

test("a file whose top level is refused yields nothing", () => {
  expect(salvage(Schema, ["not", "a", "mapping"])).toBeUndefined();
});

test("ifReadable and readableItems skip only what reads a refused value", () => {
  const salvaged = salvage(z.strictObject({ list: z.array(z.number()) }), {
    list: [1, "two", 3],
  })!;
  expect(ifReadable(() => salvaged.list.reduce((sum, value) => sum + value, 0), -1)).toBe(-1);
  expect(readableItems(salvaged.list)).toEqual([
    [1, 0],
    [3, 2],
  ]);
  expect(() => ifReadable(() => JSON.parse("{"), undefined)).toThrow(SyntaxError);
});
