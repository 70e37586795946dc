import { describe, expect, it } from 'vitest';
import { parseResponse } from '../../scripts/bench-load/slack/keep-alive-client.ts';

describe("the load bench's bare HTTP client", () => {
  it('reads a Content-Length response and says how much of the buffer it took', () => {
    const raw = 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nContent-Length: 2\r\n\r\n{}HTTP/1.1';
    expect(parseResponse(raw)).toEqual({
      response: { status: 200, body: '{}' },
      length: raw.length - 'HTTP/1.1'.length,
    });
  });

  it('reads a chunked response, an empty one too', () => {
    const chunked = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n';
    expect(parseResponse(chunked)?.response).toEqual({ status: 200, body: 'abcde' });
    const empty = 'HTTP/1.1 401 Unauthorized\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n';
    expect(parseResponse(empty)).toEqual({ response: { status: 401, body: '' }, length: empty.length });
  });

  it('waits for a response that is not all in yet', () => {
    expect(parseResponse('HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nab')).toBeUndefined();
    expect(parseResponse('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3\r\nab')).toBeUndefined();
    expect(parseResponse('HTTP/1.1 200 OK\r\ncontent-')).toBeUndefined();
  });

  it('decodes a UTF-8 body whose Content-Length counts bytes', () => {
    const body = Buffer.from('{"text":"حيز النفاذ"}', 'utf8');
    const raw = `HTTP/1.1 200 OK\r\ncontent-length: ${body.length}\r\n\r\n${body.toString('latin1')}`;
    expect(parseResponse(raw)?.response.body).toBe('{"text":"حيز النفاذ"}');
  });
});
