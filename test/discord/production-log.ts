import { stderrLogger } from '../../adapters/console/stderr-logger.ts';
import type { RecordingLogger } from '../support/recording-logger.ts';

/**
 * Makes `logger` also write every entry through the production logger, and returns the JSON lines that logger
 * writes: what an operator's log would hold (an error's fields as its serializer keeps them).
 */
export function productionLines(logger: RecordingLogger): string[] {
  const lines: string[] = [];
  const production = stderrLogger('debug', {
    write: (line: string) => {
      lines.push(line);
    },
  });
  for (const level of ['debug', 'info', 'warn', 'error'] as const) {
    const record = logger[level];
    logger[level] = (fields, message) => {
      record(fields, message);
      production[level](fields, message);
    };
  }
  return lines;
}
