import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { editedExample, EXAMPLE_CONFIG_DIR, replaceInFile } from "./example-config";
import { tempDir } from "./temp-dirs";

test("an edit whose fragment is gone fails loudly, naming the file and the fragment", () => {
  const path = join(tempDir(), "organization.yaml");
  writeFileSync(path, "homeRegion: us-east-1\n");
  expect(() => replaceInFile(path, "homeRegion: eu-west-1", "homeRegion: eu-west-2")).toThrow(
    `${path} no longer contains homeRegion: eu-west-1: update the test's edit to the example.`,
  );
  expect(() => replaceInFile(path, /^region:/m, "")).toThrow("no longer contains /^region:/m");
  expect(readFileSync(path, "utf8")).toBe("homeRegion: us-east-1\n");
});

test("edits apply to a copy; the example itself is untouched", () => {
  const example = readFileSync(join(EXAMPLE_CONFIG_DIR, "organization.yaml"), "utf8");
  const dir = editedExample([["organization.yaml", "memberRole: deploy", "memberRole: access"]]);
  expect(readFileSync(join(dir, "organization.yaml"), "utf8")).toBe(
    example.replace("memberRole: deploy", "memberRole: access"),
  );
  expect(readFileSync(join(EXAMPLE_CONFIG_DIR, "organization.yaml"), "utf8")).toBe(example);
});
