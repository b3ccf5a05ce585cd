import {
  backupRoleName,
  backupVaultName,
  backupVaultPattern,
  EVIDENCE_BUCKET_NAME,
  evidenceBucketName,
  evidenceBucketPattern,
  keyAlias,
  keyAliasPattern,
  logArchiveBucketPattern,
  STATE_KEY_PURPOSE,
} from "../../contracts/resource-names";
import { BACKUP_SELECTION_TAG_KEY } from "../../contracts/tags";

/** A guardrail's wildcard pattern as a regular expression over names. */
const matching = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.]/g, "\\.").replace("*", ".+")}$`);

// Organization backup policies name these in accounts they don't create: a rename here must
// reach both the baseline and the policies, or the policies back nothing up.
test("the vault and the service role are named after the resource prefix", () => {
  expect(backupVaultName("nwh")).toBe("nwh-vault");
  expect(backupRoleName("nwh")).toBe("nwh-backup");
});

test("the vault falls under the pattern the guardrails protect", () => {
  expect(backupVaultName("nwh")).toMatch(matching(backupVaultPattern("nwh")));
  expect(backupVaultName("acme")).not.toMatch(matching(backupVaultPattern("nwh")));
});

test("plans select resources by the lowercase tag key, as AWS Backup matches keys case-sensitively", () => {
  expect(BACKUP_SELECTION_TAG_KEY).toBe("backup");
});

test("every key alias, the state key's included, falls under the pattern the guardrails protect", () => {
  for (const purpose of ["cloudtrail", "alerts", STATE_KEY_PURPOSE])
    expect(`alias/${keyAlias("nwh", purpose)}`).toMatch(matching(keyAliasPattern("nwh")));
  expect(keyAliasPattern("nwh")).toBe("alias/nwh/*");
});

test("log archive buckets are protected by prefix; another organization's are not", () => {
  expect("nwh-log-archive-cloudtrail-111122223333").toMatch(
    matching(logArchiveBucketPattern("nwh")),
  );
  expect("acme-log-archive-cloudtrail-111122223333").not.toMatch(
    matching(logArchiveBucketPattern("nwh")),
  );
});

test("change records flag the buckets that hold evidence, not application buckets", () => {
  for (const bucket of [
    "nwh-log-archive-config-111122223333",
    "nwh-terraform-state-111122223333",
    "nwh-backup-reports-111122223333",
    "nwh-terraform-state-111122223333-access-logs",
  ])
    expect(bucket).toMatch(EVIDENCE_BUCKET_NAME);
  expect("payments-uploads").not.toMatch(EVIDENCE_BUCKET_NAME);
});

test("the evidence bucket is named after the prefix and management account, under a protected pattern", () => {
  expect(evidenceBucketName("nwh", "111122223333")).toBe("nwh-evidence-111122223333");
  expect(evidenceBucketName("nwh", "111122223333")).toMatch(matching(evidenceBucketPattern("nwh")));
  expect(evidenceBucketName("acme", "111122223333")).not.toMatch(
    matching(evidenceBucketPattern("nwh")),
  );
  // Evidence is not a log: the log archive's pattern doesn't reach it, so the guardrails name both.
  expect(evidenceBucketName("nwh", "111122223333")).not.toMatch(
    matching(logArchiveBucketPattern("nwh")),
  );
  expect(evidenceBucketName("nwh", "111122223333")).toMatch(EVIDENCE_BUCKET_NAME);
  expect("nwh-evidence-photos").not.toMatch(EVIDENCE_BUCKET_NAME);
});
