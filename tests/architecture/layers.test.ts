/**
 * The layer rule of DESIGN.md ("Layers"), enforced by reading every import of every source file.
 *
 *   electron/core      relative files in core, zod
 *   electron/services  core, itself, node:*, ws, conf, zod
 *   electron/host      core, services, itself, node:*           (composition root for plain Node)
 *   electron/main      core, services, itself, node:*, electron, electron-store
 *   electron/preload   core (values or types), itself, electron
 *   renderer/          itself, electron/core, react, react-dom(/client), react/jsx-runtime, zustand(/*)
 *
 * Nobody but electron/main and electron/preload may name 'electron', not even for types.
 * Type-only imports obey the same rules as value imports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SCANNED = ['electron', 'renderer'];
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out', 'release']);
const SOURCE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;
/** Build tooling (vite configs): it runs in Node, in vite, never in the page or the app. */
const RENDERER_BUILD_FILES = new Set(['renderer/vite.config.ts', 'electron/preload/vite.config.ts']);

type Layer = 'core' | 'services' | 'host' | 'main' | 'preload' | 'renderer' | 'renderer-build';

/** The layer a repository path (posix, relative to the root) belongs to; null if it is in none. */
export function layerOf(file: string): Layer | null {
  if (RENDERER_BUILD_FILES.has(file)) return 'renderer-build';
  if (file.startsWith('renderer/')) return 'renderer';
  const m = /^electron\/(core|services|host|main|preload)\//.exec(file);
  return m ? (m[1] as Layer) : null;
}

export interface ImportRef {
  readonly specifier: string;
  readonly typeOnly: boolean;
  readonly line: number;
  /** a dynamic import()/require() whose argument is not a plain string */
  readonly computed?: boolean;
}

/** Every module a file names: import/export ... from, import(), import type, require(), /// <reference>. */
export function extractImports(fileName: string, source: string): ImportRef[] {
  const kind = /\.[jt]sx$/.test(fileName) ? ts.ScriptKind.TSX : /\.[cm]?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const refs: ImportRef[] = [];
  const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const add = (node: ts.Node, specifier: string, typeOnly: boolean) => refs.push({ specifier, typeOnly, line: lineOf(node) });
  const addComputed = (node: ts.Node) => refs.push({ specifier: node.getText(sf), typeOnly: false, line: lineOf(node), computed: true });

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            clause.namedBindings !== undefined &&
            ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 &&
            clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node, node.moduleSpecifier.text, node.isTypeOnly);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      add(node, node.moduleReference.expression.text, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node)) {
      // `import('electron').BrowserWindow` in a type position
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) add(node, arg.literal.text, true);
    } else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
      // `declare module 'electron' { ... }` augments that module, so it depends on it
      add(node, node.name.text, true);
    } else if (ts.isCallExpression(node)) {
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isDynamicImport || isRequire) {
        const arg = node.arguments[0];
        if (arg !== undefined && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) {
          add(node, arg.text, false);
        } else {
          addComputed(node);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);

  const pre = ts.preProcessFile(source, false, false);
  for (const ref of pre.typeReferenceDirectives) {
    refs.push({ specifier: ref.fileName, typeOnly: true, line: sf.getLineAndCharacterOfPosition(ref.pos).line + 1 });
  }
  for (const ref of pre.referencedFiles) {
    const spec = ref.fileName.startsWith('.') ? ref.fileName : `./${ref.fileName}`;
    refs.push({ specifier: spec, typeOnly: true, line: sf.getLineAndCharacterOfPosition(ref.pos).line + 1 });
  }
  return refs.sort((a, b) => a.line - b.line);
}

/** Where an import lands: another layer (for relative specifiers) or a package / builtin. */
type Target =
  | { kind: 'file'; path: string; layer: Layer | null }
  | { kind: 'builtin'; name: string; prefixed: boolean }
  | { kind: 'package'; name: string };

const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

function targetOf(file: string, specifier: string): Target {
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    return { kind: 'file', path: resolved, layer: resolved.startsWith('../') ? null : layerOf(resolved) };
  }
  if (specifier.startsWith('node:')) return { kind: 'builtin', name: specifier.slice(5), prefixed: true };
  const bare = specifier.split('/')[0] ?? specifier;
  if (BUILTINS.has(specifier) || BUILTINS.has(bare)) return { kind: 'builtin', name: specifier, prefixed: false };
  return { kind: 'package', name: specifier };
}

/** `name` matches 'zod' exactly, or 'zustand/*' any subpath of zustand. */
const matchesPackage = (name: string, patterns: readonly string[]): boolean =>
  patterns.some((p) => (p.endsWith('/*') ? name.startsWith(p.slice(0, -1)) : name === p));

