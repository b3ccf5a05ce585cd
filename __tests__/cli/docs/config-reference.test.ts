import { z } from "zod";
import { configReferenceRows, configReferenceTable } from "../../../cli/docs/config-reference";
import { JSON_SCHEMA_FILES, toJsonSchema } from "../../../config/schema/json-schemas";
import type { JsonSchema } from "../../../config/schema/json-schemas";

const Example = z.strictObject({
  region: z.string().describe("Home region."),
  retentionDays: z.number().int().min(1).max(3650).default(365).describe("Days kept."),
  level: z.enum(["low", "high"]).optional().describe("How loud."),
  units: z
    .array(z.strictObject({ name: z.string().min(1).max(20).describe("Unit name.") }))
    .min(1)
    .describe("The units."),
  tags: z.record(z.string(), z.string()).default({}).describe("Extra tags."),
  attachments: z
    .record(z.string(), z.array(z.string().describe("A target.")))
    .describe("Policy name → targets."),
  limits: z
    .strictObject({ size: z.number().int().positive().default(5).describe("Largest size.") })
    .default({ size: 5 })
    .describe("Quotas."),
  policy: z
    .union([
      z.strictObject({ file: z.string().describe("A JSON file.") }),
      z.strictObject({ document: z.record(z.string(), z.unknown()).describe("Inline.") }),
    ])
    .optional()
    .describe("The policy, from a file or inline."),
});

const rows = configReferenceRows(toJsonSchema(Example));
const rowOf = (key: string) => rows.find((row) => row.key === key);

test("every key has a row, depth first: list items as [], a map's own keys as <name>", () => {
  expect(rows.map((row) => row.key)).toEqual([
    "region",
    "retentionDays",
    "level",
    "units",
    "units[].name",
    "tags",
    "attachments",
    "attachments.<name>",
    "limits",
    "limits.size",
    "policy",
    "policy.file",
    "policy.document",
  ]);
});

test("a row gives the type with its bounds, whether the key is required, its default and its description", () => {
  expect(rowOf("region")).toEqual({
    key: "region",
    type: "string",
    required: "yes",
    defaultValue: "",
    description: "Home region.",
  });
  expect(rowOf("retentionDays")).toMatchObject({
    type: "integer, 1–3650",
    required: "no",
    defaultValue: "`365`",
  });
  expect(rowOf("level")?.type).toBe("`low`, `high`");
  expect(rowOf("units")?.type).toBe("list of object (at least 1)");
  expect(rowOf("units[].name")?.type).toBe("string, 1–20 characters");
  expect(rowOf("tags")).toMatchObject({ type: "map of string", defaultValue: "`{}`" });
  expect(rowOf("attachments.<name>")).toMatchObject({
    type: "list of string",
    description: "A target.",
  });
  expect(rowOf("limits")?.defaultValue).toBe("its keys' defaults");
  expect(rowOf("limits.size")?.type).toBe("integer ≥ 1");
  expect(rowOf("policy")?.type).toBe("`{ file }` or `{ document }`");
  expect(rowOf("policy.file")?.required).toBe("yes, in this form");
});

test("a schema that contains itself (an OU's children) is described once, where it first appears", () => {
  const unit: JsonSchema = { $ref: "#/$defs/Unit" };
  const root: JsonSchema = {
    type: "object",
    properties: { units: { type: "array", items: unit, description: "The unit tree." } },
    $defs: {
      Unit: {
        type: "object",
        properties: {
          name: { type: "string", description: "Unit name." },
          children: { type: "array", items: unit, default: [], description: "Units below." },
        },
        required: ["name"],
      },
    },
  };
  expect(configReferenceRows(root)).toEqual([
    {
      key: "units",
      type: "list of object",
      required: "no",
      defaultValue: "",
      description: "The unit tree.",
    },
    {
      key: "units[].name",
      type: "string",
      required: "yes",
      defaultValue: "",
      description: "Unit name.",
    },
    {
      key: "units[].children",
      type: "list of object",
      required: "no",
      defaultValue: "`[]`",
      description: "Units below.",
    },
  ]);
});

test("the table puts each key in code", () => {
  expect(configReferenceTable(toJsonSchema(Example)).slice(0, 3)).toEqual([
    "| key | type | required | default | description |",
    "| --- | --- | --- | --- | --- |",
    "| `region` | string | yes |  | Home region. |",
  ]);
});

test.each(Object.keys(JSON_SCHEMA_FILES))(
  "every key of %s has a description (a .describe() in config/schema/)",
  (file) => {
    const schema = JSON_SCHEMA_FILES[file as keyof typeof JSON_SCHEMA_FILES];
    const undescribed = configReferenceRows(toJsonSchema(schema))
      .filter((row) => row.description === "")
      .map((row) => row.key);
    expect(undescribed).toEqual([]);
  },
);
