import { describe, expect, it } from 'vitest';
import { FSI, PDI } from '../../adapters/shared/bidi.ts';
import { BLOCK_LIMITS } from '../../adapters/slack/block-limits.ts';
import { renderDigestMessage } from '../../adapters/slack/render-digest.ts';
import { buildDigest } from '../../src/status/digest.ts';
import type { StatusChange } from '../../src/status/snapshot.ts';
import { ratifiers, snapshotOf } from '../status/helpers.ts';

type Block = { type: string; text?: { text: string }; elements?: Array<{ text: string }> };

const snapshot = snapshotOf(ratifiers(12, () => '2026-03-01'));
const digestOf = (changes: StatusChange[]) => buildDigest({ changes, snapshot, since: '2026-11-16T09:00:00.000Z' });
const texts = (blocks: Block[]) => blocks.map((block) => block.text?.text ?? block.elements?.[0]?.text ?? '');

describe('renderDigestMessage', () => {
  it('renders the title, one part per kind of change, the progress, the projection and the "as of" line', () => {
    const { text, blocks } = renderDigestMessage(
      digestOf([
        { participant: 'Cuba', action: 'ratification', date: '2026-03-01' },
        { participant: 'European Union', action: 'approval', date: '2026-03-02' },
        { participant: 'Chile', action: 'signature', date: '2026-03-03' },
        {
          participant: 'Peru',
          action: 'correction',
          previous: 'acceptance 2026-01-02',
          current: 'approval 2026-01-02',
        },
      ]),
    );
    const shown = blocks as Block[];
    expect(shown[0]).toEqual({
      type: 'header',
      text: {
        type: 'plain_text',
        text: 'UN Convention against Cybercrime: ratification update since 2026-11-16 09:00 UTC',
      },
    });
    expect(texts(shown)).toEqual([
      'UN Convention against Cybercrime: ratification update since 2026-11-16 09:00 UTC',
      '*New parties (2)*\n• Cuba ratified on 2026-03-01\n• European Union approved on 2026-03-02 (not counted as additional to its member States, art. 65)',
      '*New signatures (1)*\n• Chile signed on 2026-03-03',
      '*Corrections and withdrawals (1)*\n• Peru: record corrected to approval 2026-01-02 (was acceptance 2026-01-02)',
      '',
      '*Toward entry into force:* ▓▓▓░░░░░░░ 12/40',
      expect.stringMatching(/^28 more instruments .* needed/),
      'as of 2026-11-23 14:00 UTC from treaties.un.org',
    ]);
    expect(shown.at(-1)?.type).toBe('context');
    expect(text).toMatch(/^UN Convention against Cybercrime: ratification update/);
    expect(text).toContain('• Cuba ratified on 2026-03-01');
    expect(text).toContain('Toward entry into force: ▓▓▓░░░░░░░ 12/40');
  });

  it('escapes names from the UN page so they cannot ping, link or format', () => {
    const { text, blocks } = renderDigestMessage(
      digestOf([
        { participant: '<!channel> *Bold* & <https://evil.example|x>', action: 'signature', date: '2026-03-03' },
      ]),
    );
    const json = JSON.stringify({ text, blocks });
    expect(json).not.toMatch(/<!channel>|<https:|\*Bold\*/);
    expect(json).toContain('&lt;!channel&gt; ∗Bold∗ &amp; &lt;https://evil.example|x&gt;');
  });

  it('isolates Latin words and numbers inside Arabic lines', () => {
    const { blocks } = renderDigestMessage(
      digestOf([{ participant: 'دولة فلسطين', action: 'accession', date: '2026-03-04' }]),
    );
    const line = texts(blocks as Block[]).find((each) => each.includes('فلسطين')) ?? '';
    expect(line).toContain(`${FSI}acceded on 2026-03-04${PDI}`);
  });

  it('says so when nothing changed', () => {
    const { text, blocks } = renderDigestMessage(digestOf([]));
    expect(texts(blocks as Block[])).toContain('No changes in the record.');
    expect(text).toContain('No changes in the record.');
  });

  it('stays within Block Kit limits for a huge digest, saying what was left out', () => {
    const changes: StatusChange[] = Array.from({ length: 3000 }, (_, i) => ({
      participant: `${'Very Long Participant Name '.repeat(4)}${i}`,
      action: i % 2 ? 'signature' : 'ratification',
      date: '2026-03-01',
    }));
    const { text, blocks } = renderDigestMessage(digestOf(changes));
    const shown = blocks as Block[];
    expect(shown.length).toBeLessThanOrEqual(BLOCK_LIMITS.blocks);
    expect(text.length).toBeLessThanOrEqual(BLOCK_LIMITS.fallbackText);
    for (const block of shown) {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(BLOCK_LIMITS.sectionText);
    }
    expect(JSON.stringify(shown)).toContain('Some changes were left out');
    // The progress, projection and "as of" are kept whatever is cut.
    expect(texts(shown).at(-1)).toBe('as of 2026-11-23 14:00 UTC from treaties.un.org');
    expect(texts(shown)).toContain('*Toward entry into force:* ▓▓▓░░░░░░░ 12/40');
  });
});
