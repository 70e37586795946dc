import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../adapters/console/console-chat.ts';
import { realBot } from '../support/bot.ts';

async function chat(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = '';
  output.on('data', (chunk) => {
    written += String(chunk);
  });
  const done = runConsoleChat(realBot(), input, output);
  input.end(`${lines.join('\n')}\n`);
  await done;
  return written;
}

describe('runConsoleChat without a terminal', () => {
  it('answers each input line with citations, skipping blank lines', async () => {
    const output = await chat(['entry-into-force', '', 'help']);
    expect(output.match(/^> /gm)).toHaveLength(2);
    expect(output).toMatch(/> entry-into-force\n/);
    expect(output).toMatch(/\[1\] .+(الفقرة|¶)/);
    expect(output).toMatch(/topics +List the topics/);
  });

  it('prints no colour codes when the output is not a terminal', async () => {
    expect(await chat(['signature'])).not.toContain('\x1b[');
  });
});
