import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { typescriptEntryArguments } from "../../cli/synth-command";
import { tempDir } from "../helpers/temp-dirs";

const ROOT = join(__dirname, "..", "..");

const spawn = (file: string, cacheDir: string) =>
  spawnSync(process.execPath, typescriptEntryArguments(file), {
    cwd: ROOT,
    env: { ...process.env, REGISTER_TYPESCRIPT_CACHE_DIR: cacheDir },
    encoding: "utf8",
  });

function run(file: string, cacheDir: string) {
  const result = spawn(file, cacheDir);
  expect(result.stderr).toBe("");
  return result.stdout;
}

/** The one compile-cache entry whose stored source hash is that of `source`. */
function entryFor(cacheDir: string, source: string): string {
  const [v8Dir] = readdirSync(join(cacheDir, "compiled"));
  const dir = join(cacheDir, "compiled", v8Dir);
  const hash = createHash("sha1").update(source).digest();
  const matching = readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => readFileSync(path).subarray(0, hash.length).equals(hash));
  expect(matching).toHaveLength(1);
  return matching[0];
}

test("a module is compiled from its cache entry on the next run, and afresh once edited", () => {
  const dir = tempDir();
  const cacheDir = join(dir, "cache");
  const file = join(dir, "answer.js");
  const write = (value: number) => {
    const source = `console.log(${value} + 1);\n`;
    writeFileSync(file, source);
    return source;
  };

  const first = write(1);
  expect(run(file, cacheDir)).toBe("2\n");
  const entry = entryFor(cacheDir, first);
  const written = statSync(entry).mtimeMs;
  // A used entry isn't written again; a rejected or missing one would be.
  expect(run(file, cacheDir)).toBe("2\n");
  expect(statSync(entry).mtimeMs).toBe(written);

  const edited = write(41);
  expect(run(file, cacheDir)).toBe("42\n");
  expect(entryFor(cacheDir, edited)).toBe(entry);
});

test("a cached module gets node's require and main module", () => {
  const dir = tempDir();
  const cacheDir = join(dir, "cache");
  writeFileSync(join(dir, "sibling.js"), "module.exports = 'sibling';\n");
  const file = join(dir, "main.js");
  writeFileSync(
    file,
    [
      "console.log(require.main === module);",
      "console.log(require('./sibling'), module.children.length);",
      "console.log(require.resolve('./sibling') === __dirname + '/sibling.js');",
      "console.log(require.resolve.paths('x').length > 0, require.cache[__filename] === module);",
    ].join("\n"),
  );
  const expected = "true\nsibling 1\ntrue\ntrue true\n";
  expect(run(file, cacheDir)).toBe(expected);
  expect(run(file, cacheDir)).toBe(expected);
});

test("a module with a dynamic import runs as node would run it", () => {
  const dir = tempDir();
  const file = join(dir, "imports.js");
  writeFileSync(
    file,
    "import('node:path').then((path) => console.log(path.basename(__filename)));\n",
  );
  expect(run(file, join(dir, "cache"))).toBe("imports.js\n");
});

test("an error's stack still points at the module's own line", () => {
  const dir = tempDir();
  const cacheDir = join(dir, "cache");
  const file = join(dir, "fails.js");
  writeFileSync(file, "const sides = 3;\n\nthrow new Error(`broken ${sides}`);\n");
  for (let attempt = 0; attempt < 2; attempt++) {
    const result = spawn(file, cacheDir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("broken 3");
    expect(result.stderr).toContain(`${file}:3`);
  }
});
