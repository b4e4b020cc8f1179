/**
 * Preview and publish for staff: both are the project's one build
 * (scripts/build.ts: validate, build into a staging directory, swap in with
 * two renames; a failed build leaves the output untouched), run as a child
 * process so a tool (the editor) can show its output and stay up whatever
 * the build does. Preview builds into its own directory and serves it with
 * the site's own server, every page under the 预览 banner (GEOPORTAL_PREVIEW,
 * src/lib/preview-build.ts); publish builds into the live directory, which a
 * running site server picks up within two seconds (src/server/main.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PREVIEW_VARIABLE } from '../../src/lib/preview-build.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const BUILD = path.join(ROOT, 'scripts', 'build.ts');

/** Where previews are built: inside the build work directory (the swap is a rename on one file system), never the live output. */
export function previewDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(path.resolve(ROOT, env['GEOPORTAL_BUILD_DIR'] ?? '.build'), 'preview');
}

/** The live output `npm run publish` replaces: GEOPORTAL_OUT_DIR, else dist/. */
export function liveDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(ROOT, env['GEOPORTAL_OUT_DIR'] ?? 'dist');
}

export type BuildRun = { child: ChildProcess; done: Promise<number> };

/** What a build is for: a preview carries the 预览 banner on every page (src/lib/preview-build.ts), a publication never. */
export type BuildPurpose = 'preview' | 'publish';

/** The build's environment: the data and output directories, and the preview flag set or removed by purpose. */
export function buildEnv(purpose: BuildPurpose, dataDir: string, outDir: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env, GEOPORTAL_DATA_DIR: dataDir, GEOPORTAL_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' };
  if (purpose === 'preview') out[PREVIEW_VARIABLE] = '1';
  else delete out[PREVIEW_VARIABLE];
  return out;
}

/** Runs the build of `dataDir` into `outDir`; every line of its output goes to `onOutput`. */
export function runBuild(purpose: BuildPurpose, dataDir: string, outDir: string, onOutput: (text: string) => void, env: NodeJS.ProcessEnv = process.env): BuildRun {
  const child = spawn(process.execPath, [BUILD], { cwd: ROOT, env: buildEnv(purpose, dataDir, outDir, env), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (b: Buffer) => onOutput(b.toString('utf8')));
  child.stderr!.on('data', (b: Buffer) => onOutput(b.toString('utf8')));
  const done = new Promise<number>((resolve) => {
    child.on('error', (e) => {
      onOutput(`无法启动构建：${e.message}\n`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  return { child, done };
}
