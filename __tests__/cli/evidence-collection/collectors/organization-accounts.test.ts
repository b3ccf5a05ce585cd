import { ORGANIZATION_ACCOUNTS } from "../../../../cli/evidence-collection/collectors/organization-accounts";
import { collect, exampleRun, exampleTree, IDS } from "../evidence-run-fixture";

test("flags an account config doesn't declare, one in another OU, and one AWS lacks; leaves out the suspended", async () => {
  const tree = exampleTree([
    {
      id: "300000000001",
      name: "scratch",
      email: "scratch@example.com",
      state: "ACTIVE",
      parentPath: "Workloads",
    },
    {
      id: "300000000002",
      name: "old",
      email: "old@example.com",
      state: "SUSPENDED",
      parentPath: "Root",
    },
  ]);
  const moved = {
    ...tree,
    accounts: tree.accounts.map((a) =>
      a.name === "audit" ? { ...a, parentPath: "Infrastructure" } : a,
    ),
  };
  const { flags, results } = await collect(
    ORGANIZATION_ACCOUNTS,
    await exampleRun({ tree: moved }),
  );
  expect(flags).toContainEqual({
    account: "scratch (300000000001)",
    issue: "is in the organization (Workloads) but not in config",
  });
  expect(flags).toContainEqual({
    account: `audit (${IDS.audit})`,
    issue: "is in Infrastructure; config puts it in Security",
  });
  expect(flags).toContainEqual({
    issue: "prod-platform (environments/prod.yaml) is in config but not in the organization",
  });
  expect((results as { excluded: unknown[] }).excluded).toEqual([
    { id: "300000000002", name: "old", reason: "SUSPENDED in the organization" },
  ]);
});
