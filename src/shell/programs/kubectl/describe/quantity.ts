/** Just enough resource.Quantity for describe's sums: cpu in millicores, everything else in bytes. */
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** Parses `100m`, `1.5`, `70Mi`, `1e3`; cpu values come back in millicores. */
export function parseQuantity(text: string, cpu: boolean): number {
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(text.trim());
  if (!m) return 0;
  const n = Number(m[1]);
  const factor = BINARY[m[2]] ?? DECIMAL[m[2]] ?? 1;
  const value = n * factor;
  return cpu ? Math.round(value * 1000) : Math.round(value);
}

/** A canonical-looking Quantity string: `0`, `100m`, `2`, `70Mi`, `1500k`. */
export function formatQuantity(value: number, cpu: boolean): string {
  if (value === 0) return '0';
  if (cpu) return value % 1000 === 0 ? String(value / 1000) : `${value}m`;
  for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
    if (value % BINARY[suffix] === 0) return `${value / BINARY[suffix]}${suffix}`;
  }
  for (const suffix of ['E', 'P', 'T', 'G', 'M', 'k']) {
    if (value % DECIMAL[suffix] === 0) return `${value / DECIMAL[suffix]}${suffix}`;
  }
  return String(value);
}
