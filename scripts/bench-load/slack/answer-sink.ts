import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The Slack side the bot talks back to, on 127.0.0.1: `auth.test` (Bolt calls it at start) and every other Web
 * API method answer `{ ok: true }`; a POST to `/response/<n>` is the answer to command n and is timed when its
 * body is in. Smaller than test/slack's FakeSlack on purpose: it keeps only a time per answer.
 */
export class AnswerSink {
  /** When each command's first answer arrived (`performance.now()` of this thread). */
  readonly answeredAt = new Map<number, number>();
  /** Answers that arrived for a command already answered. */
  duplicates = 0;

  private constructor(private readonly server: Server) {}

  static async start(): Promise<AnswerSink> {
    const server = createServer();
    const sink = new AnswerSink(server);
    server.on('request', (request, response) => {
      request.resume();
      request.on('end', () => {
        const answered = /^\/response\/(\d+)$/.exec(request.url ?? '')?.[1];
        if (answered !== undefined) sink.record(Number(answered));
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0TEAM' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return sink;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  responseUrl(command: number): string {
    return `${this.baseUrl}/response/${command}`;
  }

  /** Resolves once every command in [from, to) has an answer, or when none has come for `idleMs`. */
  async waitForAnswers(from: number, to: number, idleMs: number): Promise<void> {
    let seen = this.answeredAt.size;
    let quietSince = performance.now();
    while (!this.allAnswered(from, to) && performance.now() - quietSince < idleMs) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (this.answeredAt.size !== seen) {
        seen = this.answeredAt.size;
        quietSince = performance.now();
      }
    }
  }

  close(): void {
    this.server.closeAllConnections();
    this.server.close();
  }

  private allAnswered(from: number, to: number): boolean {
    for (let command = from; command < to; command++) if (!this.answeredAt.has(command)) return false;
    return true;
  }

  private record(command: number): void {
    if (this.answeredAt.has(command)) this.duplicates += 1;
    else this.answeredAt.set(command, performance.now());
  }
}
