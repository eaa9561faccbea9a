/**
 * What is inside each known image: its shells and prompt, the programs on its
 * PATH, which nslookup and ping it ships, its environment and web root.
 * Keyed by the family's first repository name (see catalogue.ts).
 */
import { REDIS_RELEASES, type ImageFamily } from './catalogue';

export type NslookupFlavour = 'busybox-1.28' | 'busybox' | 'bind';
/** busybox/alpine ash: `\w # `; Debian's root bashrc: `root@\h:\w# `; bash's default: `\s-\v# `. */
export type PromptStyle = 'ash' | 'debian' | 'bash-default';

export interface ImageContents {
  /** Shells in /bin, the first one is what `sh` is. */
  shells: string[];
  prompt: PromptStyle;
  bashVersion?: string;
  /** Programs on PATH besides the shells. */
  programs: string[];
  nslookup?: NslookupFlavour;
  /** Which ping prints: busybox's applet or iputils. */
  ping?: 'busybox' | 'iputils';
  /** The BIND release of the image's dig and host (bind-tools, dnsutils). */
  bindVersion?: string;
  /** Directory nginx serves, when the image runs nginx. */
  webRoot?: string;
  /** The nginx version in its Server header and error pages. */
  serverVersion?: string;
  /** The MySQL release, when the image runs mysqld (and ships the mysql client). */
  mysqlVersion?: string;
  /** The redis release, when the image runs redis-server (and ships redis-cli). */
  redisVersion?: string;
  /** The image's WORKDIR, when not `/`. */
  workingDir?: string;
  env: Record<string, string>;
  /** /etc/os-release. */
  osRelease: string;
}

const BASE = ['cat', 'chmod', 'cp', 'date', 'echo', 'env', 'grep', 'head', 'hostname', 'id', 'ls', 'mkdir', 'mount', 'mv', 'printf', 'rm', 'sed', 'sleep', 'sort', 'tail', 'tee', 'touch', 'tr', 'uname', 'uniq', 'wc', 'df', 'cut', 'seq', 'awk', 'base64', 'whoami', 'xargs'];
const BUSYBOX_APPLETS = [...BASE, 'ps', 'ping', 'nslookup', 'wget', 'nc', 'vi', 'top', 'free'];
const DEBIAN_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const DEBIAN_OS = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;
const ALPINE_OS = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.20.3
PRETTY_NAME="Alpine Linux v3.20"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;

/** nginx's version for a tag (`1.21` → the last 1.21 release); mainline for the rest. */
function nginxVersion(tag: string | undefined): string {
  const last: Record<string, string> = { '1.14': '1.14.2', '1.15': '1.15.12', '1.16': '1.16.1', '1.17': '1.17.10', '1.18': '1.18.0', '1.19': '1.19.10', '1.20': '1.20.2', '1.21': '1.21.6', '1.22': '1.22.1', '1.23': '1.23.4', '1.24': '1.24.0', '1.25': '1.25.5', '1.26': '1.26.2', '1.27': '1.27.3' };
  const m = /^(\d+\.\d+)(\.\d+)?/.exec(tag ?? '');
  if (m) return m[2] ? m[0] : (last[m[1]] ?? `${m[1]}.0`);
  return '1.27.3';
}

/** The MySQL release a tag holds (the last of its series, late 2024). */
function mysqlVersion(tag: string | undefined): string {
  const last: Record<string, string> = { '5': '5.7.44', '5.7': '5.7.44', '8': '8.4.3', '8.0': '8.0.40', '8.4': '8.4.3', lts: '8.4.3', '9': '9.1.0', latest: '9.1.0' };
  if (tag && last[tag]) return last[tag];
  return /^\d+\.\d+\.\d+$/.test(tag ?? '') ? tag! : '9.1.0';
}

/** Download SHA-256 of the releases the catalogue holds (docker-library/redis). */
const REDIS_SHA: Record<string, string> = {
  '6.2.14': '34e74856cbd66fdb3a684fb349d93961d8c7aa668b06f81fd93ff267d09bc277',
  '7.0.15': '98066f5363504b26c34dd20fbcc3c957990d764cdf42576c836fc021073f4341',
  '7.2.4': '8d104c26a154b29fd67d6568b4f375212212ad41e0c2caa3d66480e78dbd3b59',
  '7.2.5': '5981179706f8391f03be91d951acafaeda91af7fac56beffb2701963103e423d',
  '7.4.0': '57b47c2c6682636d697dbf5d66d8d495b4e653afc9cd32b7adf9da3e433b8aaf',
  '7.4.1': 'bc34b878eb89421bbfca6fa78752343bf37af312a09eb0fae47c9575977dfaa2',
};

