import { describe, expect, it } from 'vitest';
import { commandLines, isCommandBlock, isInlineCommand } from './commands';

describe('lesson markdown commands', () => {
  it('treats bash and unlabelled blocks as commands, yaml as text', () => {
    expect(isCommandBlock('bash')).toBe(true);
    expect(isCommandBlock('')).toBe(true);
    expect(isCommandBlock('yaml')).toBe(false);
  });

  it('offers inline code as a command only when it runs as written', () => {
    expect(isInlineCommand('kubectl get pods -l app=nginx')).toBe(true);
    expect(isInlineCommand('kubectl apply -f FILE')).toBe(false);
    expect(isInlineCommand('kubectl scale sts <name> --replicas=3')).toBe(false);
    expect(isInlineCommand('web-0')).toBe(false);
  });

  it('drops prompts, comments and blank lines from a block', () => {
    expect(commandLines('$ cat web.yaml\n\n# create it\nkubectl apply -f web.yaml\n')).toEqual(['cat web.yaml', 'kubectl apply -f web.yaml']);
  });
});
