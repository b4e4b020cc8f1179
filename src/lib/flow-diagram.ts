/**
 * A 执法流程 as a diagram, laid out at build time: dagre (@dagrejs/dagre)
 * ranks the steps top to bottom and routes the edges; d3-shape draws each
 * edge as a smooth path. The page renders the result as inline SVG
 * (src/components/enforcement/FlowDiagram.astro) with the steps again as text,
 * so the diagram needs no JavaScript and has a text alternative.
 */
import { Graph, layout } from '@dagrejs/dagre';
import { curveBasis, line } from 'd3-shape';
import type { EnforcementFlow } from '../schema/index.ts';

export type FlowNode = { id: string; label: string; timeLimit?: string | undefined; x: number; y: number; width: number; height: number; terminal: boolean; start: boolean };
export type FlowEdge = { from: string; to: string; label?: string | undefined; path: string; labelX?: number | undefined; labelY?: number | undefined };
export type FlowLayout = { width: number; height: number; nodes: FlowNode[]; edges: FlowEdge[] };

const FONT = 14;
const SMALL = 12;
const PAD = 12;
const MARGIN = 8;

/** Width of text in px at a font size: CJK characters are one em, ASCII about half. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u00ff]/.test(ch) ? size * 0.55 : size;
  return Math.ceil(w);
}

export const targetOf = (n: EnforcementFlow['steps'][number]['next'][number]) => (typeof n === 'string' ? { to: n, label: undefined } : n);

export function layoutFlow(flow: EnforcementFlow): FlowLayout {
  const g = new Graph({ directed: true });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 36, edgesep: 12, marginx: MARGIN, marginy: MARGIN });
  g.setDefaultEdgeLabel(() => ({}));
  for (const s of flow.steps) {
    const width = Math.max(textWidth(s.label, FONT), s.timeLimit ? textWidth(s.timeLimit, SMALL) : 0) + 2 * PAD;
    g.setNode(s.id, { width, height: s.timeLimit ? 54 : 36 });
  }
  for (const s of flow.steps)
    for (const n of s.next) {
      const t = targetOf(n);
      g.setEdge(s.id, t.to, t.label ? { label: t.label, width: textWidth(t.label, SMALL) + 8, height: SMALL + 6, labelpos: 'c' } : {});
    }
  layout(g);
  const path = line<{ x: number; y: number }>().x((p) => p.x).y((p) => p.y).curve(curveBasis);
  const nodes: FlowNode[] = flow.steps.map((s, i) => {
    const n = g.node(s.id);
    return { id: s.id, label: s.label, timeLimit: s.timeLimit, x: n.x - n.width / 2, y: n.y - n.height / 2, width: n.width, height: n.height, terminal: s.next.length === 0, start: i === 0 };
  });
  const edges: FlowEdge[] = g.edges().map((e) => {
    const data = g.edge(e) as { points: { x: number; y: number }[]; label?: string; x?: number; y?: number };
    return { from: e.v, to: e.w, label: data.label, path: path(data.points) ?? '', labelX: data.label ? data.x : undefined, labelY: data.label ? data.y : undefined };
  });
  const graph = g.graph();
  return { width: Math.ceil(graph.width ?? 0), height: Math.ceil(graph.height ?? 0), nodes, edges };
}

/** The flow in words, one line per step, for the diagram's text alternative and the list beside it. */
export function describeFlow(flow: EnforcementFlow): string[] {
  const labelOf = new Map(flow.steps.map((s) => [s.id, s.label]));
  return flow.steps.map((s, i) => {
    const limit = s.timeLimit ? `（${s.timeLimit}）` : '';
    const next = s.next.map(targetOf).map((t) => (t.label ? `${t.label}：转“${labelOf.get(t.to)}”` : `转“${labelOf.get(t.to)}”`));
    return `第 ${i + 1} 步 ${s.label}${limit}${next.length ? `，${next.join('；')}` : '，流程结束'}。`;
  });
}
