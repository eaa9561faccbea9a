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

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => m[1] ?? m[2],
  );
}

/** Imports that bring code, not only types (`import type` and `import { type X }`-only lines excluded). */
function valueImportsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/import\s+(?!type\s)([^'"]*?)from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .filter((m) => m[3] !== undefined || !/^\{\s*(type\s+\w+\s*,?\s*)+\}\s*$/.test(m[1].trim()))
    .map((m) => m[2] ?? m[3]);
}

/** The top-level layer (folder under src/) an import lands in, or the package name. */
function target(file: string, spec: string): string {
  if (!spec.startsWith('.')) return `package:${spec}`;
  const rel = relative(src, resolve(dirname(file), spec));
  return rel.split(/[\\/]/)[0];
}

const allowed: Record<string, (t: string) => boolean> = {
  cluster: (t) => t === 'cluster' || t === 'package:yaml' || t === 'package:fast-json-patch',
  shell: (t) => ['shell', 'cluster'].includes(t) || t.startsWith('package:'),
  lessons: (t) => ['lessons', 'shell', 'cluster'].includes(t) || t.startsWith('package:'),
  worker: (t) => ['worker', 'shell', 'lessons', 'cluster'].includes(t) || t.startsWith('package:'),
};

// The UI side reaches the lab only through the worker's one API: it may import the worker's
// types and its own code, but no code of the cluster, the shell or the lesson engine. The
// lessons' progress records are the exception: plain helpers the UI stores in localStorage.
const uiSide: Record<string, (t: string, path: string) => boolean> = {
  ui: (t, path) => ['ui', 'worker', 'embed', 'pwa'].includes(t) || t.startsWith('package:') || path === 'lessons/progress',
  embed: (t, path) => ['embed', 'ui', 'worker', 'pwa'].includes(t) || t.startsWith('package:') || path === 'lessons/progress',
  pwa: (t) => ['pwa', 'ui'].includes(t) || t.startsWith('package:'),
  node: (t) => ['node', 'cluster'].includes(t) || t.startsWith('package:'),
};

describe('the UI side and the Node adapters', () => {
  for (const layer of Object.keys(uiSide)) {
    it(`src/${layer} brings in no code of the layers it must reach through the worker`, () => {
      const files = sourceFiles(join(src, layer));
      const wrong = files.flatMap((file) =>
        valueImportsOf(file)
          .filter((spec) => {
            const path = spec.startsWith('.') ? relative(src, resolve(dirname(file), spec)).replace(/\\/g, '/') : spec;
            return !uiSide[layer](target(file, spec), path);
          })
          .map((spec) => `${relative(root, file)} imports ${spec}`),
      );
      expect(files.length).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    });
  }
});

describe('layering', () => {
  for (const layer of Object.keys(allowed)) {
    it(`src/${layer} imports only the layers beneath it`, () => {
      let files: string[] = [];
      try {
        files = sourceFiles(join(src, layer));
      } catch {
        return;
      }
      const wrong = files.flatMap((file) =>
        importsOf(file)
          .filter((spec) => !allowed[layer](target(file, spec)))
          .map((spec) => `${relative(root, file)} imports ${spec}`),
      );
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
