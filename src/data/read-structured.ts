/**
 * Reading one data file into a plain value, with every problem said in
 * Chinese with its line and column: bureau staff edit these files by hand.
 *
 * - unreadable, not UTF-8, empty: said so, nothing else;
 * - YAML: the library's errors in plain words; a key followed by a
 *   full-width colon (title：…) or by no space (title:…), the classic
 *   slips of a Chinese input method, is reported once and repaired in a
 *   copy, so the rest of the file is still checked in the same run;
 * - JSON: the position of the syntax error.
 */
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, type YAMLError } from 'yaml';

export type ReadProblem = { field: string; reason: string };
export type ReadResult = { value: unknown; problems: ReadProblem[] };

const SYNTAX = '(YAML 语法)';
const where = (line: number, col: number) => `第 ${line} 行第 ${col} 列`;

/** A file's bytes as text; undefined (with a problem) when they cannot be read as UTF-8. */
async function readText(file: string, problems: ReadProblem[]): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? '文件不存在'
      : code === 'EACCES' || code === 'EPERM' ? '没有读取这个文件的权限'
      : code === 'EISDIR' ? '这是一个文件夹，不是数据文件'
      : `无法读取（${code ?? (e as Error).message}）`;
    problems.push({ field: '(文件)', reason });
    return undefined;
  }
  try {
    // fatal: a GBK file must not be silently turned into replacement characters.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    problems.push({ field: '(文件)', reason: '文件不是 UTF-8 编码（可能是 GBK 等）：请用“UTF-8”编码另存后再检查' });
    return undefined;
  }
}

/** A key (possibly a list item's) followed by a full-width colon, or by a colon with no space. */
const FULL_WIDTH_COLON = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)[ \t]*：[ \t]*/;
const NO_SPACE_AFTER_COLON = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(?=[^\s/])/;

/** A line that opens a block scalar (body: |, summary: >-): the lines indented below it are text. */
const BLOCK_SCALAR = /:\s*[|>][+-]?\d?\s*(?:#.*)?$/;

/** Finds and repairs the input-method slips line by line; the repaired text goes on to the parser. */
function repairKeys(text: string, problems: ReadProblem[]): string {
  const lines = text.split('\n');
  let blockIndent = -1;
  lines.forEach((line, i) => {
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) return;
      blockIndent = -1;
    }
    if (/^\s*#/.test(line)) return;
    const fullWidth = FULL_WIDTH_COLON.exec(line);
    const noSpace = fullWidth ? null : NO_SPACE_AFTER_COLON.exec(line);
    const m = fullWidth ?? noSpace;
    if (m) {
      const col = m[1]!.length + m[2]!.length + 1;
      problems.push({
        field: SYNTAX,
        reason: fullWidth
          ? `${where(i + 1, col)}：“${m[2]}”后面用了全角冒号“：”，应改为半角冒号“:”再加一个空格，如“${m[2]}: …”`
          : `${where(i + 1, col)}：“${m[2]}:”后面缺少空格，应写成“${m[2]}: …”`,
      });
      lines[i] = `${m[1]}${m[2]}: ${line.slice(m[0].length)}`;
    }
    if (BLOCK_SCALAR.test(lines[i]!)) blockIndent = indent;
  });
  return lines.join('\n');
}

