import { ruleTable } from "../../../cli/docs/rule-table";
import { RULE_PACK } from "../../../compliance/rules/rule-pack";

test("the rule table has a row per rule: id, title and criteria", () => {
  const table = ruleTable(RULE_PACK);
  expect(table.slice(0, 2)).toEqual(["| rule | checks | criteria |", "| --- | --- | --- |"]);
  expect(table).toHaveLength(RULE_PACK.length + 2);
  const rule = RULE_PACK[0];
  expect(table[2]).toBe(`| ${rule.id} | ${rule.title} | ${rule.criteria.join(", ")} |`);
});
