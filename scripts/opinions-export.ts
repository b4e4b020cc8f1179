/**
 * npm run opinions:export -- --notice <id> [--out DIR] [--with-personal-data]
 *
 * The opinions received on one 批前公示, from the store the environment
 * names (DATABASE_URL or GEOPORTAL_STORE_PATH, as the server), as CSV and
 * XLSX: 意见-<id>-脱敏-<date>.csv/.xlsx always; 意见-<id>-含个人信息-<date>.*
 * only with --with-personal-data. docs/submissions.md §Exports.
 */
import { parseArgs } from 'node:util';
import { exportSubmissions, reportExport } from './lib/submission-export.ts';

const { values } = parseArgs({ options: { notice: { type: 'string' }, out: { type: 'string', default: '.' }, 'with-personal-data': { type: 'boolean', default: false } } });
const notice = values.notice?.trim();
if (!notice || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(notice)) {
  console.error('用法：npm run opinions:export -- --notice <公示编号> [--out 目录] [--with-personal-data]');
  process.exit(1);
}
reportExport(exportSubmissions({ kind: 'opinion', noticeId: notice, stem: `意见-${notice}`, title: `对公示 ${notice} 的意见`, outDir: values.out!, withPersonalData: values['with-personal-data']! }), `公示 ${notice} 的意见`);
