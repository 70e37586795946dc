import type { AskContext } from './ask-context.ts';
import type { ListItem, Reply, TopicSuggestion } from './reply.ts';
import { askPrefix, topicList } from './topic-list.ts';

const COMMANDS: ReadonlyArray<readonly [command: string, description: string]> = [
  ['<question>', 'Ask anything about the convention, in Arabic or English.'],
  ['<topic>', 'Read what the sources say on a topic, e.g. entry-into-force.'],
  ['topics', 'List the topics.'],
  ['status', 'Signatures and ratifications so far.'],
  ['help', 'Show this help.'],
];
/** Only in a channel of a chat platform: digests belong to one. */
const CHANNEL_COMMANDS: ReadonlyArray<readonly [command: string, description: string]> = [
  ['subscribe [daily|weekly|<cron>] [time zone]', 'Post a digest of ratification changes in this channel.'],
  ['unsubscribe', 'Stop the digests in this channel.'],
];

/** What the bot does and how to ask it, in the words of the asker's surface. */
export function helpReply(
  query: string,
  lang: Reply['lang'],
  examples: readonly TopicSuggestion[],
  platform: AskContext['platform'],
): Reply {
  // Slack users type the whole command; on Discord the heading says how, and the console takes words alone.
  const prefix = platform === 'slack' ? askPrefix(platform) : '';
  const commands = platform === 'slack' || platform === 'discord' ? [...COMMANDS, ...CHANNEL_COMMANDS] : COMMANDS;
  const items: ListItem[] = commands.map(([command, text]) => ({ code: `${prefix}${command}`, text }));
  return {
    kind: 'help',
    lang,
    query,
    parts: [
      { type: 'heading', text: 'Treaty bot: the UN Convention against Cybercrime' },
      {
        type: 'list',
        heading: platform === 'discord' ? 'Ask with `/treaty query:` or by mentioning me' : 'Commands',
        items,
      },
      topicList(examples, platform, 'Topics, for example'),
      {
        type: 'note',
        text: 'Answers quote the Arabic source documents word for word and cite each excerpt; nothing is invented.',
        aside: true,
      },
      {
        type: 'note',
        text: 'مثال: متى تدخل الاتفاقية حيز النفاذ؟ · Example: which article covers extradition?',
        aside: true,
      },
    ],
    actions: [],
  };
}

/** Every topic, for `topics`. */
export function topicsReply(
  query: string,
  lang: Reply['lang'],
  topics: readonly TopicSuggestion[],
  platform: AskContext['platform'],
): Reply {
  return {
    kind: 'topics',
    lang,
    query,
    parts: [{ type: 'heading', text: 'Topics' }, topicList(topics, platform)],
    actions: [],
  };
}
