import { describe, expect, it } from 'vitest';
import { yieldToMain } from '../../../src/lib/main-thread.ts';

describe('yieldToMain', () => {
  it('ends the task with scheduler.yield() where the browser has it', async () => {
    let calls = 0;
    await yieldToMain({ scheduler: { yield: async () => void calls++ } });
    expect(calls).toBe(1);
  });
  it('resolves at once without scheduler.yield (no timer)', async () => {
    let later = false;
    const done = yieldToMain({}).then(() => later);
    setTimeout(() => (later = true), 0);
    // Resolved in the same turn, before any timer could run.
    expect(await done).toBe(false);
    expect(await yieldToMain({ scheduler: {} }).then(() => 'ok')).toBe('ok');
  });
});
