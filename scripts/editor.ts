/**
 * npm run editor [-- --port 4323]: the local editor for bureau staff
 * (scripts/lib/editor-server.ts), on http://127.0.0.1:4323/ only. Forms for
 * every record type, the spreadsheet import, preview (served on
 * 127.0.0.1:4322) and publish. Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../src/data/load.ts';
import { startEditor } from './lib/editor-server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env['EDITOR_PORT'] ?? '4323' },
    'preview-port': { type: 'string', default: process.env['PREVIEW_PORT'] ?? '4322' },
  },
});
const port = Number(values.port);
const previewPort = Number(values['preview-port']);
for (const [name, n] of [['--port', port], ['--preview-port', previewPort]] as const)
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`${name} 应为 0–65535 的整数`);
    process.exit(2);
  }
const editor = await startEditor({ dataDir: resolveDataDir(), port, previewPort });
console.log(`数据编辑器：${editor.url} （仅本机可访问；数据目录 ${resolveDataDir()}；Ctrl-C 结束）`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void editor.close().then(() => process.exit(0));
  });
