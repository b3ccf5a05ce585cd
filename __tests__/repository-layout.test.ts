import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const folders = (dir: string) =>
  readdirSync(join(ROOT, dir)).filter((entry) => statSync(join(ROOT, dir, entry)).isDirectory());
const testsUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" }).filter((file) =>
    file.endsWith(".test.ts"),
  );

test.each(folders("modules"))(
  "modules/%s has its own tests, in the same folder under __tests__/modules",
  (folder) => {
    expect(folders("__tests__/modules")).toContain(folder);
    expect(testsUnder(join("__tests__", "modules", folder)).length).toBeGreaterThan(0);
  },
);

test("environments/ holds only the example organization: no code", () => {
  const code = readdirSync(join(ROOT, "environments"), {
    recursive: true,
    encoding: "utf8",
  }).filter((file) => /\.[cm]?[jt]s$/.test(file));
  expect(code).toEqual([]);
});
