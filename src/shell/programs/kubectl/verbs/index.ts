/** Every kubectl command this lab implements; one file per verb. */
import type { Command } from '../cli/command';
import { apiResourcesCommand, apiVersionsCommand } from './api-resources';
import { annotateCommand } from './annotate';
import { applyCommand } from './apply';
import { clusterInfoCommand } from './cluster-info';
import { configCommand } from './config';
import { cordonCommand, uncordonCommand } from './cordon';
import { cpCommand } from './cp';
import { createCommand } from './create';
import { deleteCommand } from './delete';
import { describeCommand } from './describe';
import { drainCommand } from './drain';
import { editCommand } from './edit';
import { eventsCommand } from './events';
import { execCommand } from './exec';
import { explainCommand } from './explain';
import { exposeCommand } from './expose';
import { getCommand } from './get';
import { labelCommand } from './label';
import { logsCommand } from './logs';
import { patchCommand } from './patch';
import { portForwardCommand } from './port-forward';
import { replaceCommand } from './replace';
import { rolloutCommand } from './rollout';
import { runCommand } from './run';
import { scaleCommand } from './scale';
import { setCommand } from './set';
import { taintCommand } from './taint';
import { topCommand } from './top';
import { versionCommand } from './version';
import { waitCommand } from './wait';

export const COMMANDS: Command[] = [
  apiResourcesCommand,
  apiVersionsCommand,
  annotateCommand,
  applyCommand,
  clusterInfoCommand,
  configCommand,
  cordonCommand,
  cpCommand,
  createCommand,
  deleteCommand,
  describeCommand,
  drainCommand,
  editCommand,
  eventsCommand,
  execCommand,
  explainCommand,
  exposeCommand,
  getCommand,
  labelCommand,
  logsCommand,
  patchCommand,
  portForwardCommand,
  replaceCommand,
  rolloutCommand,
  runCommand,
  scaleCommand,
  setCommand,
  taintCommand,
  topCommand,
  uncordonCommand,
  versionCommand,
  waitCommand,
];
