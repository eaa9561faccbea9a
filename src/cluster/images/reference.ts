/** Image references as containerd normalises them, and the registry's answer to a pull. */
import { familyFor, type ImageFamily } from './catalogue';

export interface ImageReference {
  /** As written in the pod spec. */
  original: string;
  /** Fully qualified: docker.io/library/nginx:latest. */
  canonical: string;
  /** docker.io/library/nginx */
  repository: string;
  /** The last path segment: nginx. */
  name: string;
  tag?: string;
  digest?: string;
}

export function parseImage(image: string): ImageReference {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const slash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', slash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  const hasRegistry = parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost');
  let repository: string;
  if (hasRegistry) repository = rest;
  else if (parts.length === 1) repository = `docker.io/library/${rest}`;
  else repository = `docker.io/${rest}`;
  if (!tag && !digest) tag = 'latest';
  const canonical = `${repository}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
  return { original: image, canonical, repository, name: parts[parts.length - 1], tag, digest };
}

export type PullResult =
  | { ok: true; family: ImageFamily; size: number; imageID: string }
  | { ok: false; message: string };

/** FNV-1a over a string, for stable fake digests. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A sha256-shaped digest fixed by the canonical name (kubelab has no real blobs). */
export function fakeDigest(canonical: string): string {
  let hex = '';
  for (let i = 0; hex.length < 64; i++) hex += fnv1a(canonical, 0x811c9dc5 + i * 7919).toString(16).padStart(8, '0');
  return `sha256:${hex.slice(0, 64)}`;
}

/** What the registry answers, with containerd's error texts (kubelet prefixes `Failed to pull image "x": `). */
export function resolvePull(ref: ImageReference): PullResult {
  const family = familyFor(ref.name);
  if (!family) {
    return {
      ok: false,
      message: `rpc error: code = Unknown desc = failed to pull and unpack image "${ref.canonical}": failed to resolve reference "${ref.canonical}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
    };
  }
  if (ref.tag && !ref.digest && !family.tags.includes(ref.tag)) {
    return {
      ok: false,
      message: `rpc error: code = NotFound desc = failed to pull and unpack image "${ref.canonical}": failed to resolve reference "${ref.canonical}": ${ref.canonical}: not found`,
    };
  }
  const size = family.sizes[ref.tag ?? ''] ?? family.sizes['*'];
  const digest = ref.digest ?? fakeDigest(ref.canonical);
  return { ok: true, family, size, imageID: `${ref.repository}@${digest}` };
}
