import { describe, expect, it } from 'vitest';
import { complete, type CompletionContext } from './completion';
import { MemoryFileSystem } from './memory-fs';
import { fakeClient } from './test-helpers';

function context(kubectlCandidates: string[] = []): CompletionContext {
  const fs = new MemoryFileSystem(() => 0);
  fs.mkdir('/home/learner/manifests', { recursive: true });
  fs.writeFile('/home/learner/web.yaml', '');
  fs.writeFile('/home/learner/notes.txt', '');
  return {
    fs,
    cwd: '/home/learner',
    home: '/home/learner',
    commandNames: ['kubectl', 'cat', 'cd'],
    client: fakeClient,
    completeKubectl: async () => kubectlCandidates,
  };
}

describe('completion', () => {
  it('completes command names for the first word', async () => {
    expect(await complete('ku', context())).toEqual({ start: 0, candidates: ['kubectl'] });
  });

  it("asks kubectl's completer for kubectl arguments and keeps only matching candidates", async () => {
    expect(await complete('kubectl get st', context(['statefulsets.apps', 'services', 'storageclasses.storage.k8s.io']))).toEqual({
      start: 12,
      candidates: ['statefulsets.apps', 'storageclasses.storage.k8s.io'],
    });
  });

  it('completes file names after kubectl flags that take a file', async () => {
    expect(await complete('kubectl apply -f w', context(['should-not-appear']))).toEqual({ start: 17, candidates: ['web.yaml'] });
    expect(await complete('kubectl create --filename ma', context())).toEqual({ start: 26, candidates: ['manifests/'] });
  });

  it('completes paths for other commands', async () => {
    expect(await complete('cat n', context())).toEqual({ start: 4, candidates: ['notes.txt'] });
  });
});
