/**
 * The lesson.yaml format (see lessons/README.md for the author's guide) and
 * its validation into a Lesson. Translations overlay texts: translation.ts.
 */
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../cluster/api/types';
import { CHECK_KINDS } from './checks/index';
import type { Check, CheckCapabilities } from './checks/types';
import { Fields, isRecord, type Raw } from './validate';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

export interface LessonFile {
  /** Relative to the learner's home directory. */
  path: string;
  content: string;
}

export interface LessonSetup {
  /** Created through the API before the learner starts (StorageClasses, ConfigMaps …). */
  objects: KubeObject[];
  /** Typed in a hidden terminal, in order, after the objects exist. */
  commands: string[];
  /** The lesson starts once these checks pass (e.g. a StatefulSet the lesson builds on is Ready). */
  waitFor: Check[];
}

export interface LessonStep {
  /** Unique in the lesson; part of the step's URL. */
  id: string;
  /** Markdown. */
  text: string;
  /** Shown one at a time. */
  hints: string[];
  /** The reference solution: command lines, replayed by the proof. */
  solution: string[];
  /** All must pass for the step to be done. */
  checks: Check[];
}

export interface Lesson {
  id: string;
  language: Language;
  title: string;
  summary: string;
  level: Level;
  minutes: number;
  files: LessonFile[];
  setup: LessonSetup;
  steps: LessonStep[];
}

/** Which optional capabilities the lab provides; check kinds needing a missing one fail validation. */
export type AvailableCapabilities = Record<keyof CheckCapabilities, boolean>;

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export interface ParseContext {
  /** The file being parsed, as named in messages: 'lessons/02-first-statefulset/lesson.yaml'. */
  file: string;
  /** The lesson's directory name, which must equal its id. */
  directory: string;
  /** Reads a file next to lesson.yaml ('files/web.yaml'); undefined when absent. */
  readSibling(relative: string): string | undefined;
  capabilities: AvailableCapabilities;
}

const TOP_FIELDS = ['id', 'title', 'summary', 'level', 'minutes', 'files', 'setup', 'steps'];
const STEP_FIELDS = ['id', 'text', 'hints', 'solution', 'checks'];

export function parseLesson(raw: unknown, ctx: ParseContext, problems: string[]): Lesson {
  const top = new Fields(ctx.file, '', isRecord(raw) ? raw : {}, problems);
  if (!isRecord(raw)) top.problem('(document)', 'must be a mapping with id, title, summary, level, minutes and steps');
  top.only(TOP_FIELDS);
  const id = top.string('id', true);
  if (id && !ID_PATTERN.test(id)) top.problem('id', 'use lower-case letters, digits and dashes');
  if (id && id !== ctx.directory) top.problem('id', `must equal the lesson's directory name "${ctx.directory}"`);
  const minutes = top.number('minutes', true);
  if (minutes <= 0) top.problem('minutes', 'must be more than 0');
  const setupRaw = top.raw.setup;
  if (setupRaw !== undefined && !isRecord(setupRaw)) top.problem('setup', 'must be a mapping');
  const steps = top.records('steps', (f) => parseStep(f, ctx));
  if (!Array.isArray(top.raw.steps)) top.problem('steps', 'required (a list; [] for a sandbox)');
  const seen = new Set<string>();
  steps.forEach((s, i) => {
    if (seen.has(s.id)) top.problem(`steps[${i}].id`, `duplicate step id "${s.id}"`);
    seen.add(s.id);
  });
  return {
    id,
    language: 'en',
    title: top.string('title', true),
    summary: top.string('summary', true),
    level: top.oneOf('level', LEVELS, true),
    minutes,
    files: parseFiles(top, ctx),
    setup: parseSetup(top.child('setup', isRecord(setupRaw) ? setupRaw : {}), ctx),
    steps,
  };
}

