/** cobra's "Did you mean this?" suggestions: Levenshtein distance ≤ 2 or a prefix match, case-insensitive. */

/** Every command real kubectl v1.32 lists, so typos of unimplemented ones suggest like kubectl does. */
export const KUBECTL_COMMANDS = [
  'annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info',
  'completion', 'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events',
  'exec', 'explain', 'expose', 'get', 'kustomize', 'label', 'logs', 'options', 'patch', 'plugin', 'port-forward',
  'proxy', 'replace', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait',
];

export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...new Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
    }
  }
  return d[s.length][t.length];
}

export function suggestionsFor(typed: string, names: string[]): string[] {
  return [...names]
    .sort()
    .filter((n) => levenshtein(typed, n) <= 2 || n.toLowerCase().startsWith(typed.toLowerCase()));
}

/**
 * cobra's unknown-command error text (kubectl adds `error: `). A command real kubectl
 * has but this lab does not gets a plain answer instead of a suggestion of itself.
 */
export function unknownCommandMessage(typed: string, parentPath: string, names: string[]): string {
  if (parentPath === 'kubectl' && KUBECTL_COMMANDS.includes(typed)) return `"kubectl ${typed}" is not available in this lab`;
  const suggestions = suggestionsFor(typed, names);
  let msg = `unknown command ${JSON.stringify(typed)} for ${JSON.stringify(parentPath)}`;
  if (suggestions.length) msg += `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`;
  return msg;
}
