import { z } from 'zod';
import type { ConsentKind, Participant, StatusSnapshot } from './snapshot.ts';
import { isIsoDate } from './untc-date.ts';

/**
 * The shape a snapshot must have before anything downstream sees it. The parser checks its own output with it,
 * and a store may check what it reads back.
 */

export const CONSENT_KINDS = [
  'ratification',
  'acceptance',
  'approval',
  'accession',
  'succession',
] as const satisfies readonly ConsentKind[];

const isoDate = z.string().refine(isIsoDate, 'must be a calendar date YYYY-MM-DD');

const participantSchema: z.ZodType<Participant> = z.object({
  name: z.string().min(1, 'must not be empty'),
  footnotes: z.array(z.string().min(1)),
  signature: isoDate.optional(),
  consent: z.object({ date: isoDate, kind: z.enum(CONSENT_KINDS) }).optional(),
  regionalOrganization: z.boolean(),
});

export const statusSnapshotSchema: z.ZodType<StatusSnapshot> = z.object({
  source: z.string().min(1),
  fetchedAt: z.string().datetime(),
  participants: z.array(participantSchema).superRefine((participants, context) => {
    // Changes are keyed by name: a name listed twice would make every diff ambiguous.
    const seen = new Set<string>();
    for (const { name } of participants) {
      if (seen.has(name)) context.addIssue({ code: z.ZodIssueCode.custom, message: `${name} is listed twice` });
      seen.add(name);
    }
  }),
  published: z.object({
    signatories: z.number().int().nonnegative().optional(),
    parties: z.number().int().nonnegative().optional(),
    entryIntoForce: z.string().optional(),
  }),
  held: z.array(z.object({ participant: z.string().min(1), record: z.enum(['signature', 'consent']) })).optional(),
});

/** The first problem zod found, as one line: `participants.3.signature: must be a calendar date YYYY-MM-DD`. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid snapshot';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
