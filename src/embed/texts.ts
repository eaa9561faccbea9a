import { fillPlaceholders } from '../ui/i18n/fill';
import { en as ui, zhCN as uiZh } from '../ui/i18n/strings';
import type { EmbedLanguage } from './options';

/**
 * Every text the widget shows or announces, in each language it speaks; the lesson
 * texts it shares with the app are the app's (strings.ts is a plain table, no UI code).
 */
const en = {
  regionInteractive: 'kubelab terminal',
  regionShow: 'kubelab demonstration (read-only terminal)',
  captionInteractive: 'A simulated Kubernetes cluster in your browser',
  captionShow: 'Show me: a recorded demonstration (read-only)',
  replay: 'Replay',
  replayLabel: 'Replay the demonstration on a fresh cluster',
  lessonRegion: 'Lesson step',
  stepOf: `{title} · ${ui['lesson.stepOf']}`,
  stepDone: `✓ ${ui['lesson.stepDone']}`,
  workerStopped: 'The simulated cluster stopped unexpectedly.',
  failed: 'kubelab: {message}',
  lessonFailed: `${ui['lesson.failed']} {message}`,
};

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
  stepOf: `{title} · ${uiZh['lesson.stepOf']}`,
  stepDone: `✓ ${uiZh['lesson.stepDone']}`,
  workerStopped: '模拟集群意外停止。',
  failed: 'kubelab: {message}',
  lessonFailed: `${uiZh['lesson.failed']}{message}`,
};

const TABLE: Record<EmbedLanguage, EmbedTexts> = { en, 'zh-CN': zhCN };

/** The text in `language` with `{name}` placeholders filled; unknown placeholders stay as written. */
export function embedText(language: EmbedLanguage, key: EmbedTextKey, params: Record<string, string | number> = {}): string {
  return fillPlaceholders(TABLE[language][key], params);
}

/** All keys, for tests that check every language has every text. */
export function embedTextTable(): Readonly<Record<EmbedLanguage, EmbedTexts>> {
  return TABLE;
}
