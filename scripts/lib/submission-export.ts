/**
 * The shared part of npm run opinions:export and applications:export: open
 * the store the environment names (src/store/index.ts), list, and write the
 * masked view (always) and the unmasked one (only with --with-personal-data)
 * as CSV and XLSX, each file named by its view. Files are written to a
 * temporary name and renamed, so a failed export leaves no half file; the
 * unmasked ones are readable by their owner only (0600).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { todayInShanghai } from '../../src/lib/dates.ts';
import { exportTable, toCsv, toXlsx, VIEW_LABEL, type ExportView } from '../../src/store/export.ts';
import { openStore } from '../../src/store/index.ts';
import type { StoredSubmission, SubmissionKind } from '../../src/store/types.ts';

export interface ExportRequest {
  kind: SubmissionKind;
  noticeId?: string | undefined;
  /** The file name's stem, e.g. 意见-pq-2026-001. */
  stem: string;
  /** The first line's title, e.g. 对公示 pq-2026-001 的意见. */
  title: string;
  outDir: string;
  withPersonalData: boolean;
  today?: string;
}

export async function exportSubmissions(request: ExportRequest, env: NodeJS.ProcessEnv = process.env): Promise<{ files: string[]; count: number }> {
  const store = await openStore(env);
  let submissions: StoredSubmission[];
  try {
    submissions = await store.list({ kind: request.kind, noticeId: request.noticeId });
  } finally {
    await store.close();
  }
  const day = request.today ?? todayInShanghai();
  mkdirSync(request.outDir, { recursive: true });
  const views: ExportView[] = request.withPersonalData ? ['masked', 'unmasked'] : ['masked'];
  const files: string[] = [];
  const written: string[] = [];
  try {
    for (const view of views) {
      const table = exportTable(request.kind, submissions, view);
      const mode = view === 'unmasked' ? 0o600 : 0o644;
      for (const [ext, bytes] of [
        ['csv', await toCsv(table, request.title)],
        ['xlsx', await toXlsx(table, request.title)],
      ] as const) {
        const file = path.join(request.outDir, `${request.stem}-${VIEW_LABEL[view]}-${day}.${ext}`);
        const tmp = `${file}.${process.pid}.tmp`;
        written.push(tmp);
        writeFileSync(tmp, bytes, { mode });
        renameSync(tmp, file);
        files.push(file);
      }
    }
  } catch (e) {
    for (const f of [...written, ...files]) rmSync(f, { force: true });
    throw e;
  }
  return { files, count: submissions.length };
}

/** The command's ending: the files, or one line saying why not. */
export function reportExport(result: Promise<{ files: string[]; count: number }>, what: string): void {
  result.then(
    ({ files, count }) => {
      console.log(`${what}：共 ${count} 条`);
      for (const f of files) console.log(`  ${f}`);
      if (!files.some((f) => f.includes(VIEW_LABEL.unmasked))) console.log('（只导出了脱敏版本；需要含个人信息的版本时加 --with-personal-data）');
    },
    (e: unknown) => {
      console.error(`导出失败：${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
