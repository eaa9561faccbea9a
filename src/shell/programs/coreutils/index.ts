import type { Program } from '../../program';
import { awk } from './awk';
import { base64 } from './base64';
import { cat } from './cat';
import { chmod } from './chmod';
import { cp, mv } from './cp';
import { cut } from './cut';
import { grep } from './grep';
import { head, tail } from './head';
import { ls } from './ls';
import { mkdir } from './mkdir';
import { printf } from './printf';
import { rm } from './rm';
import { sed } from './sed';
import { sort } from './sort';
import { date, env, hostname, seq, sleep, uname, whoami } from './system-info';
import { tee } from './tee';
import { touch } from './touch';
import { tr } from './tr';
import { uniq } from './uniq';
import { wc } from './wc';

/** The coreutils-like programs by name (builtins live in shell/builtins.ts). */
export const coreutils: Record<string, Program> = {
  awk, base64, cat, chmod, cp, cut, date, env, grep, head, hostname, ls, mkdir, mv, printf, rm, sed, seq, sleep, sort, tail, tee, touch, tr, uname, uniq, wc, whoami,
};

