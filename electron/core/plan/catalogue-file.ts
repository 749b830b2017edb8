import { catalogueSchema, LEVEL_SCHEMES, type Catalogue } from './catalogue.js';
import { LEVELS, type Level } from '../incident/levels.js';
import type { AppError } from '../contract/result.js';

/**
 * The catalogue as one JSON file, for import and export. Pure: text in, text or problems out.
 *
 *   {"format": "control-room-catalogue", "version": 1, "incidentTypes": [ ... ]}
 *
 * A file is refused as a whole, with every problem found: each names its field as a dotted path
 * (`incidentTypes.3.checklist.2.dials`) and the 1-based line where that value starts (for a
 * missing key: where the object that lacks it starts), so the person who edited the file can go
 * straight to it. The lines come from a small JSON scanner below that records where every value
 * and key begins; JSON.parse cannot tell.
 */

export const CATALOGUE_FILE_FORMAT = 'control-room-catalogue';
export const CATALOGUE_FILE_VERSION = 1;
/** Far above any catalogue the schema allows (100 types × 40 steps of 2 × 500 characters). */
export const MAX_CATALOGUE_FILE_CHARS = 10_000_000;
/** The schema nests eight deep; anything far deeper is not a catalogue (and would only eat stack). */
const MAX_DEPTH = 64;

export interface CatalogueProblem {
  /** dotted path from the top of the file, e.g. `incidentTypes.3.checklist.2.dials`; '' for the file itself */
  readonly field: string;
  /** 1-based line where the value (or, for a missing key, the object lacking it) starts */
  readonly line: number;
  /** 1-based column, given for JSON syntax errors */
  readonly column?: number;
  readonly message: string;
}

/**
 * Shaped like Result<Catalogue> (it is assignable to it), with every problem listed besides the
 * summary error.
 */
export type CatalogueFileResult =
  | { readonly ok: true; readonly value: Catalogue }
  | { readonly ok: false; readonly error: AppError; readonly problems: readonly CatalogueProblem[] };

