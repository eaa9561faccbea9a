import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layering rule of DESIGN.md, checked on every import: dependencies point
// one way (ui → worker → shell/lessons → cluster), and the core is pure.
const root = resolve(__dirname, '..');
const src = join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

interface Import {
  spec: string;
  /** `import type`, `export type` or `{ type A, type B }` only: no code comes with it. */
  typeOnly: boolean;
}

/**
 * Every import of a file: `import … from`, `export … from`, bare `import '…'` and
 * `import('…')`. A clause holds no `;`, `=`, quotes or parentheses, so a match
 * never starts at an `export const` or `export type X =` above a real import.
 */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const pattern = /^\s*(?:import|export)\s+([^'";=()]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  return [...text.matchAll(pattern)].map((m) => {
    const clause = m[1]?.trim();
    const typeOnly = clause !== undefined && (/^type\s/.test(clause) || /^\{\s*(type\s+[\w$]+(\s+as\s+[\w$]+)?\s*,?\s*)+\}$/.test(clause));
    return { spec: m[2] ?? m[3] ?? m[4], typeOnly };
  });
}

/** The top-level layer (folder under src/) an import lands in, or the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return `package:${spec}`;
  const rel = relative(src, resolve(dirname(file), spec));
  return rel.split(/[\\/]/)[0];
}

const pkg = (t: string) => t.startsWith('package:');

// What each layer may import: `t` is the layer or package an import lands in, `path` the
// module under src/ (or the package name), `typeOnly` whether it brings no code.
// The UI side (ui, embed, pwa) reaches the lab through the worker: it may import the
// worker's modules (its API types, and constants such as FIRST_TERMINAL), and only types
// of the cluster, the shell and the lesson engine. The lessons' progress records are the
// exception: plain helpers the UI stores in localStorage. The Node adapters use the cluster.
const allowed: Record<string, (t: string, path: string, typeOnly: boolean) => boolean> = {
  cluster: (t) => t === 'cluster' || t === 'package:yaml' || t === 'package:fast-json-patch',
  shell: (t) => ['shell', 'cluster'].includes(t) || pkg(t),
  lessons: (t) => ['lessons', 'shell', 'cluster'].includes(t) || pkg(t),
  worker: (t) => ['worker', 'shell', 'lessons', 'cluster'].includes(t) || pkg(t),
  ui: (t, path, typeOnly) => typeOnly || ['ui', 'worker', 'embed', 'pwa'].includes(t) || pkg(t) || path === 'lessons/progress',
  embed: (t, path, typeOnly) => typeOnly || ['embed', 'ui', 'worker', 'pwa'].includes(t) || pkg(t) || path === 'lessons/progress',
  pwa: (t, _path, typeOnly) => typeOnly || ['pwa', 'ui'].includes(t) || pkg(t),
  node: (t, _path, typeOnly) => typeOnly || ['node', 'cluster'].includes(t) || pkg(t),
};

describe('layering', () => {
  for (const layer of Object.keys(allowed)) {
    it(`src/${layer} imports only what its layer may reach`, () => {
      const files = sourceFiles(join(src, layer));
      const wrong = files.flatMap((file) =>
        importsOf(file)
          .filter(({ spec, typeOnly }) => {
            const path = spec.startsWith('.') ? relative(src, resolve(dirname(file), spec)).replace(/\\/g, '/') : spec;
            return !allowed[layer](target(file, spec), path, typeOnly);
          })
          .map(({ spec }) => `${relative(root, file)} imports ${spec}`),
      );
      expect(files.length).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    });
  }

  it('the cluster core reads no host clock, randomness, timers or DOM', () => {
    // Calls only: HostTimers declares setTimeout as a member for the host to supply.
    const banned = /\b(Date\.now\(|Math\.random\(|document\.|window\.|localStorage|process\.)|(?<![.\w])set(Timeout|Interval)\(\s*(\(|\w+\s*[,)])/;
    const offenders = sourceFiles(join(src, 'cluster'))
      .filter((f) => !f.includes(`${join('cluster', 'testing')}`))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line: line.replace(/\/\/.*$|^\s*\*.*$/, ''), i }))
          .filter(({ line }) => banned.test(line))
          .map(({ i }) => `${relative(root, file)}:${i + 1}`),
      );
    expect(offenders).toEqual([]);
  });
});
