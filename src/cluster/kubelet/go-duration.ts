/** Go's time.Duration.String() for a whole number of milliseconds (the kubelet truncates pull times to ms). */
export function goDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms));
  if (total === 0) return '0s';
  if (total < 1000) return `${total}ms`;
  const trim = (n: number) => (n / 1000).toFixed(3).replace(/\.?0+$/, '');
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const secMs = total % 60_000;
  let out = '';
  if (hours) out += `${hours}h`;
  if (hours || minutes) out += `${minutes}m`;
  return `${out}${trim(secMs)}s`;
}
