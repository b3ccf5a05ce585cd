import type { CloneFields } from "./baseline-clones";

/** Replaces one account's CloneFields with another's, everywhere in a text, in one pass. */
export type FieldSubstitution = (text: string) => string;

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

const fieldValues = (fields: CloneFields): string[] => [
  fields.name,
  ...(fields.id ? [fields.id] : []),
  ...Object.values(fields.cidrs),
];

/**
 * An alternation of the values, longer first, so a value that contains another (a name and the
 * name with a suffix) is matched whole.
 */
const longestFirst = (values: readonly string[]) =>
  [...values]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");

/** The values of `from` paired with those of `to`; both must have the same fields. */
function pairsOf(from: CloneFields, to: CloneFields): [string, string][] {
  const pairs: [string, string][] = [[from.name, to.name]];
  if ((from.id === undefined) !== (to.id === undefined))
    throw new Error(`${from.name} and ${to.name} differ in whether config gives their id`);
  if (from.id !== undefined && to.id !== undefined) pairs.push([from.id, to.id]);
  const regions = Object.keys(from.cidrs).sort();
  if (regions.join() !== Object.keys(to.cidrs).sort().join())
    throw new Error(`${from.name} and ${to.name} have VPC blocks in different regions`);
  for (const region of regions) pairs.push([from.cidrs[region], to.cidrs[region]]);
  return pairs;
}

/** One regular expression, longer values first, so no replacement is ever replaced again. */
export function fieldSubstitution(from: CloneFields, to: CloneFields): FieldSubstitution {
  const pairs = pairsOf(from, to);
  const replacements = new Map(pairs);
  if (replacements.size !== pairs.length)
    throw new Error(`${from.name}'s fields are not distinct from one another`);
  const pattern = new RegExp(longestFirst([...replacements.keys()]), "g");
  return (text) => text.replace(pattern, (value) => replacements.get(value)!);
}

/**
 * The same substitution for one text and many accounts: the text is cut at the template's values
 * once, and each account's version joins the pieces around its own values, instead of searching
 * a quarter-megabyte baseline again per account.
 */
export function substitutionsOf(text: string, from: CloneFields): (to: CloneFields) => string {
  const values = fieldValues(from);
  const pattern = new RegExp(`(${longestFirst(values)})`);
  // With a capturing group, split keeps the matches: text at even indexes, values at odd ones.
  const pieces = text.split(pattern);
  // Which of the fields each value is, so a clone's text is one pass of concatenation.
  const fieldIndex = new Map(values.map((value, index) => [value, index]));
  const fieldAt = pieces.map((piece, index) => (index % 2 === 1 ? fieldIndex.get(piece)! : -1));
  return (to) => {
    const replacements = new Map(pairsOf(from, to));
    const toValues = values.map((value) => replacements.get(value)!);
    let result = pieces[0];
    for (let index = 1; index < pieces.length; index += 2)
      result += toValues[fieldAt[index]] + pieces[index + 1];
    return result;
  };
}

/** Whether a text holds any of the account's fields (the same expression, only tested). */
export function mentionsFields(fields: CloneFields): (text: string) => boolean {
  const values = fieldValues(fields);
  const pattern = new RegExp(values.map(escapeRegExp).join("|"));
  return (text) => pattern.test(text);
}
