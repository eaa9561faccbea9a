/** kubectl create -f (pkg/cmd/create/create.go RunCreate). */
import type { Command } from '../cli/command';
import { addSourceToErr, AggregateError, KubectlError } from '../cli/errors';
import { renderHelp } from '../cli/command';
import { applyNamespace, visitManifests } from '../resources/manifests';
import { typeOf } from '../resources/mapping';
import { lastAppliedAnnotation } from '../apply/last-applied';
import { CREATE_LONG } from '../help/create';
import { createPodDisruptionBudgetCommand } from './create-pdb';
import { createSecretCommand } from './create-secret';
import { createServiceCommand } from './create-service';
import { createConfigMapCommand, createDeploymentCommand, createNamespaceCommand } from './create-sub';
import { DRY_RUN_FLAG, dryRunOf, FILENAME_FLAGS, OUTPUT_FLAG, ResultPrinter } from './write-common';

export const createCommand: Command = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  long: CREATE_LONG,
  usage: 'kubectl create -f FILENAME [flags] [options]',
  flags: [
    ...FILENAME_FLAGS,
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    { name: 'save-config', type: 'bool', usage: 'If true, the configuration of current object will be saved in its annotation.' },
    { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict', usage: 'Must be one of: strict (or true), warn, ignore (or false).' },
    { name: 'edit', type: 'bool', usage: 'Edit the API resource before creating' },
    { name: 'selector', short: 'l', type: 'string', usage: 'Selector (label query) to filter on.' },
  ],
  subcommands: [
    createConfigMapCommand,
    createDeploymentCommand,
    createNamespaceCommand,
    createPodDisruptionBudgetCommand,
    createSecretCommand,
    createServiceCommand,
  ],
  async run(inv, flags) {
    const files = flags.list('filename');
    if (files.length === 0) {
      inv.err('Error: must specify one of -f and -k\n\n' + renderHelp(createCommand));
      return 1;
    }
    if (flags.args.length > 0) throw new KubectlError(`Unexpected args: [${flags.args.join(' ')}]\nSee 'kubectl create -h' for help and examples`);
    const dryRun = dryRunOf(flags);
    const printer = new ResultPrinter(inv, flags.string('output'), dryRun);
    let count = 0;
    const errors = await visitManifests(inv, files, flags.bool('recursive'), async (item) => {
      applyNamespace(inv, item);
      let obj = item.object;
      if (flags.bool('save-config')) obj = lastAppliedAnnotation(obj);
      if (dryRun !== 'client') {
        try {
          obj = await inv.client.create(typeOf(item.info), obj, { dryRun: dryRun === 'server', fieldValidation: 'Strict' });
        } catch (e) {
          throw addSourceToErr('creating', item.source, e);
        }
      }
      count++;
      printer.print(obj, item.info, 'created');
    });
    if (errors.length) throw new AggregateError(errors);
    if (count === 0) throw new KubectlError('no objects passed to create');
    return 0;
  },
};
