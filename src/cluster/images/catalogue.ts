/**
 * What kubelab's registry holds: known repositories, their tags, sizes and how
 * their entry process behaves. Images are recognised by repository name under
 * any registry or path (`r.example.com/library/nginx` is nginx).
 */

/** How the image's default entry process behaves when started without a command. */
export type DefaultProcess =
  /** A long-running server (nginx, mysql, pause) that stops promptly on SIGTERM. */
  | 'server'
  /** A shell that exits at once without a terminal (busybox, alpine, debian). */
  | 'shell';

export interface ImageFamily {
  /** Repository names this entry answers for (last path segments, e.g. 'nginx', 'nginx-slim'). */
  names: string[];
  tags: string[];
  /** Compressed size in bytes (the kubelet's `Image size:`), by tag, falling back to '*'. */
  sizes: Record<string, number>;
  process: DefaultProcess;
  /** TCP ports the entry process listens on (probes against other ports are refused). */
  ports?: number[];
  /** Environment variables of which at least one must be set, else the entry process exits 1. */
  requiresOneOfEnv?: string[];
  /** The entrypoint runs the server only for no args, options or this command; other args run as the command. */
  entrypointExecsArgs?: boolean;
  serverCommand?: string;
  /** A first arg with this suffix is a config file the entrypoint hands the server (redis's `*.conf`). */
  serverConfigSuffix?: string;
}

const range = (prefix: string, from: number, to: number, suffixes: string[] = ['']): string[] => {
  const out: string[] = [];
  for (let i = from; i <= to; i++) for (const s of suffixes) out.push(`${prefix}${i}${s}`);
  return out;
};

/** The redis releases of each series the catalogue holds (the newest last). */
export const REDIS_RELEASES: Record<string, string[]> = {
  '6.2': ['6.2.14'],
  '7.0': ['7.0.15'],
  '7.2': ['7.2.4', '7.2.5'],
  '7.4': ['7.4.0', '7.4.1'],
  '8.0': ['8.0.0'],
};

function redisTags(): string[] {
  const bases = ['latest', 'alpine', 'bookworm', '6', '7', '8', ...Object.keys(REDIS_RELEASES), ...Object.values(REDIS_RELEASES).flat()];
  return bases.flatMap((b) => (b === 'latest' || b === 'alpine' || b === 'bookworm' ? [b] : [b, `${b}-alpine`, `${b}-bookworm`]));
}

/** Approximate compressed sizes (linux/amd64): Debian by major series, Alpine far smaller. */
function redisSizes(): Record<string, number> {
  const sizes: Record<string, number> = { '*': 40015234, alpine: 17225621 };
  for (const tag of redisTags()) {
    const series = tag.startsWith('6') ? 6 : tag.startsWith('8') ? 8 : 7;
    if (tag.includes('alpine')) sizes[tag] = series === 6 ? 12162331 : series === 8 ? 25417788 : 17225621;
    else sizes[tag] = series === 6 ? 38261880 : series === 8 ? 48731052 : 40015234;
  }
  return sizes;
}

export const IMAGE_FAMILIES: ImageFamily[] = [
  {
    names: ['nginx'],
    tags: ['latest', 'stable', 'mainline', 'alpine', '1', ...range('1.', 7, 27), ...range('1.', 14, 27, ['.0', '.1', '.2', '-alpine']), '1.7.9', '1.14.2', '1.15.12', '1.16.1', '1.17.10', '1.19.10', '1.21.6', '1.23.4', '1.25.5', '1.27.3'],
    sizes: { '*': 72188133, alpine: 20476398 },
    process: 'server',
    ports: [80],
  },
  {
    names: ['nginx-slim'],
    tags: ['0.7', '0.8', '0.9', ...range('0.', 10, 27)],
    sizes: { '*': 18240021, '0.8': 50979520 },
    process: 'server',
    ports: [80],
  },
  {
    names: ['busybox'],
    tags: ['latest', 'stable', 'musl', 'glibc', 'uclibc', '1', '1.27', '1.27.1', '1.27.2', '1.28', '1.28.4', '1.29', '1.30', '1.31', '1.32', '1.33', '1.34', '1.35', '1.36', '1.36.1', '1.37', '1.37.0'],
    sizes: { '*': 2166802, '1.28': 727869 },
    process: 'shell',
  },
  {
    names: ['alpine'],
    tags: ['latest', '3', ...range('3.', 10, 21)],
    sizes: { '*': 3626897 },
    process: 'shell',
  },
  {
    names: ['debian'],
    tags: ['latest', 'stable', 'bookworm', 'bookworm-slim', 'bullseye', 'bullseye-slim', 'buster', '10', '11', '12', '12-slim'],
    sizes: { '*': 49556436 },
    process: 'shell',
  },
  {
    names: ['ubuntu'],
    tags: ['latest', '20.04', '22.04', '24.04', 'focal', 'jammy', 'noble'],
    sizes: { '*': 29754290 },
    process: 'shell',
  },
  {
    names: ['netshoot'],
    tags: ['latest', 'v0.11', 'v0.12', 'v0.13'],
    sizes: { '*': 182466387 },
    process: 'shell',
  },
  {
    names: ['jessie-dnsutils'],
    tags: ['1.3', '1.4', '1.5', '1.7'],
    sizes: { '*': 112495534 },
    process: 'shell',
  },
  {
    names: ['mysql'],
    tags: ['latest', '5', '5.6', '5.7', '8', '8.0', '8.4', '9', 'lts'],
    sizes: { '*': 170513824, '5.7': 156478623 },
    process: 'server',
    ports: [3306, 33060],
    requiresOneOfEnv: ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'],
    entrypointExecsArgs: true,
    serverCommand: 'mysqld',
  },
  {
    names: ['redis'],
    tags: redisTags(),
    // Approximate compressed sizes (linux/amd64).
    sizes: redisSizes(),
    process: 'server',
    ports: [6379],
    entrypointExecsArgs: true,
    serverCommand: 'redis-server',
    serverConfigSuffix: '.conf',
  },
  {
    names: ['pause'],
    tags: ['3.1', '3.2', '3.5', '3.6', '3.7', '3.8', '3.9', '3.10', 'latest'],
    sizes: { '*': 320368 },
    process: 'server',
  },
];

export function familyFor(repositoryName: string): ImageFamily | undefined {
  return IMAGE_FAMILIES.find((f) => f.names.includes(repositoryName));
}
