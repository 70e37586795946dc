/**
 * Which URLs a renderer may turn into a link. Citation URLs come from the catalog, which people edit: a bad
 * entry must show as a plain title rather than forge a link or smuggle markup into the message.
 */

// `http:example.com` parses too (the slashes are optional for http), but is not what anyone would write.
const HTTP_URL_START = /^https?:\/\//i;
// White space ends a link in chat markup; control, format (bidi, zero-width), private-use and lone surrogate
// characters would hide in the link or reorder the text around it.
const SPACE_OR_INVISIBLE = /[\s\p{C}]/u;

/**
 * True for an absolute http(s) URL that `new URL` accepts, written without white space or invisible characters.
 * Each platform adds the characters its own link syntax cannot hold.
 *
 * @example isHttpUrl('https://treaties.un.org/doc_(1)') // true
 * @example isHttpUrl('javascript:alert(1)') // false
 */
export function isHttpUrl(url: string | undefined): url is string {
  return url !== undefined && HTTP_URL_START.test(url) && !SPACE_OR_INVISIBLE.test(url) && URL.canParse(url);
}
