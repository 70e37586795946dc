import type { AskContext } from './ask-context.ts';
import type { Part, TopicSuggestion } from './reply.ts';

/** How a user asks on each surface: what to type before a topic or question. */
export function askPrefix(platform: AskContext['platform']): string {
  switch (platform) {
    case 'slack':
      return '/treaty ';
    case 'discord':
      return '/treaty query:';
    case 'cli':
      return 'npm run ask -- ';
    case 'console':
      return '';
  }
}

/** Topics as a list of slugs to type, each with its English and Arabic title, and how to ask about one. */
export function topicList(
  topics: readonly TopicSuggestion[],
  platform: AskContext['platform'],
  heading?: string,
): Extract<Part, { type: 'list' }> {
  const prefix = askPrefix(platform);
  const example = topics[0]?.slug ?? 'entry-into-force';
  return {
    type: 'list',
    ...(heading ? { heading } : {}),
    items: topics.map((topic) => ({ code: topic.slug, text: `${topic.title.en} · ${topic.title.ar}` })),
    hint: `Ask about one with \`${prefix}<topic>\`, e.g. \`${prefix}${example}\`.`,
  };
}
