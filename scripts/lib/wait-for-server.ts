/**
 * Polls a freshly started server until it answers (any status below 500),
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
