/**
 * CSV for Excel: UTF-8 with a byte-order mark (without it, Excel on Chinese
 * Windows reads UTF-8 as GBK and the headers turn to mojibake), CRLF line
 * ends (RFC 4180), and every field quoted when it holds a comma, quote or
 * line break. A cell that starts with = + - @ is prefixed with ' so Excel
 * does not run it as a formula (the text comes from published data, but the
 * file is opened on staff machines). Browser-safe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvDocument(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [headers.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
