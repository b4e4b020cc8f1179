import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordExistsError, removeFiles, replaceFile, writeAllOrNothing } from '../../../scripts/lib/write-records.ts';

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

describe('replacing one record (an edit)', () => {
  it('swaps the new text in, leaves no temporary file, and puts the old text back on restore', async () => {
    const target = fresh();
    const file = path.join(target, 'a.yaml');
    writeFileSync(file, 'id: a\ntitle: 旧\n');
    const { restore } = await replaceFile(file, 'id: a\ntitle: 新\n');
    expect(readFileSync(file, 'utf8')).toBe('id: a\ntitle: 新\n');
    expect(readdirSync(target)).toEqual(['a.yaml']);
    await restore();
    expect(readFileSync(file, 'utf8')).toBe('id: a\ntitle: 旧\n');
  });
  it('creates a missing file, and restore removes it', async () => {
    const file = path.join(fresh(), 'red', 'b.yaml');
    const { restore } = await replaceFile(file, 'id: b\n');
    expect(readFileSync(file, 'utf8')).toBe('id: b\n');
    await restore();
    expect(existsSync(file)).toBe(false);
  });
});
