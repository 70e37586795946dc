import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPReceiver, type HTTPReceiverOptions, type Logger } from '@slack/bolt';
// Bolt's own router: what it cannot route, it would leave unacknowledged (3 s, then a 404 logged as an error).
import { getTypeAndConversation } from '@slack/bolt/dist/helpers.js';

/**
 * Bolt's HTTP receiver behind a door that turns away bodies Bolt cannot handle. Bolt verifies the signature,
 * parses the body and then reads `body.ssl_check` outside any try: a signed JSON `null` throws there and, being
 * an unhandled rejection, kills the process; a signed `[1,2,3]` or an unknown `type` waits 3 s for an ack that
 * never comes and ends in a 404 logged as an error. Here such a body gets a 400 at once, with one warning.
 *
 * The door runs Bolt's own steps (buffer, parse, and for a body it turns away, verify) before handing the request
 * over; Bolt then reuses the buffered body. A request that fails verification is handed over untouched, so Bolt
 * answers it (401) as before.
 */
export function guardedHttpReceiver(options: HTTPReceiverOptions & { logger: Logger }): HTTPReceiver {
  const receiver = new HTTPReceiver(options);
  const dispatch = receiver.requestListener;
  const endpoints = new Set([options.endpoints ?? '/slack/events'].flat());
  receiver.requestListener = (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    // Other paths (ops routes) and methods go straight through: Bolt's dispatch may throw to its caller for them.
    if (request.method !== 'POST' || !endpoints.has(path)) return dispatch(request, response);
    screen(request, response, options).then(
      (pass) => {
        if (pass) dispatch(request, response);
      },
      // Nothing above should throw; if it does, this request gets a 400, never the process's exit.
      () => {
        options.logger.warn('slack: a request could not be screened; answered 400');
        if (!response.headersSent) HTTPModuleFunctions.buildNoBodyResponse(response, 400);
      },
    );
  };
  return receiver;
}

/** True when Bolt should get the request; otherwise it has been answered here. */
async function screen(
  request: IncomingMessage,
  response: ServerResponse,
  { signingSecret, bodyLimit, logger }: HTTPReceiverOptions & { logger: Logger },
): Promise<boolean> {
  let buffered: Awaited<ReturnType<typeof HTTPModuleFunctions.parseAndVerifyHTTPRequest>>;
  try {
    buffered = await HTTPModuleFunctions.bufferIncomingMessage(
      request,
      bodyLimit ?? HTTPModuleFunctions.defaultBodyLimit,
    );
  } catch (error) {
    // The stream is spent, so Bolt could not read it again: answer here.
    const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
    logger.warn(`slack: ${tooLarge ? 'request body too large' : 'could not read the request body'}`);
    HTTPModuleFunctions.buildNoBodyResponse(response, tooLarge ? 413 : 400);
    return false;
  }
  const problem = unroutable(buffered);
  if (problem === undefined) return true;
  // Only an unusable body is verified here (Bolt verifies the rest): an unsigned one goes on to Bolt's 401.
  try {
    await HTTPModuleFunctions.parseAndVerifyHTTPRequest({ enabled: true, signingSecret }, buffered);
  } catch {
    return true;
  }
  logger.warn(`slack: rejected a signed request with 400: ${problem}`);
  HTTPModuleFunctions.buildNoBodyResponse(response, 400);
  return false;
}

/** Why Bolt could not handle this body, or undefined when it can. Never quotes the body: it may hold user text. */
function unroutable(request: Parameters<typeof HTTPModuleFunctions.parseHTTPRequestBody>[0]): string | undefined {
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(request);
  } catch {
    return 'the body is neither JSON nor a form';
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return `the body is ${Array.isArray(body) ? 'an array' : body === null ? 'null' : `a ${typeof body}`}, not an object`;
  }
  const { ssl_check, type } = body as { ssl_check?: unknown; type?: unknown };
  if (ssl_check === '1' || type === 'url_verification') return undefined;
  try {
    return getTypeAndConversation(body).type === undefined ? 'not a kind of request Slack sends an app' : undefined;
  } catch {
    // Bolt's router reads nested fields unchecked ({"event": null} throws): what it cannot read, it cannot route.
    return 'a body Slack would not send';
  }
}
