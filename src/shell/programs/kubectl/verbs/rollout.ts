/** kubectl rollout (pkg/cmd/rollout/rollout.go): the parent of status, history, undo, restart, pause, resume. */
import type { Command } from '../cli/command';
import { rolloutHistoryCommand, rolloutUndoCommand } from './rollout-history';
import { rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand } from './rollout-restart';
import { rolloutStatusCommand } from './rollout-status';

export const rolloutCommand: Command = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  long: `Manage the rollout of one or many resources.
        
 Valid resource types include:

  *  deployments
  *  daemonsets
  *  statefulsets

Examples:
  # Rollback to the previous deployment
  kubectl rollout undo deployment/abc
  
  # Check the rollout status of a daemonset
  kubectl rollout status daemonset/foo
  
  # Restart a deployment
  kubectl rollout restart deployment/abc
  
  # Restart deployments with the 'app=nginx' label
  kubectl rollout restart deployment --selector=app=nginx`,
  usage: 'kubectl rollout SUBCOMMAND [options]',
  flags: [],
  subcommands: [rolloutHistoryCommand, rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand, rolloutStatusCommand, rolloutUndoCommand],
};
