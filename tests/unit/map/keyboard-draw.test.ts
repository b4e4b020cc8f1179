/** Drawing by keyboard (src/map/keyboard-draw.ts), with a stand-in canvas, map and OpenLayers Draw. */
import { describe, expect, it } from 'vitest';
import type Draw from 'ol/interaction/Draw.js';
import type OlMap from 'ol/Map.js';
import { bindKeyboardDrawing } from '../../../src/map/keyboard-draw.ts';

function setUp(least = 3) {
  let onKey: (e: { key: string; shiftKey: boolean; preventDefault(): void }) => void = () => {};
  const canvas = { addEventListener: (_: string, f: typeof onKey) => (onKey = f) } as unknown as HTMLElement;
  const calls: string[] = [];
  const said: string[] = [];
  let drawing = true;
  const draw = {
    appendCoordinates: (c: number[][]) => calls.push(`add ${c[0]!.join(',')}`),
    removeLastPoint: () => calls.push('undo'),
    finishDrawing: () => calls.push('finish'),
  } as unknown as Draw;
  const olMap = { getView: () => ({ getCenter: () => [10, 20] }) } as unknown as OlMap;
  const kb = bindKeyboardDrawing(canvas, { olMap, draw: () => (drawing ? draw : undefined), least: () => least, noun: '顶点', finishVerb: '闭合', say: (m) => said.push(m) });
  const press = (key: string, shiftKey = false) => onKey({ key, shiftKey, preventDefault: () => {} });
  return { press, calls, said, kb, stopDrawing: () => (drawing = false) };
}

describe('keyboard drawing', () => {
  it('adds the crosshair point on Enter, undoes on Backspace, finishes on Shift+Enter once there are enough points', () => {
    const { press, calls, said } = setUp(3);
    press('Enter');
    press('Enter');
    press('Backspace');
    press('Enter');
    press('Enter');
    press('Enter', true);
    expect(calls).toEqual(['add 10,20', 'add 10,20', 'undo', 'add 10,20', 'add 10,20', 'finish']);
    expect(said.at(-1)).toBe('已在十字中心添加第 3 个顶点，Shift+Enter 闭合。');
    expect(said[2]).toBe('已撤销，还有 1 个顶点。');
  });
  it('refuses to finish short of the points needed, does nothing when not drawing, and starts counting again after reset', () => {
    const { press, calls, said, kb, stopDrawing } = setUp(3);
    press('Enter');
    press('Enter', true);
    expect(calls).toEqual(['add 10,20']);
    expect(said.at(-1)).toBe('至少需要 3 个顶点才能闭合（已有 1 个）。');
    kb.reset();
    press('Backspace');
    expect(calls).toEqual(['add 10,20']);
    stopDrawing();
    press('Enter');
    press('a');
    expect(calls).toEqual(['add 10,20']);
  });
});
