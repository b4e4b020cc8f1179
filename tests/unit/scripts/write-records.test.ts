import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordExistsError, removeFiles, writeAllOrNothing } from '../../../scripts/lib/write-records.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(path.join(tmpdir(), 'write-records-')));

describe('writing records all or nothing', () => {
  it('writes every file and leaves no staging directory', async () => {
    const target = path.join(fresh(), 'red', 'sites');
    const written = await writeAllOrNothing(target, [{ name: 'a.yaml', text: 'id: a\n' }, { name: 'b.yaml', text: 'id: b\n' }]);
    expect(written.map((f) => path.basename(f))).toEqual(['a.yaml', 'b.yaml']);
    expect(readdirSync(target).sort()).toEqual(['a.yaml', 'b.yaml']);
    expect(readFileSync(path.join(target, 'b.yaml'), 'utf8')).toBe('id: b\n');
    await removeFiles(written);
    expect(readdirSync(target)).toEqual([]);
  });
  it('writes nothing when one file is already there, and leaves that file alone', async () => {
    const target = fresh();
    writeFileSync(path.join(target, 'b.yaml'), 'id: b (on file)\n');
    await expect(writeAllOrNothing(target, [{ name: 'a.yaml', text: 'id: a\n' }, { name: 'b.yaml', text: 'id: b\n' }, { name: 'c.yaml', text: 'id: c\n' }])).rejects.toThrow(RecordExistsError);
    expect(readdirSync(target)).toEqual(['b.yaml']);
    expect(readFileSync(path.join(target, 'b.yaml'), 'utf8')).toBe('id: b (on file)\n');
    expect(existsSync(path.join(target, 'a.yaml'))).toBe(false);
  });
  it('refuses names that are not plain file names', async () => {
    await expect(writeAllOrNothing(fresh(), [{ name: '../x.yaml', text: '' }])).rejects.toThrow(/plain file name/);
  });
});
