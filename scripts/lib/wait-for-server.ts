/**
 * Starting and stopping test servers. waitForServer polls a freshly started server until it answers (any status below 500),
 * failing fast when its process exits and after 30 s at the latest.
 */
export async function waitForServer(base: string, exited: () => string | undefined, errors: { exited: (why: string) => string; timeout: string }): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const why = exited();
    if (why) throw new Error(errors.exited(why));
    try {
      const res = await fetch(`${base}/`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(errors.timeout);
}

/** Stops a child process: SIGTERM, then SIGKILL if it is still there after 5 s. */
export async function stopProcess(child: import('node:child_process').ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
