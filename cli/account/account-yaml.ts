import { Document, isMap, isScalar, isSeq, parseDocument } from "yaml";
import type { YAMLMap, YAMLSeq } from "yaml";

/**
 * Edits of an environment file's `accounts` list that leave every other byte as it was:
 * nodes are found and rendered with yaml's document API, and only their own lines are
 * replaced, so comments, ordering and formatting elsewhere survive.
 */

const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

function accountsOf(text: string): { doc: Document.Parsed; seq: YAMLSeq | undefined } {
  const doc = parseDocument(text);
  const node = doc.get("accounts", true);
  return { doc, seq: isSeq(node) ? node : undefined };
}

/** Index of the account called `name` in the file, or -1. */
export function findAccount(text: string, name: string): number {
  const { seq } = accountsOf(text);
  return (seq?.items ?? []).findIndex((item) => isMap(item) && item.get("name") === name);
}

/** Renders a mapping as a block list item indented by `indent` spaces. */
function renderItem(entry: Record<string, unknown>, indent: number): string {
  const lines = new Document(entry).toString(STRINGIFY).trimEnd().split("\n");
  const pad = " ".repeat(indent);
  return (
    lines.map((line, index) => (index === 0 ? `${pad}- ${line}` : `${pad}  ${line}`)).join("\n") +
    "\n"
  );
}

/** Start of the line holding `offset`. */
const lineStart = (text: string, offset: number) => text.lastIndexOf("\n", offset - 1) + 1;

/** [start, end) of the lines of one block-list item, comments before it included. */
function itemLines(
  text: string,
  seq: YAMLSeq,
  index: number,
): { start: number; end: number; indent: number } {
  const item = seq.items[index] as YAMLMap;
  const itemStart = lineStart(text, item.range![0]);
  const dash = text.lastIndexOf("-", item.range![0]);
  const indent = dash - lineStart(text, dash);
  const next = seq.items[index + 1] as YAMLMap | undefined;
  let end: number;
  if (next) {
    end = lineStart(text, text.lastIndexOf("-", next.range![0]));
  } else {
    const newline = text.indexOf("\n", Math.max(item.range![1] - 1, itemStart));
    end = newline === -1 ? text.length : newline + 1;
    // Comment lines indented under the last item belong to it, not to what follows the list.
    const nested = new RegExp(`^ {${indent + 2},}#[^\\n]*(\\n|$)`);
    for (let match = nested.exec(text.slice(end)); match; match = nested.exec(text.slice(end))) {
      end += match[0].length;
    }
  }
  return { start: lineStart(text, dash), end, indent };
}

/** The file with `entry` appended to its accounts. */
export function appendAccount(text: string, entry: Record<string, unknown>): string {
  const { doc, seq } = accountsOf(text);
  if (seq && !seq.flow && seq.items.length > 0) {
    const last = itemLines(text, seq, seq.items.length - 1);
    return text.slice(0, last.end) + renderItem(entry, last.indent) + text.slice(last.end);
  }
  // An empty or flow-style list: let the document API rewrite it as a block list.
  doc.set(
    "accounts",
    doc.createNode([
      ...(seq?.items.map((item): unknown => (item as YAMLMap).toJSON()) ?? []),
      entry,
    ]),
  );
  (doc.get("accounts", true) as YAMLSeq).flow = false;
  return doc.toString(STRINGIFY);
}

/** One account's lines, as written, with the indentation of its dash. */
export interface AccountLines {
  readonly lines: string;
  readonly indent: number;
}

/** The file without the account at `index`, and that account's lines (comments included). */
export function removeAccount(
  text: string,
  index: number,
): { text: string; removed: AccountLines } {
  const { seq } = accountsOf(text);
  const { start, end, indent } = itemLines(text, seq!, index);
  return {
    text: text.slice(0, start) + text.slice(end),
    removed: { lines: text.slice(start, end), indent },
  };
}

/** The file with an account's lines (from another file) appended, re-indented to this list. */
export function appendAccountLines(text: string, account: AccountLines): string {
  const { seq } = accountsOf(text);
  if (!seq || seq.flow || seq.items.length === 0) {
    return appendAccount(
      text,
      parseDocument(account.lines.replace(/^\s*- /, "")).toJSON() as Record<string, unknown>,
    );
  }
  const last = itemLines(text, seq, seq.items.length - 1);
  const shift = last.indent - account.indent;
  const reindented = account.lines
    .split("\n")
    .map((line) =>
      line === "" ? line : shift >= 0 ? " ".repeat(shift) + line : line.slice(-shift),
    )
    .join("\n");
  return text.slice(0, last.end) + reindented + text.slice(last.end);
}

/**
 * The file with one key of the account at `index` set. Only that key's lines change: the rest of
 * the account, its comments included, stays as written.
 */
export function setAccountField(text: string, index: number, key: string, value: unknown): string {
  const { indent, pair } = fieldLines(text, index, key);
  const keyIndent = " ".repeat(indent + 2);
  const rendered =
    new Document({ [key]: value })
      .toString(STRINGIFY)
      .trimEnd()
      .split("\n")
      .map((line) => keyIndent + line)
      .join("\n") + "\n";
  return text.slice(0, pair.start) + rendered + text.slice(pair.end);
}

/** The file without one key of the account at `index` (unchanged if the account lacks it). */
export function deleteAccountField(text: string, index: number, key: string): string {
  const { pair } = fieldLines(text, index, key);
  return text.slice(0, pair.start) + text.slice(pair.end);
}

/**
 * The account's dash indentation, and [start, end) of the lines of its `key`: empty, at the end
 * of the account, when it has no such key.
 */
function fieldLines(
  text: string,
  index: number,
  key: string,
): { indent: number; pair: { start: number; end: number } } {
  const { seq } = accountsOf(text);
  const item = seq!.items[index] as YAMLMap;
  const { end, indent } = itemLines(text, seq!, index);
  const pair = item.items.find((entry) => isScalar(entry.key) && entry.key.value === key);
  if (!pair) return { indent, pair: { start: end, end } };
  const keyStart = lineStart(text, (pair.key as { range: [number, number, number] }).range[0]);
  const pairs = item.items;
  const following = pairs[pairs.indexOf(pair) + 1];
  const pairEnd = following
    ? lineStart(text, (following.key as { range: [number, number, number] }).range[0])
    : end;
  return { indent, pair: { start: keyStart, end: pairEnd } };
}

/** The value of a top-level scalar key, such as `name` or `ou`. */
export function topLevelScalar(text: string, key: string): string | undefined {
  const node = parseDocument(text).get(key, true);
  return isScalar(node) ? String(node.value) : undefined;
}
