import { z } from "zod";
import { nearMiss } from "./did-you-mean";

/**
 * Thrown when a semantic check reads a value that its file's schema refused. That value is
 * reported already, and whatever a check concluded from it would be a guess; so the check, or the
 * part of it wrapped in ifReadable, is left out this run and runs once the file is fixed.
 */
export class UnreadableValue extends Error {
  constructor(key: PropertyKey) {
    super(`read "${String(key)}", a value the schema refused`);
    this.name = "UnreadableValue";
  }
}

/** What `read` returns, or `otherwise` when it reads a value the schema refused. */
export function ifReadable<T>(read: () => T, otherwise: T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UnreadableValue) return otherwise;
    throw error;
  }
}

/** The items of `list` that are readable, each with its index in the list. */
export function readableItems<T>(list: readonly T[]): [item: T, index: number][] {
  const items: [T, number][] = [];
  for (let index = 0; index < list.length; index++) {
    const item = ifReadable((): [T] | undefined => [list[index]], undefined);
    if (item) items.push([item[0], index]);
  }
  return items;
}

const REFUSED = Symbol("refused by the schema");

/**
 * What the semantic checks can still use of a file that failed its schema: every value that
 * passes, parsed as the schema parses it (defaults applied), at its own path, so the problems
 * found in it point at the right place. Reading a value that failed throws UnreadableValue. So
 * does reading a key that was left out where a misspelt key stands: its default would be a guess.
 *
 * Undefined when nothing in the file is usable, because its top level itself is refused.
 */
export function salvage<T>(schema: z.ZodType<T>, input: unknown): T | undefined {
  const salvaged = new WeakSet<object>();
  const value = salvageValue(schema, input, salvaged);
  return value === REFUSED ? undefined : (guard(value, salvaged, new WeakMap()) as T);
}

function salvageValue(schema: z.ZodType, input: unknown, salvaged: WeakSet<object>): unknown {
  const whole = schema.safeParse(input);
  if (whole.success) return whole.data;
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault)
    return salvageValue(schema.unwrap() as z.ZodType, input, salvaged);
  let parts: [string, unknown][] | undefined;
  let unknownKeys = false;
  if (schema instanceof z.ZodObject && isMapping(input)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const known = Object.keys(shape);
    const unknown = Object.keys(input).filter((key) => !known.includes(key));
    const misspelt = new Set(unknown.map((key) => nearMiss(key, known)));
    unknownKeys = unknown.length > 0;
    parts = known.flatMap((key): [string, unknown][] => {
      if (!(key in input) && misspelt.has(key)) return [[key, REFUSED]];
      const value = salvageValue(shape[key], input[key], salvaged);
      return value === undefined && !(key in input) ? [] : [[key, value]];
    });
  } else if (schema instanceof z.ZodArray && Array.isArray(input)) {
    const element = schema.element as z.ZodType;
    parts = input.map((item, index) => [String(index), salvageValue(element, item, salvaged)]);
  } else if (schema instanceof z.ZodRecord && isMapping(input)) {
    const keyType = schema.keyType as z.ZodType;
    const valueType = schema.valueType as z.ZodType;
    parts = Object.entries(input).map(([key, value]) => [
      key,
      keyType.safeParse(key).success ? salvageValue(valueType, value, salvaged) : REFUSED,
    ]);
  }
  // A container whose parts all pass failed a rule of its own (such as a least length): refused whole.
  const failedPart = (value: unknown) =>
    value === REFUSED || (typeof value === "object" && value !== null && salvaged.has(value));
  if (!parts || (!unknownKeys && !parts.some(([, value]) => failedPart(value)))) return REFUSED;
  const container = Array.isArray(input)
    ? parts.map(([, value]) => value)
    : Object.fromEntries(parts);
  salvaged.add(container);
  return container;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Only salvaged containers can hold refused values; everything else is handed out as parsed. */
function guard(
  value: unknown,
  salvaged: WeakSet<object>,
  proxies: WeakMap<object, object>,
): unknown {
  if (typeof value !== "object" || value === null || !salvaged.has(value)) return value;
  const existing = proxies.get(value);
  if (existing) return existing;
  const proxy = new Proxy(value, {
    get(target, key, receiver) {
      const found: unknown = Reflect.get(target, key, receiver);
      if (found === REFUSED) throw new UnreadableValue(key);
      return guard(found, salvaged, proxies);
    },
  });
  proxies.set(value, proxy);
  return proxy;
}
