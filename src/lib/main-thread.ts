/**
 * Ends the current task and goes on in a new one, so that a long piece of
 * start-up work (the map's) is several short tasks the browser can paint and
 * answer input between. scheduler.yield() (Chromium 129+, Firefox 142+)
 * resumes ahead of other queued work; where it is missing this resolves at
 * once and the work stays one task, as before: nothing waits on a timer.
 */
type WithScheduler = { scheduler?: { yield?: () => Promise<void> } };

export function yieldToMain(scope: WithScheduler = globalThis as WithScheduler): Promise<void> {
  const scheduler = scope.scheduler;
  return typeof scheduler?.yield === 'function' ? scheduler.yield() : Promise.resolve();
}
