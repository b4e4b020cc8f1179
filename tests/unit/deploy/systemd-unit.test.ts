/**
 * deploy/systemd/geoportal.service: the sandbox the deployment docs promise,
 * and, where systemd-analyze is installed, `verify` passes and the offline
 * `security` exposure stays at or below EXPOSURE_LIMIT (docs/deployment.md
 * records the score).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../../..');
const UNIT = path.join(repo, 'deploy', 'systemd', 'geoportal.service');
const text = readFileSync(UNIT, 'utf8');
/** systemd-analyze security's 0–10 scale (0 safest); 0.9 when this was written. */
const EXPOSURE_LIMIT = 1.5;

/** [Service] settings: name → values in order (a setting may repeat). */
function settings(section: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('[')) current = line;
    else if (current === `[${section}]` && line !== '' && !line.startsWith('#')) {
      const i = line.indexOf('=');
      const k = line.slice(0, i);
      out.set(k, [...(out.get(k) ?? []), line.slice(i + 1)]);
    }
  }
  return out;
}

const service = settings('Service');
const one = (k: string) => {
  const v = service.get(k);
  expect(v, k).toHaveLength(1);
  return v![0];
};

describe('the unit file', () => {
  it('runs the pinned Node as a dedicated user, restarts on failure, reads /etc/geoportal/env', () => {
    expect(one('User')).toBe('geoportal');
    expect(one('ExecStart')).toMatch(/^\/srv\/geoportal\/node_modules\/\.bin\/node src\/server\/main\.ts$/);
    expect(one('Restart')).toBe('on-failure');
    expect(one('EnvironmentFile')).toBe('-/etc/geoportal/env');
  });
  it('has the sandbox', () => {
    const want: Record<string, string> = {
      ProtectSystem: 'strict', ProtectHome: 'true', PrivateTmp: 'true', PrivateDevices: 'true', NoNewPrivileges: 'true',
      ProtectKernelTunables: 'true', ProtectKernelModules: 'true', ProtectKernelLogs: 'true', ProtectControlGroups: 'true',
      RestrictAddressFamilies: 'AF_INET AF_INET6 AF_UNIX', RestrictNamespaces: 'true', LockPersonality: 'true',
      CapabilityBoundingSet: '', AmbientCapabilities: '',
    };
    for (const [k, v] of Object.entries(want)) expect(one(k), k).toBe(v);
    expect(service.get('SystemCallFilter')?.[0]).toBe('@system-service');
  });
  it('writes only its state directory', () => {
    expect(one('ReadWritePaths')).toBe('/var/lib/geoportal');
    expect(one('StateDirectory')).toBe('geoportal');
  });
  it('leaves MemoryDenyWriteExecute off for the JIT, and says why', () => {
    expect(one('MemoryDenyWriteExecute')).toBe('false');
    const before = text.slice(0, text.indexOf('MemoryDenyWriteExecute=false'));
    expect(before.split('\n').slice(-4).join('\n')).toMatch(/JIT|V8/);
  });
});

