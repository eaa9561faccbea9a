/**
 * kubectl cp (pkg/cmd/cp): copies between the workstation and a container the
 * way kubectl does it, through tar in the container — so the container's tar
 * speaks (`tar: Removing leading `/' from member names`) and its failures end
 * as `command terminated with exit code N`.
 */
import type { ContainerSession } from '../../../../cluster/client/types';
import type { FileSystem } from '../../../fs-types';
import { basename, dirname, resolvePath } from '../../../path';
import type { Command } from '../cli/command';
import { KubectlError, SilentExit } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { chooseContainer, podForTarget } from './pod-target';

interface FileSpec {
  namespace?: string;
  pod?: string;
  file: string;
}

const FORMAT = 'filespec must match the canonical format: [[namespace/]pod:]file/path';

function fileSpec(arg: string): FileSpec {
  const i = arg.indexOf(':');
  if (i === 0) throw new KubectlError(FORMAT);
  if (i === -1) return { file: arg };
  const pieces = arg.slice(0, i).split('/');
  if (pieces.length > 2) throw new KubectlError(FORMAT);
  return pieces.length === 2 ? { namespace: pieces[0], pod: pieces[1], file: arg.slice(i + 1) } : { pod: pieces[0], file: arg.slice(i + 1) };
}

export const cpCommand: Command = {
  name: 'cp',
  short: 'Copy files and directories to and from containers',
  long: `Copy files and directories to and from containers.

Examples:
  # Copy /tmp/foo local file to /tmp/bar in a remote pod in the default namespace
  kubectl cp /tmp/foo <some-pod>:/tmp/bar

  # Copy /tmp/foo from a remote pod to /tmp/bar locally
  kubectl cp <some-namespace>/<some-pod>:/tmp/foo /tmp/bar`,
  usage: 'kubectl cp <file-spec-src> <file-spec-dest> [options]',
  flags: [
    { name: 'container', short: 'c', type: 'string', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'no-preserve', type: 'bool', usage: "The copied file/directory's ownership and permissions will not be preserved in the container" },
    { name: 'retries', type: 'int', default: 0, usage: 'Set number of retries to complete a copy operation from a container.' },
  ],
  async run(inv: Invocation, flags: Flags) {
    if (flags.args.length !== 2) throw new KubectlError('source and destination are required');
    const src = fileSpec(flags.args[0]);
    const dest = fileSpec(flags.args[1]);
    if (src.pod && dest.pod) throw new KubectlError('one of src or dest must be a local file specification');
    if (!src.file || !dest.file) throw new KubectlError('filepath can not be empty');
    if (!src.pod && !dest.pod) throw new KubectlError('one of src or dest must be a remote file specification');
    const remote = (src.pod ? src : dest) as Required<Pick<FileSpec, 'pod'>> & FileSpec;
    const pod = await podForTarget({ ...inv, namespace: remote.namespace ?? inv.namespace }, remote.pod);
    const container = chooseContainer(inv, pod, flags.string('container') || undefined, false);
    const session = await inv.client.exec(pod.metadata.namespace ?? inv.namespace, pod.metadata.name!, container);
    const status = src.pod ? fromPod(inv, session, src.file, dest.file) : toPod(inv, session, src.file, dest.file);
    if (status !== 0) {
      inv.err(`command terminated with exit code ${status}\n`);
      throw new SilentExit(status);
    }
    return 0;
  },
};

/** Busybox tar (busybox, alpine, netshoot) words things differently from GNU tar (Debian images). */
function busyboxTar(session: ContainerSession): boolean {
  return session.contents.prompt === 'ash' || session.contents.osRelease.includes('Alpine');
}

function remotePath(session: ContainerSession, path: string): string {
  return resolvePath(session.workingDir || '/', path);
}

/** `tar cf - PATH` in the container, unpacked at the local destination. */
function fromPod(inv: Invocation, session: ContainerSession, file: string, local: string): number {
  const busybox = busyboxTar(session);
  const path = remotePath(session, file);
  if (file.startsWith('/')) inv.err(busybox ? "tar: removing leading '/' from member names\n" : "tar: Removing leading `/' from member names\n");
  if (!session.fs.exists(path)) {
    if (busybox) {
      inv.err(`tar: ${file}: No such file or directory\n`);
      return 1;
    }
    inv.err(`tar: ${file}: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n`);
    return 2;
  }
  const target = resolvePath(inv.io.cwd, local);
  if (session.fs.stat(path).type === 'file' && inv.io.fs.exists(target) && inv.io.fs.stat(target).type === 'dir') throw new KubectlError(`open ${local}: is a directory`);
  copyTree(session.fs, path, inv.io.fs, target);
  return 0;
}

/** `tar -xmf - -C DIR` in the container, fed the local file or directory. */
function toPod(inv: Invocation, session: ContainerSession, local: string, file: string): number {
  const source = resolvePath(inv.io.cwd, local);
  if (!inv.io.fs.exists(source)) throw new KubectlError(`${local} doesn't exist in local filesystem`);
  let target = remotePath(session, file);
  // kubectl first runs `test -d DEST`: into an existing directory the source keeps its name.
  if (session.fs.exists(target) && session.fs.stat(target).type === 'dir') target = `${target === '/' ? '' : target}/${basename(source)}`;
  const dir = dirname(target);
  if (!session.fs.exists(dir) || session.fs.stat(dir).type !== 'dir') {
    if (busyboxTar(session)) {
      inv.err(`tar: can't change directory to '${dir}': No such file or directory\n`);
      return 1;
    }
    inv.err(`tar: ${dir}: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n`);
    return 2;
  }
  try {
    copyTree(inv.io.fs, source, session.fs, target);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== 'EROFS') throw e;
    inv.err(`tar: ${basename(target)}: Cannot open: Read-only file system\ntar: Exiting with failure status due to previous errors\n`);
    return 2;
  }
  return 0;
}

function copyTree(from: FileSystem, fromPath: string, to: FileSystem, toPath: string): void {
  if (from.stat(fromPath).type === 'file') {
    to.writeFile(toPath, from.readFile(fromPath));
    return;
  }
  if (!to.exists(toPath)) to.mkdir(toPath, { recursive: true });
  for (const name of from.readdir(fromPath)) copyTree(from, `${fromPath === '/' ? '' : fromPath}/${name}`, to, `${toPath === '/' ? '' : toPath}/${name}`);
}
