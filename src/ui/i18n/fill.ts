/** `template` with `{name}` placeholders filled; unknown placeholders stay as written. Import-free: the embed uses it too. */
export function fillPlaceholders(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
