import { block } from "./rule";
import type { ResourceRef } from "./rule";

/**
 * A value Terraform computes at apply, such as "${aws_vpc.main.id}". Its literal is unknown at
 * synth, so on its own it is never evidence that a resource breaks a rule.
 */
export function isToken(value: unknown): boolean {
  return typeof value === "string" && value.includes("${");
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Whether `value` (a string, or any string in a list) refers to the resource at `address`: to
 * any of its attributes, to one of its for_each instances (`aws_x.y[each.key].id`), or inside an
 * expression. RuleContext.referencing reads only `${address.attribute}` as a whole value.
 */
export function mentions(value: unknown, address: string): boolean {
  if (Array.isArray(value)) return value.some((item) => mentions(item, address));
  if (typeof value !== "string") return false;
  return new RegExp(`(?<![\\w.-])${escapeForRegExp(address)}(?=[.[}\\s,)])`).test(value);
}

/** Whether `value` refers to `target` by the given attribute: "${aws_vpc.main.default_network_acl_id}". */
export function mentionsAttribute(value: unknown, target: ResourceRef, attribute: string): boolean {
  if (Array.isArray(value)) return value.some((item) => mentionsAttribute(item, target, attribute));
  return typeof value === "string" && value.includes(`${target.address}.${attribute}`);
}

/** Whether Terraform refuses to destroy the resource: lifecycle.prevent_destroy. */
export function preventsDestroy(resource: ResourceRef): boolean {
  return block(resource.body.lifecycle)?.prevent_destroy === true;
}
