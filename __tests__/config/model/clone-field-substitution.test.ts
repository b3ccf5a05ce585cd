import {
  fieldSubstitution,
  mentionsFields,
  substitutionsOf,
} from "../../../config/model/clone-field-substitution";

const template = {
  name: "prod-a",
  id: "111111111111",
  cidrs: { "us-east-1": "10.0.0.0/22", "us-west-2": "10.0.4.0/22" },
};
const clone = {
  name: "prod-a-b",
  id: "222222222222",
  cidrs: { "us-east-1": "10.0.8.0/22", "us-west-2": "10.0.12.0/22" },
};
const text =
  '{"name":"nwh-prod-a","arn":"arn:aws:iam::111111111111:root","east":"10.0.0.0/22","west":"10.0.4.0/22","other":"10.0.0.0/8"}';

test("puts the clone's name, id and blocks where the template's are, in one pass", () => {
  expect(fieldSubstitution(template, clone)(text)).toBe(
    '{"name":"nwh-prod-a-b","arn":"arn:aws:iam::222222222222:root","east":"10.0.8.0/22","west":"10.0.12.0/22","other":"10.0.0.0/8"}',
  );
  // One pass: the clone's name contains the template's, and is never replaced again.
  const back = fieldSubstitution(clone, template);
  expect(back(fieldSubstitution(template, clone)(text))).toBe(text);
});

test("cutting the template once gives each clone the same text as substituting it", () => {
  const cloneOf = substitutionsOf(text, template);
  expect(cloneOf(clone)).toBe(fieldSubstitution(template, clone)(text));
  expect(cloneOf(template)).toBe(text);
});

test("tells which keys mention the template's fields", () => {
  const mentions = mentionsFields(template);
  expect(mentions("deploy-role-in-prod-a")).toBe(true);
  expect(mentions("10.0.4.0/22")).toBe(true);
  expect(mentions("deploy-role")).toBe(false);
});

test("refuses accounts whose fields differ in kind or collide", () => {
  const { id: _id, ...withoutId } = clone;
  expect(() => fieldSubstitution(template, withoutId)).toThrow(
    "prod-a and prod-a-b differ in whether config gives their id",
  );
  expect(() =>
    fieldSubstitution(template, { ...clone, cidrs: { "us-east-1": "10.0.8.0/22" } }),
  ).toThrow("prod-a and prod-a-b have VPC blocks in different regions");
  expect(() =>
    fieldSubstitution(
      { ...template, cidrs: { a: "10.0.0.0/22", b: "10.0.0.0/22" } },
      {
        ...clone,
        cidrs: { a: "10.1.0.0/22", b: "10.2.0.0/22" },
      },
    ),
  ).toThrow("prod-a's fields are not distinct from one another");
});
