/**
 * cdktf records a full JavaScript stack trace each time it creates a token, only to quote it in
 * the error for a token that can't be resolved. Profiling showed those traces costing a third of
 * synth time and a third of its memory at 100 accounts, growing with every resource. Synth skips
 * them; set LZ_TOKEN_STACK_TRACES=1 to get them back when debugging such an error.
 */
export function skipTokenStackTraces(env: NodeJS.ProcessEnv = process.env): void {
  if (env.LZ_TOKEN_STACK_TRACES === "1") return;
  // cdktf 0.21 calls this module's export through the module object, so replacing it takes effect.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a private module, patched at run time
  const stackTrace = require("cdktf/lib/tokens/private/stack-trace") as {
    captureStackTrace: () => string[];
  };
  stackTrace.captureStackTrace = () => [];
}
