import type { Program } from '../../program';
import { nano } from './nano';
import { vi } from './vi';

/** The workstation's full-screen editors. */
export const editorPrograms: Record<string, Program> = { nano, vi, vim: vi };
