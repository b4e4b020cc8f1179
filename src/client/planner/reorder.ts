/**
 * Reordering the stops by keyboard and by drag and drop: which position a
 * key or a drop means, and what the live region says, so that the list's
 * three ways (上移/下移 buttons, Alt+↑/↓, dragging) move stops alike.
 */

/** The position Alt+↑ / Alt+↓ moves a stop to; 'edge' at the top or bottom (said, not silently ignored); undefined for other keys. */
export function keyboardMove(e: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }, index: number, count: number): number | 'edge' | undefined {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return undefined;
  if (e.key === 'ArrowUp') return index > 0 ? index - 1 : 'edge';
  if (e.key === 'ArrowDown') return index < count - 1 ? index + 1 : 'edge';
  return undefined;
}

/** The button's move: up or down one place, or 'edge'. */
export function buttonMove(direction: 'up' | 'down', index: number, count: number): number | 'edge' {
  const to = direction === 'up' ? index - 1 : index + 1;
  return to < 0 || to >= count ? 'edge' : to;
}

/**
 * Where a stop dragged from `from` lands when dropped on the item at
 * `over`, before or after it (the upper or lower half): the index to pass
 * to moveStop, which removes the stop before inserting it.
 */
export function dropIndex(from: number, over: number, after: boolean): number {
  const to = over + (after ? 1 : 0);
  return from < to ? to - 1 : to;
}

export const moveMessage = (name: string, to: number, count: number): string => `已将“${name}”移到第 ${to + 1} 位（共 ${count} 个地点）。`;
export const edgeMessage = (name: string, index: number): string => `“${name}”已经是${index === 0 ? '第一个' : '最后一个'}地点。`;
