/** kubectl config: view, current-context, get-contexts, use-context, set-context. */
import type { Command } from '../cli/command';
import { KubectlError } from '../cli/errors';
import { writeKubeconfig, type Kubeconfig } from '../kubeconfig';
import { toJson } from '../output/json';
import { executeJsonPath } from '../output/jsonpath';
import { toYaml } from '../output/yaml';
import { TabWriter } from '../printers/tabwriter';

const REDACTED_DATA = ['certificate-authority-data', 'client-certificate-data', 'client-key-data'];

function redact(config: Kubeconfig): Kubeconfig {
  const copy = JSON.parse(JSON.stringify(config)) as Kubeconfig;
  for (const c of copy.clusters) for (const k of REDACTED_DATA) if (c.cluster[k] !== undefined) c.cluster[k] = 'DATA+OMITTED';
  for (const u of copy.users) {
    for (const k of REDACTED_DATA) if (u.user[k] !== undefined) u.user[k] = 'DATA+OMITTED';
    if (u.user.token !== undefined) u.user.token = 'REDACTED';
  }
  return copy;
}

function minify(config: Kubeconfig, contextName: string): Kubeconfig {
  const ctx = config.contexts.find((c) => c.name === contextName);
  if (!ctx) throw new KubectlError('current-context must exist in order to minify');
  return {
    ...config,
    'current-context': contextName,
    contexts: [ctx],
    clusters: config.clusters.filter((c) => c.name === ctx.context.cluster),
    users: config.users.filter((u) => u.name === ctx.context.user),
  };
}

function viewObject(config: Kubeconfig): Record<string, unknown> {
  return {
    apiVersion: config.apiVersion ?? 'v1',
    clusters: config.clusters.length ? config.clusters : null,
    contexts: config.contexts.length ? config.contexts : null,
    'current-context': config['current-context'] ?? '',
    kind: config.kind ?? 'Config',
    preferences: config.preferences ?? {},
    users: config.users.length ? config.users : null,
  };
}

