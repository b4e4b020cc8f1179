import { describe, expect, it } from 'vitest';
import { controlNames, focusPadding, INSET_ROOM, interactionOptions } from '../../../src/map/controls.ts';

describe('map controls per mode', () => {
  it('the full map has zoom, scale and full screen, and zooms with the wheel', () => {
    expect(controlNames('full')).toEqual(['zoom', 'scale', 'fullscreen']);
    expect(interactionOptions('full')).toEqual({ mouseWheelZoom: true, onFocusOnly: false });
  });
  it('an embedded map has no full screen and takes the wheel and keys only when focused', () => {
    expect(controlNames('embedded')).not.toContain('fullscreen');
    expect(interactionOptions('embedded')).toEqual({ mouseWheelZoom: false, onFocusOnly: true });
  });
});

describe('focusPadding: an embedded record framed clear of the locator inset', () => {
  it('beside the inset on a wide map, below it on a narrow tall one', () => {
    expect(focusPadding([800, 352], true)).toEqual([40, 40, 40, INSET_ROOM.width]);
    expect(focusPadding([288, 352], true)).toEqual([INSET_ROOM.height, 40, 40, 40]);
  });
  it('plain padding without an inset, or where neither leaves room', () => {
    expect(focusPadding([800, 352], false)).toEqual([40, 40, 40, 40]);
    expect(focusPadding([288, 224], true)).toEqual([40, 40, 40, 40]);
  });
});
