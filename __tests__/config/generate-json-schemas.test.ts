import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderJsonSchema, SCHEMAS_DIR } from "../../config/generate-json-schemas";
import { JSON_SCHEMA_FILES } from "../../config/schema/json-schemas";

test.each(Object.keys(JSON_SCHEMA_FILES) as (keyof typeof JSON_SCHEMA_FILES)[])(
  "the committed %s matches the zod source (run npm run generate-schema after changing it)",
  (name) => {
    expect(readFileSync(join(SCHEMAS_DIR, name), "utf8")).toBe(renderJsonSchema(name));
  },
);

test("the organization schema is strict and documents its keys for editors", () => {
  const schema = JSON.parse(renderJsonSchema("organization.schema.json"));
  expect(schema.additionalProperties).toBe(false);
  expect(schema.properties.governedRegions.description).toMatch(/Regions where workloads may run/);
  expect(schema.required).toContain("managementAccountId");
  expect(schema.required).not.toContain("accessRoleName");
});
