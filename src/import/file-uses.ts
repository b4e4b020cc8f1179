/** The local files a record links, for the loader's attachment check (inspectAttachments) on imported rows. */
import { fieldName } from '../schema/privacy.ts';

export type FileUse = { file: string; field: string; href: string };

/** Every `/files/…` link in a record (photos, images), with its field as the loader names it. */
export function localFileUses(record: unknown, file: string): FileUse[] {
  const out: FileUse[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (typeof v === 'object' && v !== null)
      for (const [k, x] of Object.entries(v)) {
        if (k === 'href' && typeof x === 'string' && x.startsWith('/files/')) out.push({ file, field: fieldName([...path, k]), href: x });
        else walk(x, [...path, k]);
      }
  };
  walk(record, []);
  return out;
}
