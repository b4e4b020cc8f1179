/**
 * A comma-separated list parameter of a filter link (docs/red-filters.md,
 * docs/notice-lists.md): the values the grammar allows, in its canonical
 * order and each once; every other value is dropped with a warning.
 */
export function listOf<T extends string>(raw: string | null, allowed: readonly T[], name: string, warnings: string[]): T[] {
  if (raw === null || raw === '') return [];
  const out = new Set<T>();
  for (const v of raw.split(',')) {
    if ((allowed as readonly string[]).includes(v)) out.add(v as T);
    else warnings.push(`${name}=${v}：不认识的取值，已忽略`);
  }
  return allowed.filter((a) => out.has(a));
}
