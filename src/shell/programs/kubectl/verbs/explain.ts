/** kubectl explain (pkg/cmd/explain): documentation of a resource or one of its fields, from OpenAPI v3. */
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import type { Flags } from '../cli/flags';
import type { Invocation } from '../context';
import { explain, ExplainError } from '../explain/render';
import { resolveTypeArg } from '../resources/mapping';

/** SplitAndParseResourceRequestWithMatchingPrefix: `sts.spec.replicas`, `statefulsets.apps.spec`. */
function splitRequest(inv: Invocation, text: string): { group: string; version: string; kind: string; path: string[] } {
  const parts = text.split('.');
  const info = resolveTypeArg(inv.discovery(), parts[0]);
  let rest = parts.slice(1);
  if (info.group && text.startsWith(`${parts[0]}.${info.group}`)) rest = text.slice(`${parts[0]}.${info.group}`.length).split('.').slice(1);
  if (rest.some((p) => p === '')) throw new KubectlError(`invalid jsonpath syntax, all nodes must be field nodes`);
  return { group: info.group, version: info.version, kind: info.kind, path: rest };
}

async function runExplain(inv: Invocation, flags: Flags): Promise<number> {
  if (flags.args.length === 0) {
    throw new KubectlError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
  }
  if (flags.args.length > 1) throw new KubectlError('We accept only this format: explain RESOURCE\n');
  const req = splitRequest(inv, flags.args[0]);
  const apiVersion = flags.string('api-version');
  if (apiVersion) {
    const slash = apiVersion.indexOf('/');
    req.group = slash >= 0 ? apiVersion.slice(0, slash) : '';
    req.version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  }
  try {
    inv.out(explain(req.group, req.version, req.kind, req.path, flags.bool('recursive')));
  } catch (e) {
    if (e instanceof ExplainError) throw new KubectlError(e.message);
    throw e;
  }
  return 0;
}

export const explainCommand: Command = {
  name: 'explain',
  short: 'Get documentation for a resource',
  long: `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]

 Information about each field is retrieved from the server in OpenAPI format.

Use "kubectl api-resources" for a complete list of supported resources.

Examples:
  # Get the documentation of the resource and its fields
  kubectl explain pods
  
  # Get all the fields in the resource
  kubectl explain pods --recursive
  
  # Get the explanation for deployment in supported api versions
  kubectl explain deployments --api-version=apps/v1
  
  # Get the documentation of a specific field of a resource
  kubectl explain pods.spec.containers
  
  # Get the documentation of resources in different format
  kubectl explain deployment --output=plaintext-openapiv2`,
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  flags: [
    { name: 'recursive', type: 'bool', usage: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.' },
    { name: 'api-version', type: 'string', usage: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', short: 'o', type: 'string', default: 'plaintext', usage: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' },
  ],
  run: runExplain,
};
