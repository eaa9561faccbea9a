/** id, df, mount and ps inside a container (root user, an overlay root, the pod's volume mounts). */
import type { Program, ProgramIO } from '../../program';

function mountPoints(io: ProgramIO): string[] {
  const fs = io.fs as { mountPoints?: () => string[] };
  return fs.mountPoints ? fs.mountPoints() : [];
}

export const id: Program = async (io) => {
  io.stdout.write('uid=0(root) gid=0(root) groups=0(root)\n');
  return 0;
};

export const df: Program = async (io) => {
  const rows = [['overlay', '/'], ['tmpfs', '/dev'], ['shm', '/dev/shm'], ...mountPoints(io).map((m) => ['/dev/vda1', m])];
  let out = 'Filesystem           1K-blocks      Used Available Use% Mounted on\n';
  for (const [fs, at] of rows) {
    const [size, used] = fs === 'tmpfs' ? [65536, 0] : fs === 'shm' ? [65536, 0] : [102626232, 18744312];
    out += `${fs.padEnd(20)} ${String(size).padStart(10)} ${String(used).padStart(9)} ${String(size - used).padStart(9)} ${`${Math.ceil((used / size) * 100)}%`.padStart(4)} ${at}\n`;
  }
  io.stdout.write(out);
  return 0;
};

export const mount: Program = async (io) => {
  let out = 'overlay on / type overlay (rw,relatime)\nproc on /proc type proc (rw,nosuid,nodev,noexec,relatime)\ntmpfs on /dev type tmpfs (rw,nosuid,size=65536k,mode=755)\n';
  for (const m of mountPoints(io)) out += `/dev/vda1 on ${m} type ext4 (rw,relatime)\n`;
  for (const f of ['/etc/hosts', '/etc/hostname', '/etc/resolv.conf']) out += `/dev/vda1 on ${f} type ext4 (rw,relatime)\n`;
  io.stdout.write(out);
  return 0;
};

export const ps: Program = async (io) => {
  io.stdout.write(`PID   USER     TIME  COMMAND\n    1 root      0:00 ${io.env.SHELL ?? 'sh'}\n    7 root      0:00 ps\n`);
  return 0;
};