function parseStep(f: Fields, ctx: ParseContext): LessonStep {
  f.only(STEP_FIELDS);
  const id = f.string('id', true);
  if (id && !ID_PATTERN.test(id)) f.problem('id', 'use lower-case letters, digits and dashes');
  const checks = parseChecks(f, 'checks', ctx);
  const solution = f.strings('solution');
  if (!Array.isArray(f.raw.checks) || checks.length === 0) f.problem('checks', 'required (at least one check)');
  if (solution.length === 0) f.problem('solution', 'required (the commands that complete the step)');
  return { id, text: f.string('text', true), hints: f.strings('hints'), solution, checks };
}

export function parseChecks(f: Fields, field: string, ctx: ParseContext): Check[] {
  return f.records(field, (c) => {
    const kindName = c.string('kind', true);
    const kind = CHECK_KINDS[kindName as Check['kind']];
    if (!kindName) return undefined;
    if (!kind) {
      c.problem('kind', `unknown check kind "${kindName}" (known: ${Object.keys(CHECK_KINDS).join(', ')})`);
      return undefined;
    }
    if (kind.requires && !ctx.capabilities[kind.requires]) {
      c.problem('kind', `"${kindName}" is not available yet: this lab cannot ${kind.requires === 'dns' ? 'resolve cluster DNS names' : 'read files in pods'} for checks`);
    }
    c.only(['kind', ...kind.fields]);
    return { kind: kindName, ...kind.parse(c) } as Check;
  });
}

function parseFiles(top: Fields, ctx: ParseContext): LessonFile[] {
  const value = top.raw.files;
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    top.problem('files', 'must be a list');
    return [];
  }
  const out: LessonFile[] = [];
  value.forEach((item, i) => {
    const at = `files[${i}]`;
    const entry: Raw = typeof item === 'string' ? { path: item, source: `files/${item}` } : isRecord(item) ? item : {};
    if (typeof item !== 'string' && !isRecord(item)) return top.problem(at, 'must be a file name or a mapping with path and source or content');
    const f = top.child(at, entry);
    f.only(['path', 'source', 'content']);
    const path = f.string('path', true);
    if (path.startsWith('/') || path.split('/').includes('..')) f.problem('path', 'must be relative to the home directory');
    const source = f.string('source');
    const inline = f.string('content');
    if ((source === undefined) === (inline === undefined)) return f.problem('source', 'exactly one of source or content is required');
    const content = source !== undefined ? ctx.readSibling(source) : inline;
    if (content === undefined) return f.problem('source', `file "${source}" not found next to the lesson`);
    out.push({ path, content });
  });
  return out;
}

function parseSetup(f: Fields, ctx: ParseContext): LessonSetup {
  f.only(['objects', 'commands', 'waitFor']);
  const objects: KubeObject[] = [];
  const list = f.raw.objects;
  if (list !== undefined && !Array.isArray(list)) f.problem('objects', 'must be a list');
  (Array.isArray(list) ? list : []).forEach((item, i) => {
    const at = `objects[${i}]`;
    if (!isRecord(item)) return f.problem(at, 'must be a manifest or a mapping with source');
    if (item.source !== undefined) {
      const text = typeof item.source === 'string' ? ctx.readSibling(item.source) : undefined;
      if (text === undefined) return f.problem(`${at}.source`, `file "${String(item.source)}" not found next to the lesson`);
      for (const doc of parseAllDocuments(text)) {
        const object: unknown = doc.toJS();
        if (object != null) objects.push(checkManifest(f, at, object));
      }
    } else objects.push(checkManifest(f, at, item));
  });
  return { objects, commands: f.strings('commands'), waitFor: parseChecks(f, 'waitFor', ctx) };
}

function checkManifest(f: Fields, at: string, object: unknown): KubeObject {
  const m = isRecord(object) ? object : {};
  const meta = isRecord(m.metadata) ? m.metadata : {};
  if (typeof m.apiVersion !== 'string') f.problem(`${at}.apiVersion`, 'required');
  if (typeof m.kind !== 'string') f.problem(`${at}.kind`, 'required');
  if (typeof meta.name !== 'string') f.problem(`${at}.metadata.name`, 'required');
  return m as unknown as KubeObject;
}
