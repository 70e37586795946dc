import type { Reply } from '../../src/answer/reply.ts';

/** The reply's heading text. */
export function headingOf(reply: Pick<Reply, 'parts'>): string {
  const heading = reply.parts.find((part) => part.type === 'heading');
  return heading?.type === 'heading' ? heading.text : '';
}
