import { join } from "node:path";

const TYPESCRIPT_LOADER = join(__dirname, "register-typescript.js");

/**
 * The node arguments that run one of the project's TypeScript entry points from source, as the
 * npm scripts do. The loader is this checkout's, by absolute path, so a tree of an older commit
 * (npm run affected) runs the same way.
 */
export function typescriptEntryArguments(entry: string): string[] {
  return ["-r", TYPESCRIPT_LOADER, entry];
}

/** `npm run synth` (and cdktf.json's `app`), as node arguments. */
export function synthNodeArguments(): string[] {
  return typescriptEntryArguments("main.ts");
}
