/** redis-cli's raw reply form, used when stdout is not a terminal (cliFormatReplyRaw): array elements one per line. */
import type { RespReply } from './types';

export function formatRaw(r: RespReply): string {
  switch (r.type) {
    case 'status':
    case 'error':
      return r.value;
    case 'integer':
      return String(r.value);
    case 'bulk':
      return r.value ?? '';
    case 'array':
      return (r.value ?? []).map(formatRaw).join('\n');
  }
}
