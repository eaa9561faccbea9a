/**
 * `kubectl apply -f https://…` support: fetches with the host's fetch and
 * rejects with the text kubectl's URL visitor reports (cli-runtime
 * visitor.go readHttpWithRetries), without kubectl's own `error: ` prefix.
 */
export type FetchLike = (url: string) => Promise<{
  ok: boolean;
  status: number;
  statusText: string;
  text(): Promise<string>;
}>;

/** Go's http.StatusText for the codes a manifest URL plausibly returns (HTTP/2 sends no reason phrase). */
const STATUS_TEXT: Record<number, string> = {
  301: 'Moved Permanently',
  302: 'Found',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * The docs' example manifests (`kubectl apply -f https://k8s.io/examples/…`) are served
 * without CORS headers, so a page cannot read them; the same files in the website's
 * repository can be. Only the fetch goes there: messages keep the learner's URL.
 */
const DOCS_EXAMPLES = /^https?:\/\/(?:www\.)?(?:k8s\.io|kubernetes\.io)\/(?:docs\/)?examples\/(.+)$/;
const DOCS_EXAMPLES_SOURCE = 'https://raw.githubusercontent.com/kubernetes/website/main/content/en/examples/';

export function readableUrl(url: string): string {
  const docs = DOCS_EXAMPLES.exec(url);
  return docs ? DOCS_EXAMPLES_SOURCE + docs[1] : url;
}

export function createFetchUrl(fetchImpl: FetchLike): (url: string) => Promise<string> {
  return async (url) => {
    let response: Awaited<ReturnType<FetchLike>>;
    try {
      response = await fetchImpl(readableUrl(url));
    } catch (e) {
      // Go's *url.Error shape; the browser hides the cause (offline, DNS, CORS) behind one message.
      const reason = e instanceof Error && e.message ? e.message : String(e);
      throw new Error(`Get ${JSON.stringify(url)}: ${reason}`);
    }
    if (response.status !== 200) {
      const phrase = STATUS_TEXT[response.status] ?? response.statusText;
      const status = phrase ? `${response.status} ${phrase}` : String(response.status);
      throw new Error(
        `unable to read URL ${JSON.stringify(url)}, server reported ${status}, status code=${response.status}`,
      );
    }
    return response.text();
  };
}
