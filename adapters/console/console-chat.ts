import { createInterface } from 'node:readline';
import type { TreatyBot } from '../../src/answer/treaty-bot.ts';
import type { LineLogger } from './line-logger.ts';
import { ansiStyle, plainStyle, renderText } from './render-text.ts';

const PROMPT = 'treaty> ';
const GREETING = [
  'Treaty bot — ask about the UN Convention against Cybercrime (Arabic or English).',
  'Try: entry-into-force · متى تدخل الاتفاقية حيز النفاذ؟ · topics · help. Ctrl-D quits.',
  '',
].join('\n');

/**
 * The local terminal chat: a prompt when stdin is a terminal, otherwise one answer per input line.
 * Resolves when input ends (Ctrl-D or end of file). With `logger`, a log line written while the prompt shows
 * is followed by the prompt again.
 */
export async function runConsoleChat(
  bot: TreatyBot,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout,
  logger?: LineLogger,
): Promise<void> {
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY && output.isTTY);
  const style = output.isTTY ? ansiStyle : plainStyle;
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  if (interactive) {
    output.write(GREETING);
    lines.setPrompt(PROMPT);
    lines.prompt();
    logger?.afterLine(() => lines.prompt(true));
  }
  for await (const line of lines) {
    if (line.trim() === '' && !interactive) continue;
    if (!interactive) output.write(`> ${line}\n`);
    output.write(`${renderText(bot.ask(line, { platform: 'console' }), style)}\n`);
    if (interactive) lines.prompt();
  }
  logger?.afterLine(undefined);
  if (interactive) output.write('\n');
}
