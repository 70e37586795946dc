import pino from 'pino';
import type { Logger } from '../../src/logger.ts';

/** Logs to stderr so that stdout stays free for answers and JSON. */
export const stderrLogger: Logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
