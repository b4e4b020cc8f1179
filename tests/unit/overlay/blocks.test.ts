import { describe, expect, it } from 'vitest';
import { overlayBlocks } from '../../../src/overlay/blocks.ts';
import { noticeSchema, type Notice } from '../../../src/schema/index.ts';
import { FILES, fixture } from '../schema/helpers.ts';

const corners = [[123.6216, 47.2062], [123.6236, 47.2062], [123.6236, 47.2075], [123.6216, 47.2075]].map(([lon, lat], i) => ({ no: String(i + 1), lon, lat }));
// The published view's status rule: superseded or not (src/data/published.ts).
const view = (notices: Notice[]) => ({ notices, statusRule: (n: Notice) => ({ superseded: n.status.state === 'superseded' }) });
const mining = (id: string, edit?: (n: any) => void): Notice => {
  const n = fixture(FILES.mining);
  n.id = id;
  n.corners = corners;
  edit?.(n);
  return noticeSchema.parse(n);
};

describe('the blocks the pre-check tests against', () => {
  it('takes a mining block from its 拐点 table, once per right, from the newest notice', () => {
    const { features } = overlayBlocks(view([mining('newer'), mining('older')]));
    expect(features).toHaveLength(1);
    expect(features[0]).toMatchObject({ id: 'newer', properties: { kind: 'mining', name: '示例建筑用砂矿', url: '/notices/mining/newer/', detail: '采矿权（建筑用砂）' } });
    expect(features[0]!.geometry.coordinates[0]).toHaveLength(5);
  });

  it('leaves out superseded notices and notices with no area', () => {
    const superseded = mining('old', (n) => (n.status = { state: 'superseded', date: '2026-09-02', reason: '更正', supersededBy: 'new' }));
    const noArea = mining('point', (n) => {
      delete n.corners;
      n.geometry = { type: 'Point', coordinates: [123.62, 47.2] };
    });
    expect(overlayBlocks(view([superseded, noArea])).features).toEqual([]);
  });
});
