import { describe, expect, it } from 'vitest';
import { stepTitle } from './step-title';

describe('stepTitle', () => {
  it('takes the first sentence without Markdown marks', () => {
    expect(stepTitle('A StatefulSet needs a **headless Service** to give its pods\ntheir identity. More.')).toBe(
      'A StatefulSet needs a headless Service to give its pods',
    );
    expect(stepTitle('`web.yaml` describes a StatefulSet. Its pods…')).toBe('web.yaml describes a StatefulSet.');
  });

  it('ends a Chinese sentence at its full stop', () => {
    expect(stepTitle('查看 StatefulSet 和它的 Pod:\n\n```bash\nkubectl get sts\n```')).toBe('查看 StatefulSet 和它的 Pod:');
  });

  it('shortens a long line', () => {
    expect(stepTitle('x'.repeat(100), 10)).toBe('xxxxxxxxx…');
  });
});
