import { describe, expect, it } from 'vitest';
import { enforcementFlow, enforcementSchema } from '../../../src/schema/index.ts';
import { describeFlow, layoutFlow } from '../../../src/lib/flow-diagram.ts';
import { FILES, fixture } from '../schema/helpers.ts';

const flow = () => ({
  steps: [
    { id: 'shenqing', label: '提交申请', next: ['shouli'] },
    { id: 'shouli', label: '受理审查', timeLimit: '5个工作日内', next: [{ to: 'buzheng', label: '材料不全' }, { to: 'jueding', label: '材料齐全' }] },
    { id: 'buzheng', label: '一次性告知补正', next: ['shouli'] },
    { id: 'jueding', label: '作出决定' },
  ],
});
const messages = (v: unknown) => enforcementFlow.safeParse(v).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('执法流程: the flow schema', () => {
  it('accepts branches and loops back', () => {
    expect(messages(flow())).toEqual([]);
  });
  it('refuses a step the flow does not have, a repeated id, an unreachable step and a flow that never ends', () => {
    const f = flow();
    f.steps[0]!.next = ['shoul'];
    f.steps.push({ id: 'jueding', label: '重复' });
    expect(messages(f)).toEqual(['steps.4.id: 步骤编号“jueding”重复（已用于第 4 步）', 'steps.0.next.0: 下一步“shoul”不是本流程的步骤编号', 'steps.1.id: 步骤“受理审查”从第一步走不到：检查前面步骤的 next', 'steps.2.id: 步骤“一次性告知补正”从第一步走不到：检查前面步骤的 next', 'steps.3.id: 步骤“作出决定”从第一步走不到：检查前面步骤的 next']);
    const loop = flow();
    loop.steps[3] = { id: 'jueding', label: '作出决定', next: ['shenqing'] } as never;
    expect(messages(loop)).toEqual(['steps: 流程没有结束的步骤：至少一个步骤不写 next']);
  });
  it('a 执法流程 record must have a flow, and only it may', () => {
    const penalty = fixture(FILES.penalty);
    expect(enforcementSchema.safeParse({ ...penalty, flow: flow() }).error!.issues[0]!.message).toBe('只有执法流程才有 flow');
    const procedure = { ...fixture(FILES.inspectionList), category: '执法流程', items: [] };
    expect(enforcementSchema.safeParse(procedure).error!.issues.map((i) => i.message)).toEqual(['执法流程须有 flow（步骤），流程图由它生成']);
    expect(enforcementSchema.safeParse({ ...procedure, flow: flow() }).success).toBe(true);
  });
});

describe('the diagram', () => {
  const f = enforcementFlow.parse(flow());
  it('lays every step out inside the drawing, top to bottom, with a path per edge', () => {
    const l = layoutFlow(f);
    expect(l.nodes).toHaveLength(4);
    for (const n of l.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width).toBeLessThanOrEqual(l.width);
      expect(n.y + n.height).toBeLessThanOrEqual(l.height);
    }
    const y = (id: string) => l.nodes.find((n) => n.id === id)!.y;
    expect(y('shenqing')).toBeLessThan(y('shouli'));
    expect(y('shouli')).toBeLessThan(y('jueding'));
    expect(l.edges).toHaveLength(4);
    for (const e of l.edges) expect(e.path).toMatch(/^M/);
    expect(l.edges.find((e) => e.to === 'buzheng')!.label).toBe('材料不全');
  });
  it('says the same in words: every step, its time limit, where each branch goes, where it ends', () => {
    expect(describeFlow(f)).toEqual([
      '第 1 步 提交申请，转“受理审查”。',
      '第 2 步 受理审查（5个工作日内），材料不全：转“一次性告知补正”；材料齐全：转“作出决定”。',
      '第 3 步 一次性告知补正，转“受理审查”。',
      '第 4 步 作出决定，流程结束。',
    ]);
  });
});
