// Keeps V8's compiled code for every CommonJS module node loads, so that later runs skip parsing
// and compiling them: about 15 MB of JavaScript in the example synth, two thirds of it the
// provider's generated resource classes, which was a sixth of its time.
//
// Node 20 has no built-in compile cache (module.enableCompileCache came with Node 22), and
// v8-compile-cache asks V8 for the cache right after compiling, when it holds only the top-level
// code. Here the cache is taken when the process exits, so it also holds every function that ran.
// An entry is used only for the same file with the same content (SHA-1 of the source) under the
// same V8; V8 rejects data made with other flags, and a rejected entry is made again.
const { Buffer } = require("node:buffer");
const { createHash } = require("node:crypto");
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { dirname, join } = require("node:path");
const vm = require("node:vm");

/**
 * The parts of node's CommonJS loader used here: public in practice (every compile cache for
 * Node 20 uses them), absent from @types/node.
 * @typedef {object} CommonJsLoader
 * @property {{ _compile(this: NodeJS.Module, content: string, filename: string): unknown }} prototype
 * @property {(request: string, parent: NodeJS.Module, isMain: boolean, options?: { paths?: string[] }) => string} _resolveFilename
 * @property {(request: string, parent: NodeJS.Module) => string[] | null} _resolveLookupPaths
 * @property {NodeJS.RequireExtensions} _extensions
 * @property {NodeJS.Dict<NodeJS.Module>} _cache
 * @property {(script: string) => string} wrap
 */
const loader = /** @type {CommonJsLoader} */ (/** @type {unknown} */ (Module));

/** @param {string} text */
function digest(text) {
  return createHash("sha1").update(text).digest();
}

/**
 * What node hands a module as `require`: the same resolution, cache and main module as its own
 * (lib/internal/modules/helpers.js makeRequireFunction, which node doesn't export).
 * @param {NodeJS.Module} module
 * @returns {NodeJS.Require}
 */
function requireFor(module) {
  /**
   * @param {string} id
   * @returns {unknown}
   */
  const require = (id) => /** @type {unknown} */ (module.require(id));
  /**
   * @param {string} request
   * @param {{ paths?: string[] }} [options]
   */
  const resolve = (request, options) => loader._resolveFilename(request, module, false, options);
  /** @param {string} request */
  resolve.paths = (request) => loader._resolveLookupPaths(request, module);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = loader._extensions;
  require.cache = loader._cache;
  return require;
}

/**
 * @param {string} cacheDir
 */
function installCompileCache(cacheDir) {
  const dir = join(cacheDir, `v8-${process.versions.v8}`);
  /** @type {{ entry: string, hash: Buffer, script: vm.Script }[]} */
  const toStore = [];
  const compile = loader.prototype._compile;

  /**
   * @this {NodeJS.Module}
   * @param {string} content
   * @param {string} filename
   */
  loader.prototype._compile = function compileWithCache(content, filename) {
    // ES modules, and code with a dynamic import (which a vm.Script resolves only with an
    // experimental option), take node's own path.
    if (!/\.(c?js|ts)$/.test(filename) || content.startsWith("#!") || content.includes("import("))
      return compile.call(this, content, filename);
    const entry = join(dir, createHash("sha256").update(filename).digest("hex"));
    const hash = digest(content);
    let cachedData;
    try {
      const stored = readFileSync(entry);
      if (stored.subarray(0, hash.length).equals(hash)) cachedData = stored.subarray(hash.length);
    } catch {
      // not cached yet
    }
    let script;
    try {
      script = new vm.Script(loader.wrap(content), { filename, cachedData });
    } catch {
      // Syntax node's loader handles differently (an ES module behind a .js name): its own path
      // compiles it, or reports the error as it would have.
      return compile.call(this, content, filename);
    }
    if (cachedData === undefined || script.cachedDataRejected)
      toStore.push({ entry, hash, script });
    /** @type {unknown} */
    const compiled = script.runInThisContext({ displayErrors: true });
    const wrapper = /** @type {(...args: unknown[]) => unknown} */ (compiled);
    return wrapper.call(
      this.exports,
      this.exports,
      requireFor(this),
      this,
      filename,
      dirname(filename),
    );
  };

  process.once("exit", () => {
    if (toStore.length === 0) return;
    try {
      mkdirSync(dir, { recursive: true });
      for (const { entry, hash, script } of toStore) {
        // Beside and renamed into place: processes that run side by side never read half an entry.
        const partial = `${entry}.${process.pid}`;
        writeFileSync(partial, Buffer.concat([hash, script.createCachedData()]));
        renameSync(partial, entry);
      }
    } catch {
      // A read-only checkout still runs; it just compiles every time.
    }
  });
}

module.exports = { installCompileCache };
