/** kubectl api-resources and api-versions (pkg/cmd/apiresources). */
import type { ResourceInfo } from '../../../../cluster/api/types';
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import { TabWriter } from '../printers/tabwriter';
import { apiVersionOfInfo } from '../resources/mapping';

function sortResources(list: ResourceInfo[], sortBy: string): ResourceInfo[] {
  const key = (r: ResourceInfo) => (sortBy === 'name' ? r.resource : sortBy === 'kind' ? r.kind : r.group);
  return list
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const ka = key(a.r);
      const kb = key(b.r);
      if (ka !== kb) return ka < kb ? -1 : 1;
      if (a.r.resource !== b.r.resource) return a.r.resource < b.r.resource ? -1 : 1;
      return a.i - b.i;
    })
    .map((x) => x.r);
}

export const apiResourcesCommand: Command = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  long: `Print the supported API resources on the server.

Examples:
  # Print the supported API resources
  kubectl api-resources

  # Print the supported API resources with more information
  kubectl api-resources -o wide

  # Print the supported API resources sorted by a column
  kubectl api-resources --sort-by=name

  # Print the supported namespaced resources
  kubectl api-resources --namespaced=true

  # Print the supported non-namespaced resources
  kubectl api-resources --namespaced=false

  # Print the supported API resources with a specific APIGroup
  kubectl api-resources --api-group=rbac.authorization.k8s.io`,
  usage: 'kubectl api-resources [flags] [options]',
  flags: [
    { name: 'api-group', type: 'string', usage: 'Limit to resources in the specified API group.' },
    { name: 'namespaced', type: 'bool', default: true, usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'verbs', type: 'stringSlice', usage: 'Limit to resources that support the specified verbs.' },
    { name: 'categories', type: 'stringSlice', usage: 'Limit to resources that belong to the specified categories.' },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (wide, name).' },
    { name: 'no-headers', type: 'bool', usage: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
    { name: 'sort-by', type: 'string', usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: 'cached', type: 'bool', usage: 'Use the cached list of resources if available.' },
  ],
  async run(inv, flags) {
    const output = flags.string('output');
    if (!['', 'wide', 'name'].includes(output)) {
      throw new KubectlError(`--output ${output} is not available`);
    }
    const sortBy = flags.string('sort-by');
    if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new KubectlError(`--sort-by accepts only name or kind`);
    let list = inv.discovery().filter((r) => r.verbs.length > 0);
    if (flags.changed('api-group')) list = list.filter((r) => r.group === flags.string('api-group'));
    if (flags.changed('namespaced')) list = list.filter((r) => r.namespaced === flags.bool('namespaced'));
    const verbs = flags.list('verbs');
    if (verbs.length) list = list.filter((r) => verbs.every((v) => r.verbs.includes(v)));
    const categories = flags.list('categories');
    if (categories.length) list = list.filter((r) => categories.every((c) => r.categories?.includes(c)));
    let text = '';
    const w = new TabWriter((s) => (text += s));
    if (!flags.bool('no-headers') && output !== 'name') {
      const cols = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
      if (output === 'wide') cols.push('VERBS', 'CATEGORIES');
      w.write(cols.join('\t') + '\n');
    }
    for (const r of sortResources(list, sortBy)) {
      if (output === 'name') w.write(`${r.resource}${r.group ? '.' + r.group : ''}\n`);
      else {
        const cells = [r.resource, r.shortNames.join(','), apiVersionOfInfo(r), String(r.namespaced), r.kind];
        if (output === 'wide') cells.push(r.verbs.join(','), (r.categories ?? []).join(','));
        w.write(cells.join('\t') + '\n');
      }
    }
    w.flush();
    inv.out(text);
    return 0;
  },
};

export const apiVersionsCommand: Command = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  long: `Print the supported API versions on the server, in the form of "group/version".

Examples:
  # Print the supported API versions
  kubectl api-versions`,
  usage: 'kubectl api-versions [flags] [options]',
  flags: [],
  async run(inv) {
    const versions = [...new Set(inv.discovery().map(apiVersionOfInfo))].sort();
    inv.out(versions.map((v) => v + '\n').join(''));
    return 0;
  },
};
