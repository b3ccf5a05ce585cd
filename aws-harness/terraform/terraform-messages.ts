/** What Terraform's machine-readable output (`-json`) says, reduced to what the harness reports. */

export interface Diagnostic {
  readonly severity: "error" | "warning";
  readonly summary: string;
  readonly detail: string;
  /** The resource the diagnostic is about, when Terraform knows it. */
  readonly address?: string;
}

interface JsonLine {
  type?: string;
  diagnostic?: { severity: string; summary: string; detail?: string; address?: string };
}

/** The diagnostics of `terraform apply|plan -json` output, one JSON object per line. */
export function readDiagnostics(stdout: string): Diagnostic[] {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as JsonLine)
    .flatMap(({ type, diagnostic }) =>
      type === "diagnostic" && diagnostic
        ? [
            {
              severity: diagnostic.severity === "error" ? ("error" as const) : ("warning" as const),
              summary: diagnostic.summary,
              detail: diagnostic.detail ?? "",
              address: diagnostic.address,
            },
          ]
        : [],
    );
}

/** Reads `terraform validate -json` output, a single JSON document. */
export function readValidateJson(stdout: string): Diagnostic[] {
  const parsed = JSON.parse(stdout) as {
    diagnostics: { severity: string; summary: string; detail?: string }[];
  };
  return parsed.diagnostics.map((diagnostic) => ({
    severity: diagnostic.severity === "error" ? "error" : "warning",
    summary: diagnostic.summary,
    detail: diagnostic.detail ?? "",
  }));
}

export function errorsOf(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.severity === "error");
}

/** One line per diagnostic, for logs and failure messages. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = diagnostic.address ? `${diagnostic.address}: ` : "";
  return `${where}${diagnostic.summary}${diagnostic.detail ? ` — ${diagnostic.detail.replace(/\s+/g, " ").trim()}` : ""}`;
}
