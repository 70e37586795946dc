/**
 * What users and logs see when answering fails. Users get one short sentence, never a stack trace or an API
 * message; logs get the error's kind and Discord's code and status, never the request URL, because interaction
 * URLs carry the interaction token.
 */

/** The one sentence a user sees when an answer could not be produced or sent. */
export const APOLOGY = 'Sorry, something went wrong while answering. Please try again in a moment.';

/** The loggable facts of an error: name, message, and Discord's code, status and HTTP method when present. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, status, method } = error as Error & { code?: unknown; status?: unknown; method?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(code === undefined ? {} : { code }),
    ...(status === undefined ? {} : { status }),
    ...(method === undefined ? {} : { method }),
  };
}
