import { Document, isMap, isScalar, parseDocument } from "yaml";
import type { Pair, YAMLMap } from "yaml";

/**
 * Edits of an environment file's `network.addressing.cidrs` that leave every other byte as it
 * was, like the edits of its `accounts` (account-yaml.ts): only one account's lines change.
 */

const CIDRS = ["network", "addressing", "cidrs"];
const STRINGIFY = { lineWidth: 0 } as const;

/** Start of the line holding `offset`. */
const lineStart = (text: string, offset: number) => text.lastIndexOf("\n", offset - 1) + 1;

function cidrsOf(text: string): { doc: Document.Parsed; map: YAMLMap | undefined } {
  const doc = parseDocument(text);
  const node = doc.getIn(CIDRS, true);
  return { doc, map: isMap(node) ? node : undefined };
}

const pairOf = (map: YAMLMap, name: string) =>
  map.items.find((pair) => isScalar(pair.key) && pair.key.value === name);

/** [start, end) of one entry's lines, its trailing comment included; and its key's column. */
function pairLines(text: string, pair: Pair): { start: number; end: number; indent: number } {
  const keyAt = (pair.key as { range: [number, number, number] }).range[0];
  const start = lineStart(text, keyAt);
  const valueEnd = (pair.value as { range: [number, number, number] }).range[2];
  const newline = text.indexOf("\n", valueEnd - 1);
  return { start, end: newline === -1 ? text.length : newline + 1, indent: keyAt - start };
}

/** `name: { region: block, … }` (or block style), indented by `indent`. */
function renderEntry(
  name: string,
  blocks: Readonly<Record<string, string>>,
  indent: number,
  flow: boolean,
): string {
  const doc = new Document({ [name]: blocks });
  const value = (doc.contents as YAMLMap).items[0].value;
  if (isMap(value)) value.flow = flow;
  const pad = " ".repeat(indent);
  return (
    doc
      .toString(STRINGIFY)
      .trimEnd()
      .split("\n")
      .map((line) => pad + line)
      .join("\n") + "\n"
  );
}

/**
 * The file with `name`'s blocks set in network.addressing.cidrs: its entry rewritten if it has
 * one, else a new entry after the last, in the style (flow or block) of that last one.
 */
export function setVpcBlocks(
  text: string,
  name: string,
  blocks: Readonly<Record<string, string>>,
): string {
  const { doc, map } = cidrsOf(text);
  if (!map || map.flow || map.items.length === 0) {
    // An empty or flow-style map: let the document API rewrite it in block style.
    doc.setIn([...CIDRS, name], doc.createNode(blocks, { flow: true }));
    (doc.getIn(CIDRS, true) as YAMLMap).flow = false;
    return doc.toString(STRINGIFY);
  }
  const existing = pairOf(map, name);
  const last = map.items.at(-1)!;
  const { start, end, indent } = pairLines(text, existing ?? last);
  const flow = isMap(last.value) && Boolean(last.value.flow);
  const entry = renderEntry(name, blocks, indent, flow);
  return existing
    ? text.slice(0, start) + entry + text.slice(end)
    : text.slice(0, end) + entry + text.slice(end);
}

/** The file without `name`'s entry in network.addressing.cidrs (unchanged if it has none). */
export function removeVpcBlocks(text: string, name: string): string {
  const { doc, map } = cidrsOf(text);
  const pair = map && pairOf(map, name);
  if (!map || !pair) return text;
  if (map.flow || map.items.length === 1) {
    // Its last entry gone, the map must stay a map: `cidrs:` alone would be null.
    map.delete(name);
    return doc.toString(STRINGIFY);
  }
  const { start, end } = pairLines(text, pair);
  return text.slice(0, start) + text.slice(end);
}
