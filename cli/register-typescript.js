// Lets node run the project's TypeScript (`node -r ./cli/register-typescript.js main.ts`).
//
// sucrase strips the types; its output for each file is kept in node_modules/.cache so that
// later runs skip loading and running the transpiler, which was a fifth of the example synth.
// An entry is used only when it was made from the same source by the same sucrase version with
// the same options, so an edited file is always transpiled afresh. Types are checked by
// `npm test` (tsc --noEmit), never here. V8's compiled code for every module, the project's and
// its packages', is kept beside it (compile-cache.js).
const { addHook } = require("pirates");
const { createHash } = require("node:crypto");
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

const { installCompileCache } = require("./compile-cache");

const LOADER_CACHE_DIR =
  process.env.REGISTER_TYPESCRIPT_CACHE_DIR ||
  join(__dirname, "..", "node_modules", ".cache", "register-typescript");
const CACHE_DIR = join(LOADER_CACHE_DIR, "transpiled");
const SUCRASE_OPTIONS = { transforms: ["imports", "typescript"] };
const SUCRASE_VERSION = require("sucrase/package.json").version;

/** @param {string} text */
function sha256(text) {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * @param {string} source
 * @param {string} filePath
 */
function transpile(source, filePath) {
  const { transform } = require("sucrase");
  // sucrase keeps every line where it was, so stack traces point at the right TypeScript line
  // without a source map.
  return transform(source, { ...SUCRASE_OPTIONS, filePath }).code;
}

/**
 * @param {string} source
 * @param {string} filePath
 */
function transpileWithCache(source, filePath) {
  // The fingerprint goes last so that it doesn't shift the file's line numbers.
  const fingerprint = `\n//# register-typescript ${sha256(
    JSON.stringify([SUCRASE_VERSION, SUCRASE_OPTIONS, source]),
  )}`;
  // One entry per source file, replaced on change, so the cache never outgrows the project.
  const entry = join(CACHE_DIR, `${sha256(filePath)}.js`);
  try {
    const cached = readFileSync(entry, "utf8");
    if (cached.endsWith(fingerprint)) return cached;
  } catch {
    // not cached yet
  }
  const output = transpile(source, filePath) + fingerprint;
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written beside and renamed into place: processes that run side by side (npm run affected)
    // never read half an entry.
    const partial = `${entry}.${process.pid}`;
    writeFileSync(partial, output);
    renameSync(partial, entry);
  } catch {
    // A read-only checkout still runs; it just transpiles every time.
  }
  return output;
}

installCompileCache(join(LOADER_CACHE_DIR, "compiled"));
addHook(transpileWithCache, { exts: [".ts"], ignoreNodeModules: true });
