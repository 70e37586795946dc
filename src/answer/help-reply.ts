import { emptyReply, type HelpLine, type Language, type Reply, type TopicSuggestion } from './reply.ts';

const COMMANDS: HelpLine[] = [
  { command: '<question>', description: 'Ask anything about the convention, in Arabic or English.' },
  { command: '<topic>', description: 'Read what the sources say on a topic, e.g. entry-into-force.' },
  { command: 'topics', description: 'List the topics.' },
  { command: 'status', description: 'Signatures and ratifications so far.' },
  { command: 'help', description: 'Show this help.' },
];

/** What the bot does and how to ask it. */
export function helpReply(query: string, lang: Language, examples: TopicSuggestion[]): Reply {
  return {
    ...emptyReply('help', query, lang, 'Treaty bot: the UN Convention against Cybercrime'),
    help: COMMANDS,
    suggestions: examples,
    notices: [
      'Answers quote the Arabic source documents word for word and cite each excerpt; nothing is invented.',
      'مثال: متى تدخل الاتفاقية حيز النفاذ؟ · Example: which article covers extradition?',
    ],
  };
}

/** Every topic, for `topics`. */
export function topicsReply(query: string, lang: Language, topics: TopicSuggestion[]): Reply {
  return { ...emptyReply('topics', query, lang, 'Topics'), suggestions: topics };
}
