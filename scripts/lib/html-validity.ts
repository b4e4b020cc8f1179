/**
 * HTML validity of built pages with html-validate and the repository's
 * .htmlvalidate.mjs. The validator costs about 11 ms a page, so a
 * 10,000-page build is split over worker threads (one per core) pulling
 * batches from a queue; a small site is validated in this thread, where
 * starting workers would cost more than it saves.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';

export const HTMLVALIDATE_CONFIG = path.resolve(import.meta.dirname, '..', '..', '.htmlvalidate.mjs');

export type ValidityMessage = {
  /** Page file relative to the client dir. */
  page: string;
  ruleId: string;
  /** 2 error, 1 warning (html-validate's severities). */
  severity: number;
  message: string;
  line: number;
  column: number;
  selector: string | null;
  /** The source around the problem, on one line. */
  excerpt: string;
};

export type ValidityReport = {
  pages: number;
  errors: number;
  warnings: number;
  messages: ValidityMessage[];
  /** 0 when the pages were validated in this thread. */
  workers: number;
};

/** Pages per worker message, and the site size below which no worker is started. */
const BATCH = 50;
const WORKER_THRESHOLD = 400;

export async function loadValidatorConfig(file = HTMLVALIDATE_CONFIG): Promise<ConfigData> {
  const mod = (await import(pathToFileURL(file).href)) as { default: ConfigData };
  return mod.default;
}

export function createValidator(config: ConfigData): HtmlValidate {
  return new HtmlValidate(new StaticConfigLoader(config));
}

function excerpt(html: string, offset: number, size: number): string {
  const start = Math.max(0, offset - 40);
  const end = Math.min(html.length, offset + Math.max(size, 1) + 60);
  return html.slice(start, end).replace(/\s+/g, ' ');
}

/** Validates one document; `page` names it in the messages. */
export function validateHtml(validator: HtmlValidate, html: string, page: string): ValidityMessage[] {
  const report = validator.validateStringSync(html, page);
  return report.results.flatMap((r) =>
    r.messages.map((m) => ({
      page,
      ruleId: m.ruleId,
      severity: m.severity,
      message: m.message,
      line: m.line,
      column: m.column,
      selector: m.selector,
      excerpt: excerpt(html, m.offset, m.size),
    })),
  );
}

/** Validates page files (relative to clientDir) in this thread. */
export function validateFiles(validator: HtmlValidate, clientDir: string, pages: readonly string[]): ValidityMessage[] {
  return pages.flatMap((p) => validateHtml(validator, readFileSync(path.join(clientDir, p), 'utf8'), p));
}

export type WorkerRequest = { batch: string[] } | { done: true };
export type WorkerReply = { messages: ValidityMessage[] } | { error: string };

// Every batch is posted up front, round robin: the main thread runs the link
// check meanwhile, and a worker must not wait for it to hand out the next batch.
function validateInWorkers(clientDir: string, pages: readonly string[], count: number, configFile: string): Promise<ValidityMessage[]> {
  const out: ValidityMessage[] = [];
  const workerUrl = new URL('./html-validity-worker.ts', import.meta.url);
  return new Promise((resolve, reject) => {
    let running = count;
    let failed = false;
    const workers: Worker[] = [];
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(e);
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(workerUrl, { workerData: { clientDir, configFile } });
      workers.push(w);
      w.on('message', (msg: WorkerReply) => {
        if ('error' in msg) fail(new Error(msg.error));
        else out.push(...msg.messages);
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        if (code !== 0) return fail(new Error(`html-validate worker exited ${code}`));
        if (--running === 0 && !failed) resolve(out);
      });
    }
    for (let i = 0, n = 0; i < pages.length; i += BATCH, n++) workers[n % count]!.postMessage({ batch: pages.slice(i, i + BATCH) } satisfies WorkerRequest);
    for (const w of workers) w.postMessage({ done: true } satisfies WorkerRequest);
  });
}

/**
 * Validates every page. `workers` defaults to one per core for large sites
 * and none below WORKER_THRESHOLD pages.
 */
export async function validatePages(clientDir: string, pages: readonly string[], opts: { workers?: number; configFile?: string } = {}): Promise<ValidityReport> {
  const configFile = opts.configFile ?? HTMLVALIDATE_CONFIG;
  const workers = opts.workers ?? (pages.length < WORKER_THRESHOLD ? 0 : Math.max(1, Math.min(availableParallelism(), Math.ceil(pages.length / BATCH))));
  const messages = workers > 0 ? await validateInWorkers(clientDir, pages, workers, configFile) : validateFiles(createValidator(await loadValidatorConfig(configFile)), clientDir, pages);
  messages.sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : a.line - b.line || a.column - b.column));
  return {
    pages: pages.length,
    errors: messages.filter((m) => m.severity >= 2).length,
    warnings: messages.filter((m) => m.severity === 1).length,
    messages,
    workers,
  };
}
