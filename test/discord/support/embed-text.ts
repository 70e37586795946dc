/** A posted message body: its embeds at the top (channel messages, follow-ups) or under `data` (callbacks). */
interface PostedBody {
  embeds?: PostedEmbed[];
  data?: { embeds?: PostedEmbed[] };
}

interface PostedEmbed {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
}

/** All the text of a message's embeds (titles, descriptions, field names and values), one per line. */
export function embedText(body: PostedBody | undefined): string {
  return (body?.embeds ?? body?.data?.embeds ?? [])
    .flatMap((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    ])
    .join('\n');
}
