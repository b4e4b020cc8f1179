/** Every spreadsheet import, by the name the commands use: the template command and the docs table read this list. */
import { redSiteColumns } from './red-sites/index.ts';
import type { ColumnsSpec } from './spec.ts';

export const IMPORT_KINDS: readonly ColumnsSpec[] = [redSiteColumns];
