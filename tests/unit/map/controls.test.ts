import { describe, expect, it } from 'vitest';
import { controlNames, interactionOptions } from '../../../src/map/controls.ts';

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
