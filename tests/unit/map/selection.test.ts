import { describe, expect, it } from 'vitest';
import { panIntoViewDelta, visibleMapRect, type Rect } from '../../../src/map/selection.ts';

const map: Rect = { left: 0, top: 200, right: 800, bottom: 800 };

describe('panIntoViewDelta', () => {
  it('moves a popup above the top edge down, and one past the right edge left, by what is missing plus the margin', () => {
    expect(panIntoViewDelta({ left: 300, top: 150, right: 500, bottom: 260 }, map, 10)).toEqual([0, 60]);
    expect(panIntoViewDelta({ left: 700, top: 400, right: 850, bottom: 500 }, map, 10)).toEqual([-60, 0]);
  });
  it('leaves a popup that is already in view alone, and keeps the top left of one too large to fit', () => {
    expect(panIntoViewDelta({ left: 100, top: 300, right: 300, bottom: 400 }, map, 10)).toEqual([0, 0]);
    expect(panIntoViewDelta({ left: -50, top: 100, right: 900, bottom: 900 }, map, 10)).toEqual([60, 110]);
  });
});

describe('visibleMapRect', () => {
  it('starts below a banner over the map’s top edge, and ends at the window', () => {
    const banner: Rect = { left: 200, top: 208, right: 600, bottom: 240 };
    expect(visibleMapRect(map, { width: 1280, height: 700 }, [banner])).toEqual({ left: 0, top: 240, right: 800, bottom: 700 });
  });
  it('ignores a banner elsewhere (moved off the map, or in the middle of it)', () => {
    const below: Rect = { left: 0, top: 820, right: 800, bottom: 850 };
    const middle: Rect = { left: 0, top: 400, right: 800, bottom: 430 };
    expect(visibleMapRect(map, { width: 1280, height: 900 }, [below, middle])).toEqual(map);
  });
});