const viewCommand: Command = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  long: `Display merged kubeconfig settings or a specified kubeconfig file.

 You can use --output jsonpath={...} to extract specific values using a jsonpath expression.

Examples:
  # Show merged kubeconfig settings
  kubectl config view
  
  # Show merged kubeconfig settings, raw certificate data, and exposed secrets
  kubectl config view --raw
  
  # Get the password for the e2e user
  kubectl config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'`,
  usage: 'kubectl config view [flags] [options]',
  flags: [
    { name: 'minify', type: 'bool', usage: 'Remove all information not used by current-context from the output' },
    { name: 'raw', type: 'bool', usage: 'Display raw byte data and sensitive data' },
    { name: 'flatten', type: 'bool', usage: 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)' },
    { name: 'merge', type: 'bool', default: true, usage: 'Merge the full hierarchy of kubeconfig files' },
    { name: 'output', short: 'o', type: 'string', default: 'yaml', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
  ],
  async run(inv, flags) {
    let config = inv.kubeconfig;
    if (flags.bool('minify')) config = minify(config, inv.contextName);
    if (!flags.bool('raw')) config = redact(config);
    const obj = viewObject(config);
    const output = flags.string('output');
    if (output === 'yaml') inv.out(toYaml(obj));
    else if (output === 'json') inv.out(toJson(obj));
    else if (output.startsWith('jsonpath=')) inv.out(executeJsonPath(output.slice('jsonpath='.length), obj));
    else throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`);
    return 0;
  },
};

const currentContextCommand: Command = {
  name: 'current-context',
  short: 'Display the current-context',
  long: `Display the current-context.

Examples:
  # Display the current-context
  kubectl config current-context`,
  usage: 'kubectl config current-context [flags] [options]',
  flags: [],
  async run(inv) {
    const current = inv.kubeconfig['current-context'];
    if (!current) throw new KubectlError('current-context is not set');
    inv.out(current + '\n');
    return 0;
  },
};

const getContextsCommand: Command = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  long: `Display one or many contexts from the kubeconfig file.

Examples:
  # List all the contexts in your kubeconfig file
  kubectl config get-contexts
  
  # Describe one context in your kubeconfig file
  kubectl config get-contexts my-context`,
  usage: 'kubectl config get-contexts [(-o|--output=)name)] [flags] [options]',
  flags: [
    { name: 'no-headers', type: 'bool', usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', type: 'string', usage: 'Output format. One of: (name).' },
  ],
  async run(inv, flags) {
    const output = flags.string('output');
    if (output !== '' && output !== 'name') throw new KubectlError(`output must be one of '' or 'name': ${output}`);
    const config = inv.kubeconfig;
    const wanted = flags.args;
    const missing = wanted.filter((n) => !config.contexts.some((c) => c.name === n));
    const names = (wanted.length ? wanted.filter((n) => !missing.includes(n)) : config.contexts.map((c) => c.name)).sort();
    let text = '';
    const w = new TabWriter((s) => (text += s));
    if (output === 'name') names.forEach((n) => w.write(n + '\n'));
    else {
      if (!flags.bool('no-headers')) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
      for (const n of names) {
        const c = config.contexts.find((x) => x.name === n)!.context;
        const prefix = config['current-context'] === n ? '*' : ' ';
        w.write(`${prefix}\t${n}\t${c.cluster ?? ''}\t${c.user ?? ''}\t${c.namespace ?? ''}\n`);
      }
    }
    w.flush();
    inv.out(text);
    if (missing.length) throw new KubectlError(`context ${missing[0]} not found`);
    return 0;
  },
};

const useContextCommand: Command = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  long: `Set the current-context in a kubeconfig file.

Examples:
  # Use the context for the minikube cluster
  kubectl config use-context minikube`,
  usage: 'kubectl config use-context CONTEXT_NAME [flags] [options]',
  flags: [],
  async run(inv, flags) {
    if (flags.args.length !== 1) throw new KubectlError(`Unexpected args: [${flags.args.join(' ')}]`);
    const name = flags.args[0];
    if (!inv.kubeconfig.contexts.some((c) => c.name === name)) throw new KubectlError(`no context exists with the name: "${name}"`);
    inv.kubeconfig['current-context'] = name;
    writeKubeconfig(inv.io.fs, inv.kubeconfigPath, inv.kubeconfig);
    inv.out(`Switched to context "${name}".\n`);
    return 0;
  },
};

const setContextCommand: Command = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  long: `Set a context entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.

Examples:
  # Set the user field on the gce context entry without touching other values
  kubectl config set-context gce --user=cluster-admin`,
  usage: 'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [flags] [options]',
  flags: [{ name: 'current', type: 'bool', usage: 'Modify the current context' }],
  async run(inv, flags) {
    const config = inv.kubeconfig;
    let name: string;
    if (flags.bool('current')) {
      if (flags.args.length > 0) throw new KubectlError('you cannot specify a context name and --current');
      name = config['current-context'] ?? '';
      if (!name) throw new KubectlError('no current context is set');
    } else {
      if (flags.args.length !== 1) throw new KubectlError(`Unexpected args: [${flags.args.join(' ')}]`);
      name = flags.args[0];
    }
    let entry = config.contexts.find((c) => c.name === name);
    const exists = Boolean(entry);
    if (!entry) {
      entry = { name, context: {} };
      config.contexts.push(entry);
    }
    // Global flags double as the context's fields here, as in kubectl.
    const raw = inv.io.argv;
    const given = (flag: string) => raw.some((a) => a === `--${flag}` || a.startsWith(`--${flag}=`) || (flag === 'namespace' && (a === '-n' || a.startsWith('-n'))));
    if (given('namespace')) entry.context.namespace = inv.namespace;
    if (given('cluster')) entry.context.cluster = flagValue(raw, 'cluster');
    if (given('user')) entry.context.user = flagValue(raw, 'user');
    writeKubeconfig(inv.io.fs, inv.kubeconfigPath, config);
    inv.out(`Context "${name}" ${exists ? 'modified' : 'created'}.\n`);
    return 0;
  },
};

function flagValue(argv: string[], flag: string): string {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${flag}`) return argv[i + 1] ?? '';
    if (argv[i].startsWith(`--${flag}=`)) return argv[i].slice(flag.length + 3);
  }
  return '';
}

export const configCommand: Command = {
  name: 'config',
  short: 'Modify kubeconfig files',
  long: `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.`,
  usage: 'kubectl config SUBCOMMAND [options]',
  flags: [],
  subcommands: [currentContextCommand, getContextsCommand, setContextCommand, useContextCommand, viewCommand],
};

