import type { IncomingMessage, ServerResponse } from 'node:http';
import etag from 'etag';
import fresh from 'fresh';
import type { OpsRoute } from '../ops/ops-routes.ts';
import type { Store } from '../store/open-store.ts';
import { changeEntries } from './change-entries.ts';
import { changesAtom, changesJson } from './changes-feed.ts';

/**
 * `GET /changes.atom` and `GET /changes.json`: the feed of detected changes on the bot's HTTP server, beside the
 * ops routes. Feed readers poll, so every answer carries validators (a strong ETag of the body, Last-Modified
 * from the newest change) and a short max-age, and a conditional request for an unchanged feed gets a bodiless
 * 304. Changes arrive at most once per status poll (every 6 hours by default): five minutes of caching loses
 * nothing.
 */

/** How long a reader or proxy may reuse a feed without asking again. */
export const FEED_MAX_AGE_SECONDS = 300;

const FORMATS = [
  { path: '/changes.atom', contentType: 'application/atom+xml; charset=utf-8', render: changesAtom },
  { path: '/changes.json', contentType: 'application/feed+json; charset=utf-8', render: changesJson },
] as const;

/**
 * The two feed routes, reading `store` per request (the change log only grows, and a feed is small).
 *
 * @example const routes = [...opsRoutes(readiness, metrics), ...feedRoutes(store)];
 */
export function feedRoutes(store: Pick<Store, 'changes' | 'snapshots'>): OpsRoute[] {
  return FORMATS.map(({ path, contentType, render }) => ({
    path,
    method: 'GET',
    handler: (request, response) => {
      const entries = changeEntries(store);
      const newest = entries[0]?.change.firstSeenAt;
      sendCacheable(request, response, {
        body: render(entries),
        contentType,
        lastModified: new Date(newest ?? 0),
      });
    },
  }));
}

interface Cacheable {
  body: string;
  contentType: string;
  lastModified: Date;
}

/** 200 with the body and its validators, or 304 when the request's If-None-Match / If-Modified-Since still hold. */
function sendCacheable(request: IncomingMessage, response: ServerResponse, document: Cacheable): void {
  const validators = {
    etag: etag(document.body),
    'last-modified': document.lastModified.toUTCString(),
    'cache-control': `public, max-age=${FEED_MAX_AGE_SECONDS}`,
  };
  // Only the conditions: `fresh` reads a request's `Cache-Control: no-cache` as "send it all", yet that directive
  // asks caches to revalidate with the origin (RFC 9111 §5.2.1.4), which is what a conditional request to the
  // origin is, and fetch() adds it to every conditional request it sends.
  const { 'if-none-match': ifNoneMatch, 'if-modified-since': ifModifiedSince } = request.headers;
  if (fresh({ 'if-none-match': ifNoneMatch, 'if-modified-since': ifModifiedSince }, validators)) {
    response.writeHead(304, validators);
    response.end();
    return;
  }
  response.writeHead(200, { ...validators, 'content-type': document.contentType });
  response.end(document.body);
}
