/**
 * Checks a WMTS GetCapabilities document before the map is given it
 * (issue 11 §2b): well-formed XML, a WMTS 1.0 Capabilities root, the
 * configured layer with a tile matrix set, and tile URLs only from allowed
 * origins (they must also be in the CSP). The browser reads the checked
 * document with ol/format/WMTSCapabilities; this side only decides whether
 * to hand it over or to fall back to the 示意底图.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type CapabilitiesCheck = { ok: true; matrixSets: string[]; tileUrls: string[] } | { ok: false; reason: string };

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'object' && v && '#text' in v ? String((v as { '#text': unknown })['#text']) : String(v ?? ''));

export function checkCapabilities(xml: string, layer: string, allowedOrigins: readonly string[]): CapabilitiesCheck {
  if (XMLValidator.validate(xml) !== true) return { ok: false, reason: 'GetCapabilities 文档不是有效的 XML' };
  const doc = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, attributeNamePrefix: '@' }).parse(xml) as Record<string, unknown>;
  const root = doc['Capabilities'] as Record<string, unknown> | undefined;
  if (!root || !String(root['@version'] ?? '').startsWith('1.0')) return { ok: false, reason: '不是 WMTS 1.0 的 GetCapabilities 文档' };
  const contents = root['Contents'] as Record<string, unknown> | undefined;
  const layers = asArray(contents?.['Layer'] as Record<string, unknown> | Record<string, unknown>[] | undefined);
  const found = layers.find((l) => text(l['Identifier']) === layer);
  if (!found) return { ok: false, reason: `GetCapabilities 中没有图层 ${layer}` };
  const matrixSets = asArray(found['TileMatrixSetLink'] as Record<string, unknown> | Record<string, unknown>[] | undefined).map((l) => text(l['TileMatrixSet']));
  if (matrixSets.length === 0) return { ok: false, reason: `图层 ${layer} 没有瓦片矩阵集` };
  // Tile addresses: the layer's REST templates and the KVP GetTile endpoints.
  const tileUrls = asArray(found['ResourceURL'] as Record<string, unknown> | Record<string, unknown>[] | undefined).map((r) => String(r['@template'] ?? ''));
  const ops = asArray((root['OperationsMetadata'] as Record<string, unknown> | undefined)?.['Operation'] as Record<string, unknown> | Record<string, unknown>[] | undefined);
  for (const op of ops.filter((o) => o['@name'] === 'GetTile')) {
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k === '@href' ? tileUrls.push(String(x)) : walk(x);
    };
    walk(op);
  }
  if (tileUrls.length === 0) return { ok: false, reason: `图层 ${layer} 没有瓦片地址` };
  for (const u of tileUrls) {
    let origin: string;
    try {
      origin = new URL(u.replace(/\{[^}]+\}/g, '0')).origin;
    } catch {
      return { ok: false, reason: '瓦片地址无效' };
    }
    if (!allowedOrigins.includes(origin)) return { ok: false, reason: `瓦片来自未允许的来源 ${origin.slice(0, 100)}（在 site.yaml 的 map.wmts.tileOrigins 中列出）` };
  }
  return { ok: true, matrixSets, tileUrls };
}
