import type { EmulatorGap } from "../../../aws-harness/emulator/emulator-gap";
import { GapProofs, unseenGaps } from "../../../aws-harness/emulator/gap-proofs";
import { skippedResult } from "../../../aws-harness/harness-results";
import type { EmulatorResult } from "../../../aws-harness/harness-results";

const gap = (resourceType: string): EmulatorGap => ({
  resourceType,
  reason: "not in the emulator",
  failingCall: `${resourceType}: Create`,
  emulatorMessage: `${resourceType} has not been implemented`,
});
const [selection, vaultPolicy, trail] = [
  gap("aws_backup_selection"),
  gap("aws_backup_vault_policy"),
  { ...gap("aws_cloudtrail"), withhold: { argument: "enable_logging", emulatorValue: false } },
];

test("the first stack with an entry proves it; the others rely on that proof", () => {
  const proofs = new GapProofs();
  expect(proofs.claim([selection, vaultPolicy, selection])).toEqual([selection, vaultPolicy]);
  expect(proofs.claim([selection, vaultPolicy])).toEqual([]);
  proofs.prove(selection);
  expect(proofs.claim([selection, trail])).toEqual([trail]);
});

const APPLIED = { status: "applied", errors: [], replan: "no changes" } as const;
function result(extra: Partial<EmulatorResult>): EmulatorResult {
  return { ...skippedResult("account-dev-data", ""), ...APPLIED, resourcesInState: 10, ...extra };
}

test("an entry that a run needed but never saw failing fails the run, naming what to do", () => {
  const results = [
    result({
      removed: [
        { address: "aws_backup_selection.daily", gap: selection },
        // Left out only because it referenced the selection: proves nothing about its own entry.
        { address: "aws_backup_vault_policy.vault", gap: vaultPolicy, dependsOn: "x" },
      ],
      withheld: [{ address: "aws_cloudtrail.trail", gap: trail }],
      gapsObserved: ["aws_backup_selection"],
    }),
  ];
  expect(unseenGaps(results, [selection, vaultPolicy, trail])).toEqual([
    'The gap entry for aws_cloudtrail: enable_logging = false in the emulator run was never seen failing with "aws_cloudtrail has not been implemented": if the emulator now implements it, remove the entry (aws-harness/emulator/emulator-gaps.ts)',
  ]);
});
