import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { JSON_SCHEMA_FILES, toJsonSchema } from "./schema/json-schemas";

/** `npm run generate-schema`: rewrites environments/schemas/ from the zod source. */
export const SCHEMAS_DIR = join(__dirname, "..", "environments", "schemas");

export function renderJsonSchema(name: keyof typeof JSON_SCHEMA_FILES): string {
  return `${JSON.stringify(toJsonSchema(JSON_SCHEMA_FILES[name]), null, 2)}\n`;
}

if (require.main === module) {
  for (const name of Object.keys(JSON_SCHEMA_FILES) as (keyof typeof JSON_SCHEMA_FILES)[]) {
    writeFileSync(join(SCHEMAS_DIR, name), renderJsonSchema(name));
    console.log(`wrote environments/schemas/${name}`);
  }
}
