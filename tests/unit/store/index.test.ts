import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSubmissionStore, defaultStorePath, describeTarget, openStore, storeTarget, submissionStore, useSubmissionStore } from '../../../src/store/index.ts';
import { StoreUnavailableError } from '../../../src/store/types.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'geoportal-store-index-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('storeTarget: which store the environment names', () => {
  it('chooses PostgreSQL when DATABASE_URL is set, SQLite at GEOPORTAL_STORE_PATH otherwise', () => {
    expect(storeTarget({ DATABASE_URL: 'postgres://u:p@db:5432/geo', GEOPORTAL_STORE_PATH: '/x.sqlite' })).toEqual({ adapter: 'postgres', url: 'postgres://u:p@db:5432/geo' });
    expect(storeTarget({ GEOPORTAL_STORE_PATH: '/var/lib/geoportal/submissions.sqlite' })).toEqual({ adapter: 'sqlite', path: '/var/lib/geoportal/submissions.sqlite', maxBytes: 2 * 1024 ** 3 });
    expect(storeTarget({ DATABASE_URL: '  ', GEOPORTAL_STORE_PATH: '/s.sqlite', GEOPORTAL_STORE_MAX_MB: '10' })).toEqual({ adapter: 'sqlite', path: '/s.sqlite', maxBytes: 10 * 1024 * 1024 });
  });

  it('defaults to the user state directory, never the build', () => {
    expect(defaultStorePath({ HOME: '/home/a' })).toBe('/home/a/.local/state/geoportal/submissions.sqlite');
    expect(defaultStorePath({ XDG_STATE_HOME: '/state', HOME: '/home/a' })).toBe('/state/geoportal/submissions.sqlite');
    // Under systemd (StateDirectory=geoportal): the service's state directory, for the server and the purge timer alike.
    expect(defaultStorePath({ STATE_DIRECTORY: '/var/lib/geoportal', HOME: '/home/a' })).toBe('/var/lib/geoportal/submissions.sqlite');
    expect(defaultStorePath({ STATE_DIRECTORY: '/var/lib/geoportal:/var/lib/other' })).toBe('/var/lib/geoportal/submissions.sqlite');
    expect(storeTarget({ HOME: '/home/a' })).toMatchObject({ adapter: 'sqlite', path: '/home/a/.local/state/geoportal/submissions.sqlite' });
  });

  it('refuses a malformed DATABASE_URL or size at once, with a message that names the variable', () => {
    expect(() => storeTarget({ DATABASE_URL: 'not a url' })).toThrow(StoreUnavailableError);
    expect(() => storeTarget({ DATABASE_URL: 'mysql://db/geo' })).toThrow(/postgres:\/\//);
    expect(() => storeTarget({ GEOPORTAL_STORE_MAX_MB: '1e3' })).toThrow(/GEOPORTAL_STORE_MAX_MB/);
    expect(() => storeTarget({ GEOPORTAL_STORE_MAX_MB: '0' })).toThrow(/GEOPORTAL_STORE_MAX_MB/);
  });

  it('describes the target for logs without the password', () => {
    expect(describeTarget({ adapter: 'postgres', url: 'postgres://geo:secret@db:5432/geo' })).toBe('PostgreSQL postgres://geo:***@db:5432/geo');
    expect(describeTarget({ adapter: 'sqlite', path: '/s.sqlite', maxBytes: 1 })).toBe('SQLite /s.sqlite');
  });
});

describe('openStore and the process-wide submissionStore()', () => {
  it('opens the SQLite store the environment names, creating it', async () => {
    const store = await openStore({ GEOPORTAL_STORE_PATH: path.join(tmp, 'a', 'submissions.sqlite') });
    expect(store.adapter).toBe('sqlite');
    await store.ping();
    await store.close();
  });

  it('rejects an unreachable PostgreSQL at open', async () => {
    await expect(openStore({ DATABASE_URL: 'postgres://geo@127.0.0.1:1/geo' })).rejects.toMatchObject({ reason: 'unavailable' });
  });

  it('hands every caller the store registered on globalThis (the server and Astro’s bundled copy share it)', async () => {
    const store = await openStore({ GEOPORTAL_STORE_PATH: path.join(tmp, 'b', 'submissions.sqlite') });
    useSubmissionStore(store);
    expect(await submissionStore()).toBe(store);
    const slot = (globalThis as Record<symbol, { store?: Promise<unknown> }>)[Symbol.for('geoportal.submissionStore')];
    expect(await slot?.store).toBe(store);
    await closeSubmissionStore();
    await expect(store.ping()).rejects.toMatchObject({ reason: 'unavailable' });
  });
});
