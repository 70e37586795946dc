import { describe, expect, it } from 'vitest';
import { EMBED_LIMITS, embedLength } from '../../adapters/discord/embed-limits.ts';
import { renderDigestMessage } from '../../adapters/discord/render-digest.ts';
import { FSI, PDI } from '../../adapters/shared/bidi.ts';
import type { Digest } from '../../src/status/digest.ts';
import type { StatusChange } from '../../src/status/snapshot.ts';
import { STATUS_PAGE_URL } from '../../src/status/untc-source.ts';

function digestOf(changes: Partial<Digest['groups']>, extra: Partial<Digest> = {}): Digest {
  const groups = { newParties: [], newSignatures: [], corrections: [], ...changes };
  return {
    title: 'UN Convention against Cybercrime: ratification update since 2026-11-16 09:00 UTC',
    groups,
    progress: { counted: 12, needed: 28, bar: '▓▓▓░░░░░░░ 12/40' },
    projection:
      '28 more instruments of ratification, acceptance, approval or accession needed; the Convention enters into force on the 90th day after the 40th (art. 65).',
    asOf: 'as of 2026-11-23 14:00 UTC from treaties.un.org',
    empty: Object.values(groups).every((group) => group.length === 0),
    ...extra,
  };
}

const ratified = (participant: string, date = '2026-03-02'): StatusChange => ({
  participant,
  action: 'ratification',
  date,
});

function expectWithinLimits(message: ReturnType<typeof renderDigestMessage>): void {
  expect(message.embeds.length).toBeLessThanOrEqual(EMBED_LIMITS.embedsPerMessage);
  const total = message.embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  expect(total).toBeLessThanOrEqual(EMBED_LIMITS.charactersPerMessage);
  for (const embed of message.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.title);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.description);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.footerText);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.fields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
      expect(field.value.length).toBeGreaterThan(0);
    }
  }
}

describe('renderDigestMessage', () => {
  it('renders the groups, the count toward 40, the projection and the "as of" footer, pinging nobody', () => {
    const message = renderDigestMessage(
      digestOf({
        newParties: [ratified('Viet Nam'), { participant: 'European Union', action: 'approval', date: '2026-03-05' }],
        newSignatures: [{ participant: 'Chile', action: 'signature', date: '2026-03-01' }],
        corrections: [{ participant: 'Cuba', action: 'withdrawal', previous: 'signature 2025-10-25' }],
      }),
    );

    expect(message.allowedMentions).toEqual({ parse: [] });
    expect(message.embeds).toHaveLength(1);
    expect(message.embeds[0]).toEqual({
      title: 'UN Convention against Cybercrime: ratification update since 2026-11-16 09:00 UTC',
      url: STATUS_PAGE_URL,
      color: 0xf0b232,
      description: [
        '**Toward entry into force:** `▓▓▓░░░░░░░ 12/40`',
        '28 more instruments of ratification, acceptance, approval or accession needed; the Convention enters into force on the 90th day after the 40th (art. 65).',
      ].join('\n'),
      footer: { text: 'as of 2026-11-23 14:00 UTC from treaties.un.org' },
      fields: [
        {
          name: 'New parties (2)',
          value: [
            '• Viet Nam ratified on 2026-03-02',
            '• European Union approved on 2026-03-05 (not counted as additional to its member States, art. 65)',
          ].join('\n'),
        },
        { name: 'New signatures (1)', value: '• Chile signed on 2026-03-01' },
        { name: 'Corrections and withdrawals (1)', value: '• Cuba: signature 2025-10-25 withdrawn' },
      ],
    });
  });

  it('escapes markdown and breaks mentions in names, and isolates a name in Arabic script', () => {
    const message = renderDigestMessage(
      digestOf({ newParties: [ratified('**Bold** @everyone <@&1> _x_'), ratified('دولة فلسطين')] }),
    );
    const value = message.embeds[0]?.fields?.[0]?.value ?? '';

    expect(value).toContain('\\*\\*Bold\\*\\* @\u200Beveryone <\u200B@&1> \\_x\\_ ratified');
    expect(value).toContain(`• ${FSI}دولة فلسطين${PDI} ratified on 2026-03-02`);
  });

  it('says when nothing changed', () => {
    const message = renderDigestMessage(digestOf({}));

    expect(message.embeds[0]?.fields).toBeUndefined();
    expect(message.embeds[0]?.description).toMatch(/^No changes in the record\.\n\n\*\*Toward entry into force/);
  });

  it('splits a long group over fields and keeps a huge digest inside one message with "… and N more"', () => {
    const many = (count: number, prefix: string) =>
      Array.from({ length: count }, (_, i) => ratified(`${prefix} Republic of Somewhere Quite Far Away ${i}`));
    const medium = renderDigestMessage(digestOf({ newParties: many(40, 'State') }));
    const names = medium.embeds[0]?.fields?.map((field) => field.name) ?? [];
    expect(names[0]).toBe('New parties (40)');
    expect(names.slice(1).every((name) => name === 'New parties (continued)')).toBe(true);
    expect(names.length).toBeGreaterThan(1);
    expect(medium.embeds[0]?.fields?.map((field) => field.value).join('\n')).not.toContain('more');
    expectWithinLimits(medium);

    const huge = renderDigestMessage(
      digestOf({
        newParties: many(300, 'State'),
        newSignatures: many(300, 'Signatory').map((change) => ({ ...change, action: 'signature' as const })),
        corrections: [{ participant: 'Cuba', action: 'withdrawal', previous: 'signature 2025-10-25' }],
      }),
    );
    expectWithinLimits(huge);
    const text = huge.embeds[0]?.fields?.map((field) => field.value).join('\n') ?? '';
    expect(text).toMatch(/… and \d+ more/);
    expect(text).toContain('Cuba: signature');
    expect(huge.embeds[0]?.footer?.text).toBe('as of 2026-11-23 14:00 UTC from treaties.un.org');
  });
});