interface Rule {
  readonly layers: readonly Layer[];
  readonly packages: readonly string[];
  readonly node: boolean;
}

const RULES: Readonly<Record<Layer, Rule>> = {
  core: { layers: ['core'], packages: ['zod', 'zod/*'], node: false },
  services: { layers: ['core', 'services'], packages: ['ws', 'conf', 'zod', 'zod/*'], node: true },
  host: { layers: ['core', 'services', 'host'], packages: [], node: true },
  main: { layers: ['core', 'services', 'main'], packages: ['electron', 'electron/*', 'electron-store'], node: true },
  preload: { layers: ['core', 'preload'], packages: ['electron', 'electron/*'], node: false },
  renderer: {
    layers: ['renderer', 'core'],
    packages: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'zustand', 'zustand/*'],
    node: false,
  },
  'renderer-build': {
    layers: ['renderer', 'core'],
    packages: ['vite', 'vite/*', '@vitejs/*', 'vitest/*'],
    node: true,
  },
};

/** Type references the renderer's tooling needs (`/// <reference types="vite/client" />`). */
const RENDERER_TYPE_REFERENCES = ['vite/client'];

export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
  readonly why: string;
}

export const formatViolation = (v: Violation): string => `${v.file}:${v.line} imports '${v.specifier}': ${v.why}`;

/** The layer rule for one file, given its repository path (posix, relative to the root) and its text. */
export function checkFile(file: string, source: string): Violation[] {
  const layer = layerOf(file);
  if (layer === null) {
    return [{ file, line: 1, specifier: '', why: 'the file is in no layer (electron/{core,services,host,main,preload} or renderer/)' }];
  }
  const rule = RULES[layer];
  const out: Violation[] = [];
  for (const ref of extractImports(file, source)) {
    const why = judge(layer, rule, file, ref);
    if (why !== null) out.push({ file, line: ref.line, specifier: ref.specifier, why });
  }
  return out;
}

function judge(layer: Layer, rule: Rule, file: string, ref: ImportRef): string | null {
  if (ref.computed) return 'a computed module name cannot be checked against the layer rule';
  const target = targetOf(file, ref.specifier);
  switch (target.kind) {
    case 'file':
      if (target.layer !== null && rule.layers.includes(target.layer)) return null;
      return `${layer} may not import ${target.layer === null ? 'from outside the layers' : `from ${target.layer}`} (${target.path})`;
    case 'builtin':
      if (!rule.node) return `${layer} may not use Node builtins`;
      if (!target.prefixed) return `Node builtins need the node: prefix (node:${target.name})`;
      return null;
    case 'package': {
      const name = target.name;
      if ((name === 'electron' || name.startsWith('electron/')) && layer !== 'main' && layer !== 'preload') {
        return `only electron/main and electron/preload may import electron (${layer} may not, not even types)`;
      }
      if (matchesPackage(name, rule.packages)) return null;
      if (layer === 'renderer' && ref.typeOnly && RENDERER_TYPE_REFERENCES.includes(name)) return null;
      return `${layer} may not import the package '${name}'`;
    }
  }
}

/** Every source file under electron/ and renderer/, as posix paths relative to the root. */
export function sourceFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (rel: string): void => {
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(child);
      } else if (entry.isFile() && SOURCE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) {
        found.push(child);
      }
    }
  };
  for (const dir of SCANNED) walk(dir);
  return found.sort();
}

// ---------------------------------------------------------------------------------------------

