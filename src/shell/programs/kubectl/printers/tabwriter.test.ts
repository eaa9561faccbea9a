import { describe, expect, it } from 'vitest';
import { alignTable, TabWriter } from './tabwriter';

describe('TabWriter with kubectl settings', () => {
  it('pads every column but the last to max width + 3, at least 6', () => {
    expect(alignTable('NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nweb-0\t1/1\tRunning\t0\t10s\n')).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\nweb-0   1/1     Running   0          10s\n',
    );
  });

  it('pads empty cells to the column width and leaves an empty last cell unpadded', () => {
    expect(alignTable('A\tB\tC\nx\t\t\n')).toBe('A     B     C\nx           \n');
  });

  it('keeps remembered widths across flushes, growing them for wider rows (get -w)', () => {
    let out = '';
    const w = new TabWriter((t) => (out += t));
    w.write('NAME\tREADY\tSTATUS\tRESTARTS\tAGE\nweb-0\t0/1\tPending\t0\t0s\n');
    w.flush();
    w.write('web-0\t0/1\tContainerCreating\t0\t0s\n');
    w.flush();
    w.write('web-0\t1/1\tRunning\t0\t19s\n');
    w.flush();
    expect(out).toBe(
      'NAME    READY   STATUS    RESTARTS   AGE\n' +
        'web-0   0/1     Pending   0          0s\n' +
        'web-0   0/1     ContainerCreating   0          0s\n' +
        'web-0   1/1     Running             0          19s\n',
    );
  });

  it('aligns blocks separated by a line without tabs independently', () => {
    expect(alignTable('A\tB\nlonger-name\tx\n\nC\tD\n')).toBe('A             B\nlonger-name   x\n\nC             D\n');
  });

  it('measures cells in runes, so a wide character pads like one column', () => {
    expect(alignTable('NAME\tX\n😀\ty\né\tz\n')).toBe('NAME   X\n😀      y\né      z\n');
  });

  it('writes a row of cells as the same tab-joined line would be written', () => {
    let rows = '';
    const byRow = new TabWriter((t) => (rows += t));
    byRow.write('pending-');
    byRow.writeRow(['NAME', 'STATUS']);
    byRow.writeRow(['web-0', 'Running']);
    byRow.writeRow(['has\ttab', 'x']);
    byRow.writeRow(['alone']);
    byRow.writeRow(['after', 'y']);
    byRow.flush();
    let text = '';
    const byText = new TabWriter((t) => (text += t));
    byText.write('pending-NAME\tSTATUS\nweb-0\tRunning\nhas\ttab\tx\nalone\nafter\ty\n');
    byText.flush();
    expect(rows).toBe('pending-NAME   STATUS\nweb-0          Running\nhas            tab   x\nalone\nafter          y\n');
    expect(rows).toBe(text);
  });
});
