import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverProblem } from '../../../scripts/lib/audit-server.ts';

describe('the audit server', () => {
  it('serves a build inside the repository', () => {
    expect(serverProblem('dist')).toBeUndefined();
    expect(serverProblem(path.resolve('.build/audit'))).toBeUndefined();
  });
  it('says why the build’s own server cannot start outside the repository (its packages are not found)', () => {
    expect(serverProblem('/tmp/elsewhere/dist')).toMatch(/在仓库外.*--only=links,budgets/);
  });
});