const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!analyze)('systemd-analyze (Debian systemd)', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'unit-test-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  // verify checks that the program exists: this machine's Node stands in for /srv/geoportal's.
  const copy = path.join(tmp, 'geoportal.service');
  writeFileSync(copy, text.replace(/^ExecStart=\S+/m, `ExecStart=${process.execPath}`));

  it('verify finds nothing', () => {
    const r = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`.trim()).toBe('');
    expect(r.status).toBe(0);
  });
  it(`security (offline) rates the exposure at most ${EXPOSURE_LIMIT}`, () => {
    const r = spawnSync('systemd-analyze', ['security', '--offline=true', '--no-pager', copy], { encoding: 'utf8' });
    const m = /Overall exposure level for geoportal\.service: (\d+(?:\.\d+)?)/.exec(r.stdout);
    expect(m, r.stdout + r.stderr).not.toBeNull();
    expect(Number(m![1])).toBeLessThanOrEqual(EXPOSURE_LIMIT);
  });
});

describe('geoportal-purge.service and .timer (the daily purge of expired personal data)', () => {
  const dir = path.join(repo, 'deploy', 'systemd');
  const purge = readFileSync(path.join(dir, 'geoportal-purge.service'), 'utf8');
  const line = (text: string, key: string) => text.split('\n').filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1));
  it('runs the purge command once a day as the service user, on the same state directory and settings', () => {
    expect(line(purge, 'ExecStart')).toEqual(['/srv/geoportal/node_modules/.bin/node scripts/submissions-purge.ts']);
    expect(line(purge, 'Type')).toEqual(['oneshot']);
    for (const key of ['User', 'StateDirectory', 'EnvironmentFile', 'ReadWritePaths', 'WorkingDirectory']) expect(line(purge, key), key).toEqual(service.get(key));
    const timer = readFileSync(path.join(dir, 'geoportal-purge.timer'), 'utf8');
    expect(line(timer, 'OnCalendar')).toEqual(['*-*-* 03:30:00']);
    expect(line(timer, 'Persistent')).toEqual(['true']);
  });
  it.skipIf(!analyze)('systemd-analyze verify finds nothing in either', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'unit-test-'));
    try {
      writeFileSync(path.join(tmp, 'geoportal-purge.service'), purge.replace(/^ExecStart=\S+/m, `ExecStart=${process.execPath}`));
      writeFileSync(path.join(tmp, 'geoportal-purge.timer'), readFileSync(path.join(dir, 'geoportal-purge.timer')));
      const r = spawnSync('systemd-analyze', ['verify', path.join(tmp, 'geoportal-purge.service'), path.join(tmp, 'geoportal-purge.timer')], { encoding: 'utf8' });
      expect(`${r.stdout}${r.stderr}`.trim()).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('geoportal-publish.service and .timer (the nightly rebuild that moves date-bound states on)', () => {
  const dir = path.join(repo, 'deploy', 'systemd');
  const publish = readFileSync(path.join(dir, 'geoportal-publish.service'), 'utf8');
  const timer = readFileSync(path.join(dir, 'geoportal-publish.timer'), 'utf8');
  const line = (text: string, key: string) => text.split('\n').filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1));
  it('runs npm run publish (check, build, swap) once a day after midnight, on the tree the server serves, with its settings', () => {
    expect(line(publish, 'ExecStart')).toEqual(['/srv/geoportal/node_modules/.bin/node scripts/publish.ts']);
    expect(JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).scripts.publish).toBe('node scripts/publish.ts');
    expect(line(publish, 'Type')).toEqual(['oneshot']);
    for (const key of ['WorkingDirectory', 'EnvironmentFile']) expect(line(publish, key), key).toEqual(service.get(key));
    expect(line(timer, 'OnCalendar')).toEqual(['*-*-* 00:05:00']);
    expect(line(timer, 'Persistent')).toEqual(['true']);
  });
  it('may write the tree and nothing else, holds no capability and reaches no address', () => {
    expect(line(publish, 'ProtectSystem')).toEqual(['strict']);
    expect(line(publish, 'ReadWritePaths')).toEqual(['/srv/geoportal']);
    expect(line(publish, 'CapabilityBoundingSet')).toEqual(['']);
    expect(line(publish, 'IPAddressDeny')).toEqual(['any']);
    expect(line(publish, 'IPAddressAllow')).toEqual([]);
  });
  it.skipIf(!analyze)('systemd-analyze verify finds nothing in either', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'unit-test-'));
    try {
      writeFileSync(path.join(tmp, 'geoportal-publish.service'), publish.replace(/^ExecStart=\S+/m, `ExecStart=${process.execPath}`));
      writeFileSync(path.join(tmp, 'geoportal-publish.timer'), timer);
      const r = spawnSync('systemd-analyze', ['verify', path.join(tmp, 'geoportal-publish.service'), path.join(tmp, 'geoportal-publish.timer')], { encoding: 'utf8' });
      expect(`${r.stdout}${r.stderr}`.trim()).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
