import { describe, expect, it } from 'vitest';
import { createSession } from '../../../../headless';

async function run(line: string) {
  const session = createSession({ seed: 5 });
  try {
    const { output, exitCode } = await session.exec(line);
    return { output, exitCode };
  } finally {
    session.close();
  }
}

describe('kubectl top without a metrics-server', () => {
  it('answers as kubectl does when the Metrics API is not served', async () => {
    expect(await run('kubectl top pods -A')).toEqual({ output: 'error: Metrics API not available\n', exitCode: 1 });
    expect(await run('kubectl top no')).toEqual({ output: 'error: Metrics API not available\n', exitCode: 1 });
  });

  it('checks its own flags first', async () => {
    expect(await run('kubectl top pod --sort-by=disk')).toEqual({ output: 'error: --sort-by accepts only cpu or memory\n', exitCode: 1 });
    expect(await run('kubectl top node k8s-worker01 -l x=y')).toEqual({ output: 'error: only one of NAME or --selector can be provided\n', exitCode: 1 });
  });
});
