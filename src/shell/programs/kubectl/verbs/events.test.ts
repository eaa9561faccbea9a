import { afterEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../../headless';
import { startWeb, type WebSession } from './mutate-session.testkit';

let web: WebSession | undefined;
afterEach(() => web?.session.close());

const err = (text: string) => ({ output: `error: ${text}\n`, exitCode: 1 });

describe('kubectl events', () => {
  it('lists an object\'s events oldest first with LAST SEEN ages', async () => {
    web = await startWeb(createSession);
    expect(await web.exec('kubectl events --for sts/web')).toEqual({
      output:
        'LAST SEEN   TYPE     REASON             OBJECT            MESSAGE\n' +
        '60s         Normal   SuccessfulCreate   StatefulSet/web   create Claim www-web-0 Pod web-0 in StatefulSet web success\n' +
        '60s         Normal   SuccessfulCreate   StatefulSet/web   create Pod web-0 in StatefulSet web successful\n' +
        '58s         Normal   SuccessfulCreate   StatefulSet/web   create Claim www-web-1 Pod web-1 in StatefulSet web success\n' +
        '58s         Normal   SuccessfulCreate   StatefulSet/web   create Pod web-1 in StatefulSet web successful\n',
      exitCode: 0,
    });
    expect(await web.exec('kubectl events -A --for statefulset.apps/web --types=normal --no-headers')).toEqual({
      output:
        'default   60s   Normal   SuccessfulCreate   StatefulSet/web   create Claim www-web-0 Pod web-0 in StatefulSet web success\n' +
        'default   60s   Normal   SuccessfulCreate   StatefulSet/web   create Pod web-0 in StatefulSet web successful\n' +
        'default   58s   Normal   SuccessfulCreate   StatefulSet/web   create Claim www-web-1 Pod web-1 in StatefulSet web success\n' +
        'default   58s   Normal   SuccessfulCreate   StatefulSet/web   create Pod web-1 in StatefulSet web successful\n',
      exitCode: 0,
    });
    expect(await web.exec("kubectl events --for sts/web -o jsonpath='{.kind} {.items[*].reason}'")).toEqual({
      output: 'EventList SuccessfulCreate SuccessfulCreate SuccessfulCreate SuccessfulCreate',
      exitCode: 0,
    });
  });

  it('says when there are none, and validates --types and --for', async () => {
    web = await startWeb(createSession);
    await web.exec('kubectl create namespace quiet');
    expect(await web.exec('kubectl events -n quiet')).toEqual({ output: 'No events found in quiet namespace.\n', exitCode: 0 });
    expect(await web.exec('kubectl events -A --types=Warning')).toEqual({ output: 'No events found.\n', exitCode: 0 });
    expect(await web.exec('kubectl events --types=Info')).toEqual(err('valid --types are Normal or Warning'));
    expect(await web.exec('kubectl events --for web')).toEqual(err('--for must be in resource/name form'));
    expect(await web.exec('kubectl events --for a/b/c')).toEqual(err('arguments in resource/name form may not have more than one slash'));
    expect(await web.exec('kubectl events --for widget/x')).toEqual(err('the server doesn\'t have a resource type "widget"'));
  });

  it('-w prints the existing events, then each new one as it happens, until Ctrl-C', async () => {
    web = await startWeb(createSession);
    const term = (web.session as unknown as { openTerminal(): Terminal }).openTerminal();
    expect((await term.exec('kubectl events -w --for sts/web', { waitMs: 1000 })).output).toBe(
      'LAST SEEN   TYPE     REASON             OBJECT            MESSAGE\n' +
        '60s         Normal   SuccessfulCreate   StatefulSet/web   create Claim www-web-0 Pod web-0 in StatefulSet web success\n' +
        '60s         Normal   SuccessfulCreate   StatefulSet/web   create Pod web-0 in StatefulSet web successful\n' +
        '58s         Normal   SuccessfulCreate   StatefulSet/web   create Claim www-web-1 Pod web-1 in StatefulSet web success\n' +
        '58s         Normal   SuccessfulCreate   StatefulSet/web   create Pod web-1 in StatefulSet web successful\n',
    );
    await web.exec('kubectl scale sts web --replicas=3');
    await web.session.advance(10_000);
    expect(await term.interrupt()).toBe(
      '0s          Normal   SuccessfulCreate   StatefulSet/web   create Claim www-web-2 Pod web-2 in StatefulSet web success\n' +
        '0s          Normal   SuccessfulCreate   StatefulSet/web   create Pod web-2 in StatefulSet web successful\n' +
        '^C\n',
    );
    // The watch stopped: nothing more arrives, and the shell reports the interrupt.
    expect((await term.exec('echo $?')).output).toBe('130\n');
  });
});

interface Terminal {
  exec(line: string, options?: { waitMs?: number }): Promise<{ output: string }>;
  interrupt(): Promise<string>;
}
