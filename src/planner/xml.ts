/**
 * XML text for the GPX and KML exports. Escaping is all the writing needs
 * (two fixed document shapes, no namespaces chosen at run time), so no XML
 * library ships to the browser; the tests read the output back with a
 * maintained parser (@xmldom/xmldom, @tmcw/togeojson).
 */

// Characters XML 1.0 does not allow at all (C0 controls but tab, LF, CR; U+FFFE, U+FFFF; lone surrogates).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text or attribute value: forbidden characters dropped, the five specials escaped. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** <name>text</name>, escaped; nothing for an empty text. */
export const element = (name: string, text: string | undefined): string => (text ? `<${name}>${escapeXml(text)}</${name}>` : '');
