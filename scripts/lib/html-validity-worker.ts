/**
 * A worker thread of validatePages (html-validity.ts): validates each batch
 * of pages it is sent, in order, until told it is done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createValidator, loadValidatorConfig, validateFiles, type WorkerReply, type WorkerRequest } from './html-validity.ts';

const port = parentPort!;
const { clientDir, configFile } = workerData as { clientDir: string; configFile: string };
const send = (reply: WorkerReply) => port.postMessage(reply);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

try {
  // Batches posted while the configuration loads wait in the port's queue
  // until the listener is attached.
  const validator = createValidator(await loadValidatorConfig(configFile));
  port.on('message', (req: WorkerRequest) => {
    if ('done' in req) return port.close();
    try {
      send({ messages: validateFiles(validator, clientDir, req.batch) });
    } catch (e) {
      send({ error: `${req.batch[0] ?? ''}…: ${message(e)}` });
    }
  });
} catch (e) {
  send({ error: message(e) });
  port.close();
}
