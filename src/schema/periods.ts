/**
 * Periods across notices: two notices of the same kind and sub-kind about
 * the same matter (a mining right by its licence number or name, a parcel
 * by its 地块编号, a planning project by its name and permit type) must not
 * be open at once. The public would not know which 公示 runs; a corrected
 * notice supersedes the first (status.superseded) instead. A period that
 * runs backwards is caught by the period schema itself (common.ts).
 */
import type { DataIssue, Entry, Salvaged } from './dataset.ts';
import type { Notice } from './notice.ts';

const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** What a notice is about, as keys; a notice may be about several matters. */
export function matterKeys(n: Salvaged<Notice>): string[] {
  switch (n.kind) {
    case 'mining':
      return (n.rights ?? []).map((r) => (r.licenseNo ? `许可证号 ${norm(r.licenseNo)}` : `矿业权 ${norm(r.name)}`));
    case 'land':
      return (n.parcels ?? []).map((p) => `地块 ${norm(p.code)}`);
    case 'planning':
      return n.projectName && n.permitType ? [`项目 ${norm(n.projectName)}（${n.permitType}）`] : [];
    default:
      return [];
  }
}

const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) => a.start <= b.end && b.start <= a.end;

export function checkPeriodOverlaps(notices: readonly Entry<Salvaged<Notice>>[]): DataIssue[] {
  const issues: DataIssue[] = [];
  type Open = { file: string; id: string | undefined; period: { start: string; end: string }; supersededBy?: string | undefined };
  const byMatter = new Map<string, Open[]>();
  for (const { file, record } of notices) {
    const p = record.period;
    // Withdrawn notices are not public; a period that runs backwards has its own error already.
    if (!p || !record.kind || !record.subKind || record.status?.state === 'withdrawn' || p.end < p.start) continue;
    const open: Open = { file, id: record.id, period: p, supersededBy: record.status?.state === 'superseded' ? record.status.supersededBy : undefined };
    for (const key of new Set(matterKeys(record))) {
      const k = `${record.kind}/${record.subKind}/${key}`;
      for (const other of byMatter.get(k) ?? []) {
        // A correction supersedes the notice it corrects: their periods may overlap. The same id
        // twice (a.yaml and a.json) is one duplicate, reported as such.
        if (other.supersededBy === open.id || open.supersededBy === other.id || (open.id !== undefined && other.id === open.id)) continue;
        if (!overlaps(other.period, open.period)) continue;
        issues.push({
          file,
          field: 'period',
          reason: `公示期 ${p.start} 至 ${p.end} 与 ${other.file}（同为${record.subKind}，${key}）的公示期 ${other.period.start} 至 ${other.period.end} 重叠：同一事项同时只能有一个公示；更正公告请把原公告设为 superseded`,
          severity: 'error',
        });
      }
      byMatter.set(k, [...(byMatter.get(k) ?? []), open]);
    }
  }
  return issues;
}
