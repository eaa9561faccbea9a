/** kubectl patch (pkg/cmd/patch): strategic, merge or JSON patch from -p or --patch-file, object by object. */
import { isApiError } from '../../../../cluster/api/errors';
import { deepEqual } from '../../../../cluster/api/object-utils';
import { applyPatchOfType } from '../../../../cluster/api/patch';
import type { KubeObject } from '../../../../cluster/api/types';
import type { PatchType } from '../../../../cluster/client/types';
import { resolvePath } from '../../../path';
import type { Command } from '../cli/command';
import { AggregateError, KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { typeOf } from '../resources/mapping';
import { PatchSyntaxError, patchToJson } from './patch-parse';
import { visitResources } from './resource-visit';
import { DRY_RUN_FLAG, dryRunOf, FILENAME_FLAGS, OUTPUT_FLAG, ResultPrinter } from './write-common';

const PATCH_TYPES: PatchType[] = ['json', 'merge', 'strategic'];

const PATCH_LONG = `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

 JSON and YAML formats are accepted.

 Note: Strategic merge patch is not supported for custom resources.

Examples:
  # Partially update a node using a strategic merge patch, specifying the patch as JSON
  kubectl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'
  
  # Partially update a node using a strategic merge patch, specifying the patch as YAML
  kubectl patch node k8s-node-1 -p $'spec:\\n unschedulable: true'
  
  # Partially update a node identified by the type and name specified in "node.json" using strategic merge patch
  kubectl patch -f node.json -p '{"spec":{"unschedulable":true}}'
  
  # Update a container's image; spec.containers[*].name is required because it's a merge key
  kubectl patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'
  
  # Update a container's image using a JSON patch with positional arrays
  kubectl patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'
  
  # Update a deployment's replicas through the 'scale' subresource using a merge patch
  kubectl patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'`;

function readPatchFile(inv: Invocation, path: string): string {
  const abs = resolvePath(inv.io.cwd, path);
  if (!inv.io.fs.exists(abs)) throw new KubectlError(`unable to read patch file: open ${path}: no such file or directory`);
  if (inv.io.fs.stat(abs).type === 'dir') throw new KubectlError(`unable to read patch file: read ${path}: is a directory`);
  return inv.io.fs.readFile(abs);
}

/** getPatchedJSON: the patch applied locally (--dry-run=client, --local). */
function patchLocally(obj: KubeObject, type: PatchType, patch: unknown): KubeObject {
  try {
    return applyPatchOfType(obj, type, patch) as KubeObject;
  } catch (e) {
    if (isApiError(e)) throw new KubectlError(e.message);
    throw e;
  }
}

async function runPatch(inv: Invocation, flags: Flags): Promise<number> {
  const dryRun = dryRunOf(flags);
  // The dry-run suffix is lost in real kubectl: ToPrinter overwrites the completed operation.
  const printer = new ResultPrinter(inv, flags.string('output'), 'none');
  const patchText = flags.string('patch');
  const patchFile = flags.string('patch-file');
  const local = flags.bool('local');
  if (patchText && patchFile) throw new KubectlError('cannot specify --patch and --patch-file together');
  if (!patchText && !patchFile) throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
  if (local && flags.args.length) throw new KubectlError('cannot specify --local and server resources');
  if (local && dryRun === 'server') throw new KubectlError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  const typeFlag = flags.string('type');
  const patchType = (typeFlag ? typeFlag.toLowerCase() : 'strategic') as PatchType;
  if (!PATCH_TYPES.includes(patchType)) throw new KubectlError(`--type must be one of [${PATCH_TYPES.join(' ')}], not ${JSON.stringify(typeFlag)}`);

  const raw = patchFile ? readPatchFile(inv, patchFile) : patchText;
  let patch: unknown;
  try {
    patch = patchToJson(raw);
  } catch (e) {
    if (e instanceof PatchSyntaxError) throw new KubectlError(`unable to parse ${JSON.stringify(patchText)}: ${e.message}`);
    throw e;
  }
  if (local && flags.list('filename').length === 0) {
    throw new KubectlError('error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   \'-f rsrc.yaml\'\n   \'--filename=rsrc.json\'');
  }

  const { errors, count } = await visitResources(
    inv,
    { args: flags.args, filenames: flags.list('filename'), recursive: flags.bool('recursive') },
    async (t) => {
      let patched: KubeObject;
      if (!local && dryRun !== 'client') {
        patched = await inv.client.patch(typeOf(t.info), t.namespace, t.name, patchType, patch, { dryRun: dryRun === 'server' });
      } else {
        patched = patchLocally(t.object, patchType, patch);
      }
      printer.print(patched, t.info, deepEqual(t.object, patched) ? 'patched (no change)' : 'patched');
    },
  );
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors);
  if (count === 0) throw new KubectlError('no objects passed to patch');
  return 0;
}

export const patchCommand: Command = {
  name: 'patch',
  short: 'Update fields of a resource',
  long: PATCH_LONG,
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  flags: [
    ...FILENAME_FLAGS,
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    { name: 'patch', short: 'p', type: 'string', usage: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', type: 'string', usage: 'A file containing a patch to be applied to the resource.' },
    { name: 'type', type: 'string', default: 'strategic', usage: 'The type of patch being provided; one of [json merge strategic]' },
    { name: 'local', type: 'bool', usage: 'If true, patch will operate on the content of the file, not the server-side resource.' },
    { name: 'field-manager', type: 'string', default: 'kubectl-patch', usage: 'Name of the manager used to track field ownership.' },
    { name: 'subresource', type: 'string', usage: "If specified, patch will operate on the subresource of the requested object. Must be one of [status scale]. This flag is beta and may change in the future." },
    { name: 'record', type: 'bool', usage: 'Record current kubectl command in the resource annotation. If set to false, do not record the command.', hidden: true },
    { name: 'show-managed-fields', type: 'bool', usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.' },
  ],
  run: runPatch,
};
