/**
 * The 执法人员 roster as the public reads it (事中公示): whether a credential
 * is valid on a day, the roster as a compact JSON document
 * (/enforcement/officers.json) and the lookup by 姓名 or 执法证号. Pure and
 * browser-safe: the verification page's script (src/client/officer-lookup.ts)
 * reads the JSON with the same code the build rendered the list with.
 */

/** What a reader is told about a credential. */
export type CredentialStatus = '有效' | '已过期' | '未生效' | '暂扣' | '注销';

export type RosterEntry = {
  name: string;
  certificateNo: string;
  enforcementCategory: string;
  unit: string;
  district: string;
  validFrom: string;
  validUntil: string;
  /** The card's recorded state; 有效 unless suspended or cancelled. */
  state: '有效' | '暂扣' | '注销';
  /** When and why it was suspended or cancelled. */
  stateDate?: string | undefined;
  stateReason?: string | undefined;
  sample?: boolean | undefined;
};

/** The status of a credential on `today` (YYYY-MM-DD, Asia/Shanghai). */
export function credentialStatus(e: Pick<RosterEntry, 'state' | 'validFrom' | 'validUntil'>, today: string): CredentialStatus {
  if (e.state !== '有效') return e.state;
  if (today < e.validFrom) return '未生效';
  if (today > e.validUntil) return '已过期';
  return '有效';
}

/** Width- and case-folded, spaces removed: 'ａｂ 12' and 'AB12' are one 执法证号. */
export const foldCertificateNo = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

export type Lookup = { query: string; by: 'certificateNo' | 'name' | 'none'; matches: RosterEntry[] };

/**
 * A 执法证号 matches exactly (folded); a name matches exactly (several
 * officers may share one). Nothing partial: the page verifies a person
 * standing in front of the reader, it is not a directory search.
 */
export function lookupOfficer(roster: readonly RosterEntry[], query: string): Lookup {
  const q = query.normalize('NFKC').trim();
  if (q === '') return { query: q, by: 'none', matches: [] };
  const cert = foldCertificateNo(q);
  const byCert = roster.filter((e) => foldCertificateNo(e.certificateNo) === cert);
  if (byCert.length > 0) return { query: q, by: 'certificateNo', matches: byCert };
  const name = q.replace(/\s+/g, '');
  return { query: q, by: /\d/.test(q) ? 'certificateNo' : 'name', matches: roster.filter((e) => e.name === name) };
}

export const ROSTER_VERSION = 1;
export type RosterDocument = { v: typeof ROSTER_VERSION; built: string; officers: RosterEntry[] };

/** Reads /enforcement/officers.json; throws on a shape it does not know. */
export function decodeRoster(data: unknown): RosterDocument {
  const d = data as Partial<RosterDocument> | null;
  if (!d || d.v !== ROSTER_VERSION || !Array.isArray(d.officers)) throw new Error('执法人员名单的格式不认识');
  for (const o of d.officers) if (typeof o?.name !== 'string' || typeof o.certificateNo !== 'string' || typeof o.validUntil !== 'string') throw new Error('执法人员名单的条目不完整');
  return d as RosterDocument;
}
