/** Every file under lessons/ as text, bundled into the worker as data (a lazily loaded chunk). */
export const LESSON_FILES = import.meta.glob('/lessons/**/*', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
