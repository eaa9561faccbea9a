import type { EmbedLanguage } from './options';

/**
 * Every text the widget shows or announces, in each language it speaks.
 * A table of its own: the widget bundle stays small and free of the app's UI.
 * The zh-CN wording follows the app's (src/ui/i18n/strings.ts).
 */
const en = {
  regionInteractive: 'kubelab terminal',
  regionShow: 'kubelab demonstration (read-only terminal)',
  captionInteractive: 'A simulated Kubernetes cluster in your browser',
  captionShow: 'Show me: a recorded demonstration (read-only)',
  replay: 'Replay',
  replayLabel: 'Replay the demonstration on a fresh cluster',
  lessonRegion: 'Lesson step',
  stepOf: '{title} · Step {n} of {total}',
  stepDone: '✓ Done',
  workerStopped: 'The simulated cluster stopped unexpectedly.',
  failed: 'kubelab: {message}',
  lessonFailed: 'This lesson could not start: {message}',
} as const;

export type EmbedTextKey = keyof typeof en;
type EmbedTexts = Record<EmbedTextKey, string>;

const zhCN: EmbedTexts = {
  regionInteractive: 'kubelab 终端',
  regionShow: 'kubelab 演示（只读终端）',
  captionInteractive: '在浏览器中运行的模拟 Kubernetes 集群',
  captionShow: '演示：预先录制的操作（只读）',
  replay: '重放',
  replayLabel: '在全新的集群上重放演示',
  lessonRegion: '课程步骤',
  stepOf: '{title} · 第 {n} 步，共 {total} 步',
  stepDone: '✓ 已完成',
  workerStopped: '模拟集群意外停止。',
  failed: 'kubelab: {message}',
  lessonFailed: '本课无法启动：{message}',
};

const TABLE: Record<EmbedLanguage, EmbedTexts> = { en, 'zh-CN': zhCN };

/** The text in `language` with `{name}` placeholders filled; unknown placeholders stay as written. */
export function embedText(language: EmbedLanguage, key: EmbedTextKey, params: Record<string, string | number> = {}): string {
  const template = TABLE[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** All keys, for tests that check every language has every text. */
export function embedTextTable(): Readonly<Record<EmbedLanguage, EmbedTexts>> {
  return TABLE;
}
