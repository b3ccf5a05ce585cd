/** Stack names in an order where each comes after the stacks it depends on (manifest order otherwise). */
export function deployOrder(dependencies: Readonly<Record<string, readonly string[]>>): string[] {
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const visit = (stack: string) => {
    if (placed.has(stack)) return;
    if (visiting.has(stack))
      throw new Error(`Stacks depend on each other in a cycle through ${stack}`);
    visiting.add(stack);
    for (const dependency of dependencies[stack] ?? [])
      if (dependency in dependencies) visit(dependency);
    visiting.delete(stack);
    placed.add(stack);
    ordered.push(stack);
  };
  for (const stack of Object.keys(dependencies)) visit(stack);
  return ordered;
}
