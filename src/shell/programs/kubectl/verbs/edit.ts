/**
 * kubectl edit (pkg/cmd/util/editor/editoptions.go, NormalEditMode): write the
 * objects as YAML under kubectl's header to /tmp/kubectl-edit-*.yaml, run
 * $KUBE_EDITOR / $EDITOR / vi on it, then patch what changed.
 *
 * The launcher is injected: the lab's default starts the editor as a program
 * of the shell (ProgramContext.run), which fails the way kubectl does when the
 * editor is missing; tests inject a fake editor.
 */
import type { KubeObject, ResourceInfo } from '../../../../cluster/api/types';
import { isApiError } from '../../../../cluster/api/errors';
import type { Command } from '../cli/command';
import { AggregateError, KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { toYaml } from '../output/yaml';
import { decodeDocument, YamlSyntaxError } from '../resources/yaml-decode';
import { infoForKind, typeOf } from '../resources/mapping';
import { requestsFor } from './get';
import { FILENAME_FLAGS } from './write-common';
import { createMergePatch, isEmptyPatch } from './edit-patch';

/** Runs the editor on a file; resolves 'not-found' when no such program exists, else its exit code. */
export type EditorLauncher = (argv: string[], inv: Invocation) => Promise<number | 'not-found'>;

/** No program can be started (a program run outside a shell). */
export const noEditorLauncher: EditorLauncher = async () => 'not-found';

/** Starts the editor in the shell kubectl runs in, on the same terminal. */
export const programLauncher: EditorLauncher = (argv, inv) => (inv.io.ctx.run ? inv.io.ctx.run(argv) : noEditorLauncher(argv, inv));

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

interface Reason {
  head: string;
  other: string[];
}

function headerWith(reasons: Reason[]): string {
  let out = HEADER;
  for (const r of reasons) {
    out += r.other.length ? `# ${r.head}:\n` : `# ${r.head}\n`;
    for (const o of r.other) out += `# * ${o}\n`;
    out += '#\n';
  }
  return out;
}

/** defaultEnvEditor: KUBE_EDITOR, then EDITOR, then vi; quoted commands go through the shell. */
export function editorArgs(env: Record<string, string>): { args: string[]; shell: boolean } {
  const editor = env.KUBE_EDITOR || env.EDITOR || 'vi';
  if (!editor.includes(' ')) return { args: [editor], shell: false };
  if (!/["'\\]/.test(editor)) return { args: editor.split(' '), shell: false };
  return { args: [env.SHELL || '/bin/bash', '-c', editor], shell: true };
}

/** cmdutil.StripComments: drop whole-line comments, compare the rest. */
const stripComments = (text: string) =>
  text
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'))
    .join('\n');

/** A deterministic stand-in for os.CreateTemp's random suffix. */
function tempPath(inv: Invocation): string {
  return `/tmp/kubectl-edit-${(inv.now() * 7919) % 1_000_000_000}.yaml`;
}

interface Original {
  info: ResourceInfo;
  obj: KubeObject;
}

async function launch(inv: Invocation, launcher: EditorLauncher, path: string): Promise<string> {
  const { args, shell } = editorArgs(inv.io.env);
  const argv = shell ? [...args.slice(0, -1), `${args[args.length - 1]} ${JSON.stringify(path)}`] : [...args, path];
  const result = await launcher(argv, inv);
  if (result === 'not-found') throw new KubectlError(`unable to launch the editor ${JSON.stringify(args.join(' '))}`);
  if (result !== 0) throw new KubectlError(`there was a problem with the editor ${JSON.stringify(args.join(' '))}`);
  return inv.io.fs.readFile(path);
}

function editedObjects(text: string): KubeObject[] {
  const doc = decodeDocument(stripComments(text)) as KubeObject & { items?: KubeObject[] };
  if (doc && doc.kind === 'List' && Array.isArray(doc.items)) return doc.items;
  return [doc];
}

/** Patches each edited object; returns the invalid ones' reasons (the editor reopens for those). */
async function applyEdits(inv: Invocation, originals: Original[], edited: KubeObject[]): Promise<{ reasons: Reason[]; errors: string[] }> {
  const reasons: Reason[] = [];
  const errors: string[] = [];
  for (const obj of edited) {
    const original = originals.find((o) => o.obj.metadata.uid === obj.metadata?.uid);
    if (!original) throw new KubectlError(`no original object found for ${JSON.stringify(obj.metadata?.name ?? '')}`);
    const { info } = original;
    const name = `${info.kind.toLowerCase()}${info.group ? `.${info.group}` : ''}/${obj.metadata.name}`;
    const patch = createMergePatch(original.obj, obj);
    if (isEmptyPatch(patch)) {
      inv.out(`${name} skipped\n`);
      continue;
    }
    const p = patch as Record<string, unknown>;
    if ('apiVersion' in p || 'kind' in p || (p.metadata && 'name' in (p.metadata as object))) {
      throw new KubectlError('At least one of apiVersion, kind and name was changed');
    }
    try {
      await inv.client.patch(typeOf(info), original.obj.metadata.namespace, original.obj.metadata.name ?? '', 'merge', patch);
      inv.out(`${name} edited\n`);
    } catch (e) {
      const resource = info.group ? `${info.resource}.${info.group}` : info.resource;
      const quoted = JSON.stringify(original.obj.metadata.name ?? '');
      if (isApiError(e) && e.reason === 'Invalid') {
        reasons.push({ head: `${resource} ${quoted} was not valid`, other: (e.details.causes ?? []).map((c) => (c.message.startsWith(`${c.field}: `) ? c.message : `${c.field}: ${c.message}`)) });
        errors.push(`error: ${resource} ${quoted} is invalid`);
      } else if (isApiError(e) && e.reason === 'NotFound') {
        errors.push(`error: ${resource} ${quoted} could not be found on the server`);
      } else {
        errors.push(`error: ${resource} ${quoted} could not be patched: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  return { reasons, errors };
}

async function runEdit(inv: Invocation, flags: Flags, launcher: EditorLauncher): Promise<number> {
  const requests = await requestsFor(inv, flags);
  const originals: Original[] = [];
  const fetchErrors: unknown[] = [];
  for (const req of requests) {
    const ns = req.info.namespaced ? inv.namespace : undefined;
    try {
      if (req.name !== undefined) originals.push({ info: req.info, obj: await inv.client.get(typeOf(req.info), ns, req.name) });
      else {
        const list = await inv.client.list(typeOf(req.info), { namespace: ns, labelSelector: flags.string('selector') || undefined });
        for (const obj of list.items) originals.push({ info: req.info, obj });
      }
    } catch (e) {
      fetchErrors.push(e);
    }
  }
  if (fetchErrors.length) throw new AggregateError(fetchErrors);
  if (originals.length === 0) throw new KubectlError('edit cancelled, no objects found');
  const objects = originals.map((o) => ({ ...o.obj, apiVersion: o.obj.apiVersion || `${o.info.group ? `${o.info.group}/` : ''}${o.info.version}`, kind: o.obj.kind || o.info.kind }));
  const body = toYaml(objects.length === 1 ? objects[0] : { apiVersion: 'v1', items: objects, kind: 'List', metadata: {} });
  const fs = inv.io.fs;
  if (!fs.exists('/tmp')) fs.mkdir('/tmp', { recursive: true });
  let reasons: Reason[] = [];
  let previous = '';
  let text = body;
  for (;;) {
    const path = tempPath(inv);
    fs.writeFile(path, headerWith(reasons) + text);
    const edited = await launch(inv, launcher, path);
    if (reasons.length && stripComments(previous) === stripComments(edited)) {
      inv.err(`A copy of your changes has been stored to ${JSON.stringify(path)}\n`);
      throw new KubectlError('Edit cancelled, no valid changes were saved.');
    }
    if (stripComments(body) === stripComments(edited)) {
      fs.rm(path);
      inv.err('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (stripComments(edited).trim() === '') {
      fs.rm(path);
      inv.err('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    previous = edited;
    text = stripComments(edited).replace(/^\n+/, '');
    let objectsEdited: KubeObject[];
    try {
      objectsEdited = editedObjects(edited);
    } catch (e) {
      if (!(e instanceof YamlSyntaxError)) throw e;
      reasons = [{ head: `The edited file had a syntax error: ${e.message}`, other: [] }];
      continue;
    }
    for (const o of objectsEdited) {
      if (!infoForKind(inv.discovery(), o.apiVersion ?? '', o.kind ?? '')) throw new KubectlError(`no matches for kind ${JSON.stringify(o.kind)}`);
    }
    const result = await applyEdits(inv, originals, objectsEdited);
    for (const e of result.errors) inv.err(e + '\n');
    if (result.reasons.length === 0) {
      if (result.errors.length) {
        inv.err(`You can run \`kubectl replace -f ${path}\` to try this update again.\n`);
        return 1;
      }
      fs.rm(path);
      return 0;
    }
    reasons = result.reasons;
  }
}

export function createEditCommand(launcher: EditorLauncher): Command {
  return {
    name: 'edit',
    short: 'Edit a resource on the server',
    long: `Edit a resource from the default editor.

 The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. When attempting to open the editor, it will first attempt to use the shell that has been defined in the 'SHELL' environment variable. If this is not defined, the default shell will be used, which is '/bin/bash' for Linux or 'cmd' for Windows.

 You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.

 Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the resource, version, and group.

 The default format is YAML. To edit in JSON, specify "-o json".

 The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.

 In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.

Examples:
  # Edit the service named 'registry'
  kubectl edit svc/registry`,
    usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
    flags: [
      ...FILENAME_FLAGS,
      { name: 'selector', short: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'." },
      { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
      { name: 'windows-line-endings', type: 'bool', usage: 'Defaults to the line ending native to your platform.' },
    ],
    run: (inv, flags) => {
      if (flags.args.length === 0 && flags.list('filename').length === 0) {
        throw new KubectlError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
      }
      return runEdit(inv, flags, launcher);
    },
  };
}

export const editCommand = createEditCommand(programLauncher);
