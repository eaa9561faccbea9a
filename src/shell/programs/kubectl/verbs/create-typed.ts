/**
 * What kubectl's typed generators (create namespace/configmap/deployment/secret/
 * service/pdb, expose) share:
 * NameFromCommandArgs, their common flags, and Run's create-or-print step.
 */
import type { KubeObject, ResourceInfo } from '../../../../cluster/api/types';
import { lastAppliedAnnotation } from '../apply/last-applied';
import { KubectlError } from '../cli/errors';
import type { FlagSpec, Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { resolveTypeArg, typeOf } from '../resources/mapping';
import { DRY_RUN_FLAG, dryRunOf, OUTPUT_FLAG, ResultPrinter } from './write-common';

export const SAVE_CONFIG_FLAG: FlagSpec = {
  name: 'save-config',
  type: 'bool',
  usage:
    'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
};

export const VALIDATE_FLAG: FlagSpec = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  noOptDefault: 'strict',
  usage:
    'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
};

export function fieldManagerFlag(manager: string): FlagSpec {
  return { name: 'field-manager', type: 'string', default: manager, usage: 'Name of the manager used to track field ownership.' };
}

/** The flags every typed `kubectl create X` generator adds. */
export const TYPED_CREATE_FLAGS: FlagSpec[] = [DRY_RUN_FLAG, OUTPUT_FLAG, SAVE_CONFIG_FLAG, VALIDATE_FLAG, fieldManagerFlag('kubectl-create')];

/** create.NameFromCommandArgs: exactly one NAME before `--`, as a usage error. */
export function nameFromCommandArgs(inv: Invocation, flags: Flags): string {
  const atDash = flags.argsLenAtDash;
  const count = atDash === -1 ? flags.args.length : atDash;
  if (count !== 1) throw new KubectlError(`exactly one NAME is required, got ${count}\nSee '${inv.commandPath} -h' for help and examples`);
  return flags.args[0];
}

/** Complete: NAME, then --dry-run and -o are checked before anything is read or sent. */
export function completeTyped(inv: Invocation, flags: Flags): string {
  const name = nameFromCommandArgs(inv, flags);
  const dryRun = dryRunOf(flags);
  void new ResultPrinter(inv, flags.string('output'), dryRun);
  return name;
}

/**
 * Run: --save-config, then create on the server unless --dry-run=client, then
 * print `<kind>/<name> <operation>` or the -o format. `wrap` shapes server errors.
 */
export async function createOrPrint(
  inv: Invocation,
  flags: Flags,
  resource: string,
  obj: KubeObject,
  operation: string,
  wrap: (e: unknown) => unknown = (e) => e,
): Promise<number> {
  const dryRun = dryRunOf(flags);
  const printer = new ResultPrinter(inv, flags.string('output'), dryRun);
  const info: ResourceInfo = resolveTypeArg(inv.discovery(), resource);
  let result = flags.bool('save-config') ? lastAppliedAnnotation(obj) : obj;
  if (dryRun !== 'client') {
    const sent = info.namespaced ? { ...result, metadata: { ...result.metadata, namespace: inv.namespace } } : result;
    try {
      result = await inv.client.create(typeOf(info), sent, { dryRun: dryRun === 'server', fieldValidation: 'Strict' });
    } catch (e) {
      throw wrap(e);
    }
  }
  printer.print(result, info, operation);
  return 0;
}

/** fmt.Errorf("<prefix>%v", err): kubectl's own wrapping of a server error. */
export function wrapWith(prefix: string): (e: unknown) => KubectlError {
  return (e) => new KubectlError(`${prefix}${e instanceof Error ? e.message : String(e)}`);
}
