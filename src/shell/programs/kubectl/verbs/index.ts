/** Every kubectl command this lab implements; one file per verb. */
import type { Command } from '../cli/command';
import { apiResourcesCommand, apiVersionsCommand } from './api-resources';
import { applyCommand } from './apply';
import { clusterInfoCommand } from './cluster-info';
import { configCommand } from './config';
import { createCommand } from './create';
import { deleteCommand } from './delete';
import { describeCommand } from './describe';
import { editCommand } from './edit';
import { explainCommand } from './explain';
import { getCommand } from './get';
import { rolloutCommand } from './rollout';
import { setCommand } from './set';
import { versionCommand } from './version';

export const COMMANDS: Command[] = [
  apiResourcesCommand,
  apiVersionsCommand,
  applyCommand,
  clusterInfoCommand,
  configCommand,
  createCommand,
  deleteCommand,
  describeCommand,
  editCommand,
  explainCommand,
  getCommand,
  rolloutCommand,
  setCommand,
  versionCommand,
];