/** The redis release a tag holds: the newest of its series; `latest`, `alpine`, `bookworm` and `7` are 7.4. */
export function redisVersion(tag: string | undefined): string {
  const base = (tag ?? 'latest').replace(/-(alpine|bookworm)$/, '').replace(/^(alpine|bookworm)$/, 'latest');
  if (/^\d+\.\d+\.\d+$/.test(base)) return base;
  const series = base === 'latest' || base === '7' ? '7.4' : base === '6' ? '6.2' : base === '8' ? '8.0' : base;
  const releases = REDIS_RELEASES[series] ?? REDIS_RELEASES['7.4'];
  return releases[releases.length - 1];
}

function redisContents(tag: string | undefined): ImageContents {
  const version = redisVersion(tag);
  const alpine = /alpine/.test(tag ?? '');
  const env: Record<string, string> = { PATH: DEBIAN_PATH };
  if (!alpine) env.GOSU_VERSION = '1.17';
  env.REDIS_VERSION = version;
  env.REDIS_DOWNLOAD_URL = version.startsWith('8') ? `https://github.com/redis/redis/archive/refs/tags/${version}.tar.gz` : `http://download.redis.io/releases/redis-${version}.tar.gz`;
  if (REDIS_SHA[version]) env.REDIS_DOWNLOAD_SHA = REDIS_SHA[version];
  if (alpine) return { shells: ['sh'], prompt: 'ash', programs: [...BUSYBOX_APPLETS, 'redis-server', 'redis-cli'], nslookup: 'busybox', ping: 'busybox', redisVersion: version, workingDir: '/data', env, osRelease: ALPINE_OS };
  return { shells: ['sh', 'bash'], prompt: 'debian', bashVersion: '5.2', programs: [...BASE, 'redis-server', 'redis-cli'], redisVersion: version, workingDir: '/data', env, osRelease: DEBIAN_OS };
}

export function contentsFor(family: ImageFamily, tag: string | undefined): ImageContents {
  const name = family.names[0];
  switch (name) {
    case 'nginx':
    case 'nginx-slim': {
      const version = name === 'nginx' ? nginxVersion(tag) : '1.11.13';
      return {
        shells: ['sh', 'bash'],
        prompt: 'debian',
        bashVersion: '5.2',
        // nginx-slim ships curl too: the StatefulSet Basics tutorial curls localhost inside it.
        programs: [...BASE, 'curl', 'nginx'],
        webRoot: '/usr/share/nginx/html',
        serverVersion: version,
        env: { PATH: DEBIAN_PATH, NGINX_VERSION: version },
        osRelease: DEBIAN_OS,
      };
    }
    case 'busybox':
      return {
        shells: ['sh'],
        prompt: 'ash',
        programs: BUSYBOX_APPLETS,
        nslookup: tag !== undefined && /^1\.(1\d|2[0-8])(\.|$)/.test(tag) ? 'busybox-1.28' : 'busybox',
        ping: 'busybox',
        env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
        osRelease: '',
      };
    case 'alpine':
      return { shells: ['sh'], prompt: 'ash', programs: BUSYBOX_APPLETS, nslookup: 'busybox', ping: 'busybox', env: { PATH: DEBIAN_PATH }, osRelease: ALPINE_OS };
    case 'netshoot':
      return {
        shells: ['sh', 'bash'],
        prompt: 'bash-default',
        bashVersion: '5.0',
        programs: [...BASE, 'ps', 'ping', 'nslookup', 'dig', 'host', 'curl', 'wget', 'nc'],
        nslookup: 'bind',
        ping: 'iputils',
        bindVersion: '9.18.27',
        env: { PATH: DEBIAN_PATH },
        osRelease: ALPINE_OS,
      };
    case 'jessie-dnsutils':
      return { shells: ['sh', 'bash'], prompt: 'debian', bashVersion: '4.3', programs: [...BASE, 'ps', 'ping', 'nslookup', 'dig', 'host'], nslookup: 'bind', ping: 'iputils', bindVersion: '9.9.5-9+deb8u19-Debian', env: { PATH: DEBIAN_PATH }, osRelease: DEBIAN_OS };
    case 'mysql': {
      const version = mysqlVersion(tag);
      const major = version.split('.').slice(0, 2).join('.');
      return {
        shells: ['sh', 'bash'],
        prompt: 'bash-default',
        bashVersion: '5.1',
        programs: [...BASE, 'mysql', 'mysqld'],
        mysqlVersion: version,
        env: { PATH: DEBIAN_PATH, GOSU_VERSION: '1.17', MYSQL_MAJOR: major === '8.0' ? '8.0' : major.startsWith('9') ? 'innovation' : major, MYSQL_VERSION: `${version}-1.el9` },
        osRelease: '',
      };
    }
    case 'redis':
      return redisContents(tag);
    case 'pause':
      return { shells: [], prompt: 'ash', programs: [], env: { PATH: DEBIAN_PATH }, osRelease: '' };
    default:
      // debian, ubuntu: a bare distribution.
      return { shells: ['sh', 'bash'], prompt: 'debian', bashVersion: '5.2', programs: [...BASE, ...(name === 'ubuntu' ? ['ps'] : [])], env: { PATH: DEBIAN_PATH }, osRelease: DEBIAN_OS };
  }
}
