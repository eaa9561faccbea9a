import { describe, it, expect } from 'vitest';
import { createFetchUrl, type FetchLike } from './fetch-url';

const respond =
  (status: number, body = '', statusText = ''): FetchLike =>
  async () => ({ ok: status >= 200 && status < 300, status, statusText, text: async () => body });

describe('createFetchUrl', () => {
  it('resolves with the body of a 200 response', async () => {
    const fetchUrl = createFetchUrl(respond(200, 'kind: Service\n'));
    await expect(fetchUrl('https://example.com/web.yaml')).resolves.toBe('kind: Service\n');
  });

  it('rejects a non-200 status with the message kubectl prints', async () => {
    const fetchUrl = createFetchUrl(respond(404));
    await expect(fetchUrl('https://example.com/missing.yaml')).rejects.toThrow(
      'unable to read URL "https://example.com/missing.yaml", server reported 404 Not Found, status code=404',
    );
  });

  it('uses the server reason phrase for a status Go names no text for here', async () => {
    const fetchUrl = createFetchUrl(respond(418, '', "I'm a teapot"));
    await expect(fetchUrl('https://example.com/x')).rejects.toThrow(
      `unable to read URL "https://example.com/x", server reported 418 I'm a teapot, status code=418`,
    );
  });

  it('rejects a network failure in the shape of a Go client error', async () => {
    const fetchUrl = createFetchUrl(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(fetchUrl('https://nowhere.invalid/a.yaml')).rejects.toThrow(
      'Get "https://nowhere.invalid/a.yaml": Failed to fetch',
    );
  });

  it("fetches the docs' example manifests from where a page may read them, and reports errors with the learner's URL", async () => {
    const asked: string[] = [];
    const fetchUrl = createFetchUrl(async (url) => {
      asked.push(url);
      return url.endsWith('web.yaml') ? { ok: true, status: 200, statusText: '', text: async () => 'kind: Service\n' } : { ok: false, status: 404, statusText: '', text: async () => '' };
    });
    await expect(fetchUrl('https://k8s.io/examples/application/web/web.yaml')).resolves.toBe('kind: Service\n');
    await expect(fetchUrl('https://kubernetes.io/examples/application/nope.yaml')).rejects.toThrow(
      'unable to read URL "https://kubernetes.io/examples/application/nope.yaml", server reported 404 Not Found, status code=404',
    );
    await fetchUrl('https://example.com/web.yaml');
    expect(asked).toEqual([
      'https://raw.githubusercontent.com/kubernetes/website/main/content/en/examples/application/web/web.yaml',
      'https://raw.githubusercontent.com/kubernetes/website/main/content/en/examples/application/nope.yaml',
      'https://example.com/web.yaml',
    ]);
  });
});
