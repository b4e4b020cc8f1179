/**
 * npm run applications:export -- [--out DIR] [--with-personal-data]
 *
 * Every 依申请公开 application in the store the environment names, oldest
 * first, as CSV and XLSX: 依申请公开-脱敏-<date>.* always;
 * 依申请公开-含个人信息-<date>.* only with --with-personal-data.
 * docs/submissions.md §Exports.
 */
import { parseArgs } from 'node:util';
import { exportSubmissions, reportExport } from './lib/submission-export.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: '.' }, 'with-personal-data': { type: 'boolean', default: false } } });
reportExport(exportSubmissions({ kind: 'application', stem: '依申请公开', title: '政府信息公开申请', outDir: values.out!, withPersonalData: values['with-personal-data']! }), '政府信息公开申请');
