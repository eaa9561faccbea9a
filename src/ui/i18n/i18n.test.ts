import { describe, expect, it } from 'vitest';
import { pickLanguage, translate } from './i18n';
import { en, zhCN } from './strings';

describe('i18n', () => {
  it('has a Chinese text for every English key and no extra ones', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('fills placeholders in the chosen language', () => {
    expect(translate('en', 'card.steps', { done: 2, total: 4 })).toBe('2 of 4 steps done');
    expect(translate('zh-CN', 'card.steps', { done: 2, total: 4 })).toBe('已完成 2/4 步');
  });

  it('leaves a placeholder without a value as written', () => {
    expect(translate('en', 'lesson.notFound')).toBe('There is no lesson "{id}".');
  });

  it('prefers the stored choice, then the browser languages, then English', () => {
    expect(pickLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(pickLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLanguage('fr', ['fr-FR', 'en-GB'])).toBe('en');
    expect(pickLanguage(undefined, ['de'])).toBe('en');
  });
});
