/** The one schema module: every data type the site publishes. */
export * from './common.ts';
export * from './identifiers.ts';
export * from './privacy.ts';
export * from './site.ts';
export * from './boundary.ts';
export * from './gazetteer.ts';
export * from './red.ts';
export * from './notice.ts';
export * from './enforcement.ts';
export * from './enforcement-column.ts';
export * from './holidays.ts';
export * from './land-use.ts';
export * from './zones.ts';
export * from './dataset.ts';
