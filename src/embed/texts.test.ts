import { describe, it, expect } from 'vitest';
import { embedText, embedTextTable } from './texts';

describe('the widget texts', () => {
  it('every language has every text, and no text is left empty', () => {
    const table = embedTextTable();
    const keys = Object.keys(table.en).sort();
    expect(Object.keys(table['zh-CN']).sort()).toEqual(keys);
    for (const texts of Object.values(table)) expect(Object.values(texts).filter((t) => t.trim() === '')).toEqual([]);
  });

  it('zh-CN texts are not the English ones (brand and ticks aside)', () => {
    const table = embedTextTable();
    const same = Object.keys(table.en).filter((k) => table.en[k as keyof typeof table.en] === table['zh-CN'][k as keyof typeof table.en]);
    expect(same).toEqual(['failed']);
  });

  it('fills the step line as the app words it', () => {
    const params = { title: 'Your first StatefulSet', n: 1, total: 4 };
    expect(embedText('en', 'stepOf', params)).toBe('Your first StatefulSet · Step 1 of 4');
    expect(embedText('zh-CN', 'stepOf', { ...params, title: '第一个 StatefulSet' })).toBe('第一个 StatefulSet · 第 1 步，共 4 步');
    expect(embedText('zh-CN', 'stepDone')).toBe('✓ 已完成');
  });

  it('puts the message into an error text and leaves unknown placeholders as written', () => {
    expect(embedText('zh-CN', 'lessonFailed', { message: 'lesson "x" not found' })).toBe('本课无法启动：lesson "x" not found');
    expect(embedText('en', 'failed')).toBe('kubelab: {message}');
  });
});