describe('the checker itself (so that the real check cannot pass for want of looking)', () => {
  const check = (file: string, source: string) => checkFile(file, source).map((v) => [v.specifier, v.line]);

  it('extracts every kind of import, and nothing from comments or strings', () => {
    const source = [
      `import a from 'a';`,
      `import type { B } from 'b';`,
      `import { type C } from 'c';`,
      `import { type D, e } from 'd';`,
      `import 'side-effect';`,
      `export { f } from 'f';`,
      `export * from 'g';`,
      `export type { H } from 'h';`,
      `const i = await import('i');`,
      `type J = import('j').J;`,
      `// import k from 'k';`,
      `/* import l from 'l'; */`,
      `const m = "import n from 'n'";`,
      `const o = require('o');`,
      `import p = require('p');`,
      `const q = import(\`q\`);`,
    ].join('\n');
    expect(extractImports('x.ts', source)).toEqual([
      { specifier: 'a', typeOnly: false, line: 1 },
      { specifier: 'b', typeOnly: true, line: 2 },
      { specifier: 'c', typeOnly: true, line: 3 },
      { specifier: 'd', typeOnly: false, line: 4 },
      { specifier: 'side-effect', typeOnly: false, line: 5 },
      { specifier: 'f', typeOnly: false, line: 6 },
      { specifier: 'g', typeOnly: false, line: 7 },
      { specifier: 'h', typeOnly: true, line: 8 },
      { specifier: 'i', typeOnly: false, line: 9 },
      { specifier: 'j', typeOnly: true, line: 10 },
      { specifier: 'o', typeOnly: false, line: 14 },
      { specifier: 'p', typeOnly: false, line: 15 },
      { specifier: 'q', typeOnly: false, line: 16 },
    ]);
  });

  it('reads .tsx files', () => {
    const source = `import { useState } from 'react';\nexport const A = () => <div>{'import x from "node:fs"'}</div>;\n`;
    expect(extractImports('renderer/A.tsx', source).map((r) => r.specifier)).toEqual(['react']);
  });

  it('core: only itself and zod', () => {
    expect(
      check(
        'electron/core/x.ts',
        `import { z } from 'zod';\nimport { ok } from './result.js';\nimport type { Level } from '../core/levels.js';`,
      ),
    ).toEqual([]);
    expect(check('electron/core/x.ts', `import { readFileSync } from 'node:fs';`)).toEqual([['node:fs', 1]]);
    expect(check('electron/core/x.ts', `import fs from 'fs';`)).toEqual([['fs', 1]]);
    expect(check('electron/core/x.ts', `import { journal } from '../services/journal.js';`)).toEqual([['../services/journal.js', 1]]);
    expect(check('electron/core/x.ts', `import type { BrowserWindow } from 'electron';`)).toEqual([['electron', 1]]);
    expect(check('electron/core/x.ts', `export * from '../../renderer/api/x.js';`)).toEqual([['../../renderer/api/x.js', 1]]);
    expect(check('electron/core/x.ts', `const m = await import('node:child_process');`)).toEqual([['node:child_process', 1]]);
    expect(check('electron/core/x.ts', `import { create } from 'zustand';`)).toEqual([['zustand', 1]]);
    expect(check('electron/core/x.ts', `const m = await import(name);`)).toEqual([['import(name)', 1]]);
  });

  it('services: core, itself, node:* (with the prefix), ws, conf, zod', () => {
    const fine = [
      `import { decide } from '../core/decide.js';`,
      `import { Journal } from './journal.js';`,
      `import { open } from 'node:fs/promises';`,
      `import { WebSocketServer } from 'ws';`,
      `import Conf from 'conf';`,
      `import { z } from 'zod';`,
    ].join('\n');
    expect(check('electron/services/bus.ts', fine)).toEqual([]);
    expect(check('electron/services/bus.ts', `import { open } from 'fs/promises';`)).toEqual([['fs/promises', 1]]);
    expect(check('electron/services/bus.ts', `import { app } from 'electron';`)).toEqual([['electron', 1]]);
    expect(check('electron/services/bus.ts', `import type { IpcMain } from 'electron';`)).toEqual([['electron', 1]]);
    expect(check('electron/services/bus.ts', `import { x } from '../host/serve.js';`)).toEqual([['../host/serve.js', 1]]);
    expect(check('electron/services/bus.ts', `import Store from 'electron-store';`)).toEqual([['electron-store', 1]]);
    expect(check('electron/services/bus.ts', `import { x } from '../main/main.js';`)).toEqual([['../main/main.js', 1]]);
  });

  it('host: core, services, itself, node:*', () => {
    const fine = `import { a } from '../core/a.js';\nimport { b } from '../services/b.js';\nimport { c } from './c.js';\nimport process from 'node:process';`;
    expect(check('electron/host/serve.ts', fine)).toEqual([]);
    expect(check('electron/host/serve.ts', `import { WebSocketServer } from 'ws';`)).toEqual([['ws', 1]]);
    expect(check('electron/host/serve.ts', `import { app } from 'electron';`)).toEqual([['electron', 1]]);
    expect(check('electron/host/serve.ts', `import { m } from '../main/m.js';`)).toEqual([['../main/m.js', 1]]);
  });

  it('main: core, services, itself, node:*, electron, electron-store', () => {
    const fine = [
      `import { app, BrowserWindow } from 'electron';`,
      `import Store from 'electron-store';`,
      `import { a } from '../core/a.js';`,
      `import { b } from '../services/b.js';`,
      `import { w } from './windows.js';`,
      `import path from 'node:path';`,
    ].join('\n');
    expect(check('electron/main/main.ts', fine)).toEqual([]);
    expect(check('electron/main/main.ts', `import { App } from '../../renderer/App.js';`)).toEqual([['../../renderer/App.js', 1]]);
    expect(check('electron/main/main.ts', `import { p } from '../preload/preload.js';`)).toEqual([['../preload/preload.js', 1]]);
    expect(check('electron/main/main.ts', `import { WebSocket } from 'ws';`)).toEqual([['ws', 1]]);
  });

  it('preload: core (types or values), electron', () => {
    const fine = `import { contextBridge, ipcRenderer } from 'electron';\nimport type { Command } from '../core/commands.js';\nimport { CHANNELS } from '../core/contract.js';`;
    expect(check('electron/preload/preload.ts', fine)).toEqual([]);
    expect(check('electron/preload/preload.ts', `import { readFileSync } from 'node:fs';`)).toEqual([['node:fs', 1]]);
    expect(check('electron/preload/preload.ts', `import { bus } from '../services/command-bus.js';`)).toEqual([
      ['../services/command-bus.js', 1],
    ]);
  });

  it('renderer: itself, electron/core, react, react-dom, zustand', () => {
    const fine = [
      `import { useState } from 'react';`,
      `import { createRoot } from 'react-dom/client';`,
      `import { jsx } from 'react/jsx-runtime';`,
      `import { create } from 'zustand';`,
      `import { useShallow } from 'zustand/react/shallow';`,
      `import { activeIncidents } from '../../electron/core/incident/selectors.js';`,
      `import { Board } from '../views/Board.js';`,
      `import './styles.css';`,
    ].join('\n');
    expect(check('renderer/api/store.ts', fine)).toEqual([]);
    expect(check('renderer/api/x.ts', `import { bus } from '../../electron/services/x.js';`)).toEqual([
      ['../../electron/services/x.js', 1],
    ]);
    expect(check('renderer/api/x.ts', `import type { IpcRenderer } from 'electron';`)).toEqual([['electron', 1]]);
    expect(check('renderer/api/x.ts', `import { readFile } from 'node:fs';`)).toEqual([['node:fs', 1]]);
    expect(check('renderer/api/x.ts', `import { WebSocket } from 'ws';`)).toEqual([['ws', 1]]);
    expect(check('renderer/api/x.ts', `import { defineConfig } from 'vite';`)).toEqual([['vite', 1]]);
    expect(check('renderer/api/x.ts', `import { x } from '../../electron/preload/preload.js';`)).toEqual([
      ['../../electron/preload/preload.js', 1],
    ]);
    expect(check('renderer/api/x.ts', `import pkg from '../../package.json';`)).toEqual([['../../package.json', 1]]);
    expect(check('renderer/App.tsx', `/// <reference types="vite/client" />\nimport React from 'react';`)).toEqual([]);
    expect(check('renderer/App.tsx', `/// <reference types="node" />`)).toEqual([['node', 1]]);
  });

  it('renderer/vite.config.ts is build tooling: vite and node are fine there, electron is not', () => {
    const config = `import { defineConfig } from 'vite';\nimport react from '@vitejs/plugin-react';\nimport { fileURLToPath } from 'node:url';`;
    expect(check('renderer/vite.config.ts', config)).toEqual([]);
    expect(check('renderer/vite.config.ts', `import { app } from 'electron';`)).toEqual([['electron', 1]]);
  });

  it('a file outside every layer is reported', () => {
    expect(checkFile('electron/util.ts', '')).toEqual([
      { file: 'electron/util.ts', line: 1, specifier: '', why: expect.stringContaining('no layer') },
    ]);
  });

  it('failures name the file, the line and the specifier', () => {
    const [v] = checkFile('electron/core/x.ts', `\nimport { readFileSync } from 'node:fs';`);
    expect(v && formatViolation(v)).toBe("electron/core/x.ts:2 imports 'node:fs': core may not use Node builtins");
  });
});

describe('the layer rule of DESIGN.md', () => {
  const files = sourceFiles(ROOT);

  it('scans the source files, core among them', () => {
    const core = files.filter((f) => f.startsWith('electron/core/'));
    expect(core.length).toBeGreaterThanOrEqual(8);
    for (const name of [
      'contract/commands',
      'decide',
      'evolve',
      'events',
      'incident/levels',
      'contract/result',
      'incident/selectors',
      'state',
    ]) {
      expect(core).toContain(`electron/core/${name}.ts`);
    }
    expect(files.some((f) => f.includes('node_modules') || f.endsWith('.d.ts') || f.includes('/dist/'))).toBe(false);
  });

  it('every import of every file under electron/ and renderer/ obeys its layer', () => {
    const violations = files.flatMap((file) => checkFile(file, readFileSync(path.join(ROOT, file), 'utf8')));
    expect(violations.map(formatViolation)).toEqual([]);
  });
});