/** The yaml library's error, in words an editor can act on. */
function yamlReason(err: YAMLError, lineText: string): string {
  switch (err.code) {
    case 'TAB_AS_INDENT':
      return '用了制表符（Tab）缩进：YAML 只能用空格缩进';
    case 'DUPLICATE_KEY':
      return `字段重复出现${/^\s*(?:-\s+)?([\w-]+)\s*:/.exec(lineText)?.[1] ? `：“${/^\s*(?:-\s+)?([\w-]+)\s*:/.exec(lineText)![1]}”` : ''}，每个字段只能写一次`;
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BAD_INDENT':
      if (/Flow sequence/i.test(err.message)) return '前面的方括号“[”没有闭合（缺少“]”）';
      if (/Flow map/i.test(err.message)) return '前面的花括号“{”没有闭合（缺少“}”）';
      return /^\s*(?:-\s+)?[\w-]+:\s+[^'"\s].*:\s/.test(lineText)
        ? '值里含有“: ”（冒号加空格）：请给整个值加上引号，如 title: "关于……: ……"'
        : '缩进没有对齐，或上一行缺少冒号：同一层的字段必须左对齐，下一层多缩进两个空格';
    case 'MISSING_CHAR':
      if (/quote/i.test(err.message)) return '引号没有闭合：开头用了引号，结尾也要用同样的引号';
      if (/indicator/i.test(err.message)) return '列表项缺少“- ”，或与上一项没有对齐';
      return '缺少必要的符号（冒号、引号或括号）';
    case 'BAD_SCALAR_START':
    case 'UNEXPECTED_TOKEN':
      return '这里的值以 YAML 的特殊符号开头（如 @ ` % * & ! | > 等）：请给整个值加上引号';
    case 'MULTIPLE_DOCS':
      return '一个文件里只能有一条记录（不能有第二个“---”）';
    default:
      return `YAML 格式错误（${err.message.split('\n')[0]}）`;
  }
}

function parseYamlText(text: string, problems: ReadProblem[]): unknown {
  const repaired = repairKeys(text, problems);
  const lineCounter = new LineCounter();
  const doc = parseDocument(repaired, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const lines = repaired.split('\n');
  for (const err of doc.errors) {
    const pos = lineCounter.linePos(err.pos[0]);
    problems.push({ field: SYNTAX, reason: `${where(pos.line, pos.col)}：${yamlReason(err, lines[pos.line - 1] ?? '')}` });
  }
  if (doc.errors.length > 0) return undefined;
  try {
    return doc.toJS();
  } catch (e) {
    // An alias (*name) whose anchor (&name) is missing: almost always a value that begins with * unquoted.
    problems.push({ field: SYNTAX, reason: `值以“*”开头，YAML 把它当作引用，但找不到对应的“&”：请给整个值加上引号（${(e as Error).message.split(':').pop()?.trim()}）` });
    return undefined;
  }
}

function parseJsonText(text: string, problems: ReadProblem[]): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    let place = '';
    if (at) {
      const before = text.slice(0, Number(at[1]));
      const line = before.split('\n').length;
      place = `${where(line, before.length - before.lastIndexOf('\n'))}：`;
    }
    problems.push({ field: '(JSON 语法)', reason: `${place}JSON 语法错误（${message.replace(/\s*\(line \d+ column \d+\)/, '')}）` });
    return undefined;
  }
}

/**
 * Reads a YAML or JSON data file. `value` is undefined when nothing usable
 * could be read; a file that is readable but has repaired slips still
 * returns its value (with the problems, which are errors).
 */
export async function readStructured(file: string): Promise<ReadResult> {
  const problems: ReadProblem[] = [];
  const text = await readText(file, problems);
  if (text === undefined) return { value: undefined, problems };
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    problems.push({ field: '(文件)', reason: '文件是空的：没有任何内容' });
    return { value: undefined, problems };
  }
  const value = /\.(geo)?json$/i.test(file) ? parseJsonText(text, problems) : parseYamlText(text, problems);
  if (value === null && problems.length === 0) problems.push({ field: '(文件)', reason: '文件里只有注释，没有任何字段' });
  else if (value !== undefined && (typeof value !== 'object' || Array.isArray(value) || value === null))
    problems.push({ field: '(整个文件)', reason: `文件内容应为“字段: 值”的形式，现在是${Array.isArray(value) ? '一个列表' : '一段文字'}` });
  const usable = value !== null && typeof value === 'object' && !Array.isArray(value);
  return { value: usable ? value : undefined, problems };
}
