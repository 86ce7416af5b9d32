import { describe, expect, it } from 'vitest';
import { formatTable } from './format.js';

describe('formatTable', () => {
  it('pads columns to their widest cell and trims line ends', () => {
    expect(
      formatTable(
        ['NAME', 'STATE', 'PID'],
        [
          ['ferretdb', 'running', '42'],
          ['kafka', 'stopped', '-'],
        ],
      ),
    ).toBe(['NAME      STATE    PID', 'ferretdb  running  42', 'kafka     stopped  -'].join('\n'));
  });
});
