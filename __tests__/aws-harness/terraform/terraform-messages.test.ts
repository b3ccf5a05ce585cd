import {
  errorsOf,
  formatDiagnostic,
  readDiagnostics,
  readValidateJson,
} from "../../../aws-harness/terraform/terraform-messages";
import type { Diagnostic } from "../../../aws-harness/terraform/terraform-messages";

const lines = (...messages: object[]) => messages.map((message) => JSON.stringify(message));
const ui = (type: string, message: string, fields: object) => ({
  "@level": type === "diagnostic" ? "error" : "info",
  "@message": message,
  "@module": "terraform.ui",
  "@timestamp": "2025-06-02T10:15:04.123456Z",
  ...fields,
  type,
});
const resource = (addr: string) => {
  const [resourceType, resourceName] = addr.split(".");
  return {
    addr,
    module: "",
    resource: addr,
    implied_provider: "aws",
    resource_type: resourceType,
    resource_name: resourceName,
    resource_key: null,
  };
};

const VERSION = ui("version", "Terraform 1.11.4", { terraform: "1.11.4", ui: "1.2" });
const PLANNED_KEY = ui("planned_change", "aws_kms_key.logs: Plan to create", {
  change: { resource: resource("aws_kms_key.logs"), action: "create" },
});
const PLANNED_ALIAS = ui("planned_change", "aws_kms_alias.logs: Plan to update", {
  change: { resource: resource("aws_kms_alias.logs"), action: "update" },
});
const PLAN_SUMMARY = ui("change_summary", "Plan: 1 to add, 1 to change, 0 to destroy.", {
  changes: { add: 1, change: 1, import: 0, remove: 0, operation: "plan" },
});
const APPLY_START = ui("apply_start", "aws_kms_key.logs: Creating...", {
  hook: { resource: resource("aws_kms_key.logs"), action: "create" },
});
const APPLY_COMPLETE = (addr: string) =>
  ui("apply_complete", `${addr}: Creation complete after 1s [id=1234abcd]`, {
    hook: {
      resource: resource(addr),
      action: "create",
      id_key: "id",
      id_value: "1234abcd",
      elapsed_seconds: 1,
    },
  });
const PERMISSION_SET_ERROR = ui(
  "diagnostic",
  "Error: reading SSO Permission Set (arn:aws:sso:::permissionSet/ssoins-1/ps-1) tags",
  {
    diagnostic: {
      severity: "error",
      summary:
        "reading SSO Permission Set (arn:aws:sso:::permissionSet/ssoins-1/ps-1) tags: operation error SSO Admin: ListTagsForResource",
      detail: "NotImplementedError: The list_tags_for_resource action has not been implemented",
      address: "aws_ssoadmin_permission_set.admin",
      range: { filename: "main.tf.json", start: { line: 120, column: 9, byte: 4012 } },
      snippet: { context: "resource.aws_ssoadmin_permission_set.admin", code: "", values: [] },
    },
  },
);
const DEPRECATION_WARNING = ui("diagnostic", "Warning: Argument is deprecated", {
  "@level": "warn",
  diagnostic: {
    severity: "warning",
    summary: "Argument is deprecated",
    address: "aws_s3_bucket.logs",
  },
});
const APPLY_SUMMARY = ui("change_summary", "Apply complete! Resources: 2 added, 0 changed.", {
  changes: { add: 2, change: 0, import: 0, remove: 0, operation: "apply" },
});

describe("readDiagnostics", () => {
  it("reads no diagnostics from a clean plan", () => {
    expect(
      readDiagnostics([...lines(VERSION, PLANNED_KEY, PLANNED_ALIAS, PLAN_SUMMARY), ""].join("\n")),
    ).toEqual([]);
  });

  it("reads an apply's warnings and errors, with the address each is about", () => {
    const diagnostics = readDiagnostics(
      lines(
        VERSION,
        PLANNED_KEY,
        PLAN_SUMMARY,
        APPLY_START,
        APPLY_COMPLETE("aws_kms_key.logs"),
        APPLY_COMPLETE("aws_s3_bucket.logs"),
        DEPRECATION_WARNING,
        PERMISSION_SET_ERROR,
        APPLY_SUMMARY,
      ).join("\n"),
    );

    expect(diagnostics).toEqual<Diagnostic[]>([
      {
        severity: "warning",
        summary: "Argument is deprecated",
        detail: "",
        address: "aws_s3_bucket.logs",
      },
      {
        severity: "error",
        summary:
          "reading SSO Permission Set (arn:aws:sso:::permissionSet/ssoins-1/ps-1) tags: operation error SSO Admin: ListTagsForResource",
        detail: "NotImplementedError: The list_tags_for_resource action has not been implemented",
        address: "aws_ssoadmin_permission_set.admin",
      },
    ]);
  });

  it("skips lines that aren't JSON objects, such as a provider's stray output", () => {
    expect(
      readDiagnostics(
        [
          "",
          "2025/06/02 10:15:04 [WARN] Provider produced invalid plan",
          ...lines(PERMISSION_SET_ERROR),
        ].join("\n"),
      ),
    ).toHaveLength(1);
  });
});

describe("readValidateJson", () => {
  it("reads every diagnostic of a failed validate", () => {
    const diagnostics = readValidateJson(
      JSON.stringify({
        format_version: "1.0",
        valid: false,
        error_count: 1,
        warning_count: 1,
        diagnostics: [
          {
            severity: "error",
            summary: "Unsupported argument",
            detail: 'An argument named "region" is not expected here.',
            range: { filename: "main.tf.json", start: { line: 40, column: 9, byte: 1200 } },
          },
          {
            severity: "warning",
            summary: "Deprecated attribute",
          },
        ],
      }),
    );

    expect(diagnostics).toEqual<Diagnostic[]>([
      {
        severity: "error",
        summary: "Unsupported argument",
        detail: 'An argument named "region" is not expected here.',
      },
      { severity: "warning", summary: "Deprecated attribute", detail: "" },
    ]);
    expect(errorsOf(diagnostics)).toEqual([diagnostics[0]]);
  });

  it("reads a valid configuration as no diagnostics", () => {
    expect(
      readValidateJson(
        '{"format_version":"1.0","valid":true,"error_count":0,"warning_count":0,"diagnostics":[]}\n',
      ),
    ).toEqual([]);
  });
});

describe("formatDiagnostic", () => {
  it("puts the address first and the detail on the same line", () => {
    expect(
      formatDiagnostic({
        severity: "error",
        summary: "creating Organizations Policy (nwh-backup-production-daily)",
        detail:
          "operation error Organizations: CreatePolicy,\n  NotImplementedError: The BACKUP_POLICY   policy type\n",
        address: "aws_organizations_policy.backup",
      }),
    ).toBe(
      "aws_organizations_policy.backup: creating Organizations Policy (nwh-backup-production-daily) — operation error Organizations: CreatePolicy, NotImplementedError: The BACKUP_POLICY policy type",
    );
  });

  it("leaves out what the diagnostic doesn't have", () => {
    expect(formatDiagnostic({ severity: "error", summary: "Invalid provider", detail: "" })).toBe(
      "Invalid provider",
    );
  });
});
