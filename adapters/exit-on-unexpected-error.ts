import type { Logger } from '../src/logger.ts';

/** Exit status after an error nothing handled (EX_SOFTWARE): the supervisor restarts a clean process. */
const UNEXPECTED_ERROR_EXIT_CODE = 70;

/**
 * The last line of defence: an exception or rejection that nothing caught means the process is in a state no one
 * planned for. Log it as one line and exit non-zero, so Docker's or systemd's restart policy brings back a clean
 * process, rather than limping on (or dying silently with a bare stack trace on stderr).
 *
 * @example exitOnUnexpectedError(logger); // once, in the composition root
 */
export function exitOnUnexpectedError(logger: Logger, exit: (code: number) => void = process.exit): void {
  const fail = (kind: string) => (error: unknown) => {
    logger.error({ err: error }, `process: ${kind}, exiting with ${UNEXPECTED_ERROR_EXIT_CODE}: ${describe(error)}`);
    exit(UNEXPECTED_ERROR_EXIT_CODE);
  };
  process.on('uncaughtException', fail('uncaught exception'));
  process.on('unhandledRejection', fail('unhandled rejection'));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