export function exportCatalogue(catalogue: Catalogue): string {
  const envelope = { format: CATALOGUE_FILE_FORMAT, version: CATALOGUE_FILE_VERSION, incidentTypes: catalogue };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

export function parseCatalogueFile(text: string): CatalogueFileResult {
  if (text.length > MAX_CATALOGUE_FILE_CHARS) {
    const problem = { field: '', line: 1, message: `the file is too large (more than ${MAX_CATALOGUE_FILE_CHARS} characters)` };
    return refuse('too_large', [problem]);
  }
  const lines = lineIndex(text);
  const scanned = scanJson(text);
  if ('syntax' in scanned) {
    const { line, column } = lines.position(scanned.syntax.offset);
    const message = `JSON syntax error at line ${line}, column ${column}: ${scanned.syntax.message}`;
    return refuse('bad_json', [{ field: '', line, column, message }]);
  }

  const problems: CatalogueProblem[] = [];
  const lineOfValue = (path: Path): number => lines.position(nearest(scanned.at, path).start).line;
  const lineOfKey = (path: Path): number => {
    const found = scanned.at.get(pathKey(path));
    return found === undefined ? lineOfValue(path) : lines.position(found.keyStart ?? found.start).line;
  };

  for (const dup of scanned.duplicates) {
    problems.push({
      field: dotted(dup.path),
      line: lines.position(dup.keyStart).line,
      message: `duplicate key "${String(dup.path.at(-1))}"`,
    });
  }

  // The envelope.
  const root = scanned.value;
  if (!isPlainObject(root)) {
    problems.push({ field: '', line: lineOfValue([]), message: 'expected an object with "format", "version" and "incidentTypes"' });
    return refuse('invalid', problems);
  }
  const missing = (key: string): CatalogueProblem => ({ field: key, line: lineOfValue([]), message: `required key "${key}" is missing` });
  let envelopeKnown = true;
  if (!Object.hasOwn(root, 'format')) {
    problems.push(missing('format'));
    envelopeKnown = false;
  } else if (root.format !== CATALOGUE_FILE_FORMAT) {
    problems.push({
      field: 'format',
      line: lineOfValue(['format']),
      message: `unknown format ${show(root.format)}; expected "${CATALOGUE_FILE_FORMAT}"`,
    });
    envelopeKnown = false;
  }
  if (!Object.hasOwn(root, 'version')) {
    problems.push(missing('version'));
    envelopeKnown = false;
  } else if (root.version !== CATALOGUE_FILE_VERSION) {
    problems.push({
      field: 'version',
      line: lineOfValue(['version']),
      message: `unsupported version ${show(root.version)}; this app reads version ${CATALOGUE_FILE_VERSION}`,
    });
    envelopeKnown = false;
  }
  for (const key of Object.keys(root)) {
    if (key !== 'format' && key !== 'version' && key !== 'incidentTypes') {
      problems.push({ field: key, line: lineOfKey([key]), message: `unknown key "${key}"` });
    }
  }
  // Of a file in another format or version nothing more can be said.
  if (!envelopeKnown) return refuse('invalid', problems);
  if (!Object.hasOwn(root, 'incidentTypes')) {
    problems.push(missing('incidentTypes'));
    return refuse('invalid', problems);
  }

  // The catalogue itself.
  const types = root.incidentTypes;
  const parsed = catalogueSchema.safeParse(types);
  if (parsed.success && problems.length === 0) return { ok: true, value: parsed.data };

  const reported = new Set<string>();
  const add = (problem: CatalogueProblem) => {
    const key = `${problem.field}\u0000${problem.message}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push(problem);
  };
  for (const issue of parsed.error?.issues ?? []) {
    const path: Path = ['incidentTypes', ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        add({ field: dotted([...path, key]), line: lineOfKey([...path, key]), message: `unknown key "${key}"` });
      continue;
    }
    const last = path.at(-1);
    const absent = !scanned.at.has(pathKey(path)) && typeof last === 'string' && isPlainObject(valueAt(root, path.slice(0, -1)));
    add({ field: dotted(path), line: lineOfValue(path), message: absent ? `required key "${last}" is missing` : issue.message });
  }
  // zod runs a refinement only on input that passed everything else, so on a file with other
  // mistakes it would keep quiet about a duplicate id or a level outside the scheme until the next
  // attempt. Those cross-field rules of catalogue.ts are checked here on the raw input as well, so
  // that one import shows everything; the same message from both is reported once.
  for (const problem of crossFieldProblems(types))
    add({ field: dotted(problem.path), line: lineOfValue(problem.path), message: problem.message });

  return refuse('invalid', problems);
}

function refuse(code: AppError['code'], unsorted: CatalogueProblem[]): CatalogueFileResult {
  const problems = [...unsorted].sort((a, b) => a.line - b.line); // stable: same line keeps found order
  const first = problems[0];
  const message =
    problems.length === 1 && first !== undefined ? first.message : `${problems.length} problems in the catalogue file; nothing was changed`;
  const error: AppError = first === undefined || first.field === '' ? { code, message } : { code, message, field: first.field };
  return { ok: false, error, problems };
}

function crossFieldProblems(types: unknown): { path: Path; message: string }[] {
  if (!Array.isArray(types)) return [];
  const found: { path: Path; message: string }[] = [];
  const typeIds = types.map((t) => (isPlainObject(t) && typeof t.id === 'string' ? t.id : null));
  types.forEach((type, i) => {
    if (!isPlainObject(type)) return;
    const id = typeIds[i];
    if (id != null && typeIds.indexOf(id) !== i)
      found.push({ path: ['incidentTypes', i, 'id'], message: `duplicate incident type id "${id}"` });
    const scheme = type.levelScheme;
    const level = type.defaultLevel;
    if (
      (scheme === 'four' || scheme === 'three') &&
      (LEVELS as readonly unknown[]).includes(level) &&
      !(LEVEL_SCHEMES[scheme] as readonly Level[]).includes(level as Level)
    ) {
      found.push({ path: ['incidentTypes', i, 'defaultLevel'], message: `not a level of the ${scheme}-level scheme` });
    }
    if (Array.isArray(type.checklist)) {
      const stepIds = type.checklist.map((s) => (isPlainObject(s) && typeof s.id === 'string' ? s.id : null));
      stepIds.forEach((stepId, j) => {
        if (stepId != null && stepIds.indexOf(stepId) !== j) {
          found.push({ path: ['incidentTypes', i, 'checklist', j, 'id'], message: `duplicate step id "${stepId}"` });
        }
      });
    }
  });
  return found;
}

// ---------------------------------------------------------------------------------------------
// Paths and positions

type Path = readonly (string | number)[];

interface Located {
  /** offset where the value starts */
  readonly start: number;
  /** offset of the key's opening quote, for object members */
  readonly keyStart: number | null;
}

const pathKey = (path: Path): string => JSON.stringify(path);
const dotted = (path: Path): string => path.join('.');

/** The recorded position of the path, or of its nearest recorded ancestor (the root always is). */
function nearest(at: ReadonlyMap<string, Located>, path: Path): Located {
  for (let n = path.length; n >= 0; n--) {
    const found = at.get(pathKey(path.slice(0, n)));
    if (found !== undefined) return found;
  }
  return { start: 0, keyStart: null };
}

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const p of path) {
    if (Array.isArray(value) && typeof p === 'number') value = value[p];
    else if (isPlainObject(value) && typeof p === 'string' && Object.hasOwn(value, p)) value = value[p];
    else return undefined;
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Offsets to 1-based line and column; a line ends at LF, CR LF or a lone CR. */
function lineIndex(text: string): { position(offset: number): { line: number; column: number } } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return {
    position(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The JSON scanner: a strict RFC 8259 parser that also records where each value and key starts.

interface Scanned {
  readonly value: unknown;
  readonly at: ReadonlyMap<string, Located>;
  /** keys that occur twice in one object (the last one wins, as with JSON.parse) */
  readonly duplicates: readonly { readonly path: Path; readonly keyStart: number }[];
}

class SyntaxProblem extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

function scanJson(text: string): Scanned | { syntax: SyntaxProblem } {
  const at = new Map<string, Located>();
  const duplicates: { path: Path; keyStart: number }[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark some editors write

  const fail = (offset: number, message: string): never => {
    throw new SyntaxProblem(offset, message);
  };
  const describe = (offset: number): string => {
    if (offset >= text.length) return 'end of file';
    const ch = text[offset] ?? '';
    return ch === '\n' || ch === '\r' ? 'end of line' : `"${ch}"`;
  };
  const skipSpace = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else return;
    }
  };

  const scanString = (): string => {
    const open = i;
    i++; // the opening quote
    let out = '';
    let chunk = i;
    for (;;) {
      if (i >= text.length) fail(open, 'this string is never closed');
      const c = text.charCodeAt(i);
      if (c === 34) {
        out += text.slice(chunk, i);
        i++;
        return out;
      }
      if (c < 0x20) fail(i, 'a line break or control character inside a string (write it as \\n, \\t, ...)');
      if (c !== 92) {
        i++;
        continue;
      }
      out += text.slice(chunk, i);
      const esc = text[i + 1];
      const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (esc !== undefined && Object.hasOwn(simple, esc)) {
        out += simple[esc];
        i += 2;
      } else if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        fail(i, `bad escape sequence "\\${esc ?? ''}"`);
      }
      chunk = i;
    }
  };

  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const scanNumber = (): number => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    const end = m === null ? i : i + m[0].length;
    if (m === null || m[0] === '-' || /[0-9A-Za-z.+-]/.test(text[end] ?? '')) {
      let stop = end;
      while (stop < text.length && /[0-9A-Za-z.+-]/.test(text[stop] ?? '')) stop++;
      fail(i, `"${text.slice(i, stop)}" is not a JSON number`);
    }
    i = end;
    return Number((m as RegExpExecArray)[0]);
  };

  const scanValue = (path: Path, keyStart: number | null, depth: number): unknown => {
    skipSpace();
    at.set(pathKey(path), { start: i, keyStart });
    if (depth > MAX_DEPTH) fail(i, `nested more than ${MAX_DEPTH} levels deep`);
    const c = text[i];
    if (c === '{') return scanObject(path, depth);
    if (c === '[') return scanArray(path, depth);
    if (c === '"') return scanString();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return scanNumber();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    if (i >= text.length) return fail(i, path.length === 0 ? 'the file is empty' : 'unexpected end of file; a value was expected');
    if (c === "'") return fail(i, 'strings must be in double quotes');
    return fail(i, `unexpected ${describe(i)}; a value was expected`);
  };

  const scanObject = (path: Path, depth: number): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    const seen = new Set<string>();
    i++; // {
    skipSpace();
    if (text[i] === '}') {
      i++;
      return obj;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') {
        if (text[i] === '}') fail(i, 'a comma before "}" (trailing commas are not allowed in JSON)');
        fail(i, `unexpected ${describe(i)}; a key in double quotes was expected`);
      }
      const keyStart = i;
      const key = scanString();
      skipSpace();
      if (text[i] !== ':') fail(i, `unexpected ${describe(i)}; ":" was expected after the key "${key}"`);
      i++;
      const childPath = [...path, key];
      if (seen.has(key)) duplicates.push({ path: childPath, keyStart });
      seen.add(key);
      // defineProperty: a key "__proto__" stays an ordinary (and unknown) key.
      Object.defineProperty(obj, key, {
        value: scanValue(childPath, keyStart, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return obj;
      }
      fail(i, `unexpected ${describe(i)}; "," or "}" was expected`);
    }
  };

  const scanArray = (path: Path, depth: number): unknown[] => {
    const arr: unknown[] = [];
    i++; // [
    skipSpace();
    if (text[i] === ']') {
      i++;
      return arr;
    }
    for (;;) {
      skipSpace();
      if (text[i] === ']') fail(i, 'a comma before "]" (trailing commas are not allowed in JSON)');
      arr.push(scanValue([...path, arr.length], null, depth + 1));
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return arr;
      }
      fail(i, `unexpected ${describe(i)}; "," or "]" was expected`);
    }
  };

  try {
    const value = scanValue([], null, 0);
    skipSpace();
    if (i < text.length) fail(i, `unexpected ${describe(i)} after the end of the data`);
    return { value, at, duplicates };
  } catch (e) {
    if (e instanceof SyntaxProblem) return { syntax: e };
    throw e;
  }
}
