/**
 * The ratification status of the convention (UN Treaty Collection entry XVIII-16) as the bot records it.
 * Shared by the status source (fetch + parse), the store, the digests and the `/treaty status` reply.
 */

/** How a participant consented to be bound (art. 65: all but signature and succession count toward 40). */
export type ConsentKind = 'ratification' | 'acceptance' | 'approval' | 'accession' | 'succession';

/** An ISO calendar date, `YYYY-MM-DD` (UN dates carry no time of day). */
export type IsoDate = string;

export interface Participant {
  /** The participant's name as published, without footnote markers (e.g. `Cuba`, `European Union`). */
  name: string;
  /** Footnote numbers attached to the name (`Cuba<superscript>3</superscript>` → `['3']`). */
  footnotes: string[];
  /** Date of signature, if signed. */
  signature?: IsoDate;
  /** Date and kind of the consent to be bound, if deposited. */
  consent?: { date: IsoDate; kind: ConsentKind };
  /** True for a regional economic integration organization (the European Union): not counted toward 40. */
  regionalOrganization: boolean;
}

/** One good fetch of the status page, parsed and checked. */
export interface StatusSnapshot {
  /** Where it came from (URL or file path), for "as of … from …" lines. */
  source: string;
  /** When the bot fetched it (ISO timestamp). */
  fetchedAt: string;
  participants: Participant[];
  /** Header figures as published, when present (`Status/Signatories`, `Status/Parties`). */
  published: { signatories?: number; parties?: number; entryIntoForce?: string };
  /**
   * Records this fetch lacked but the snapshot still carries from the previous one, until a second fetch
   * confirms they are gone (`holdLosses`). Absent when nothing is held.
   */
  held?: HeldRecord[];
}

/** A signature or consent missing from one fetch, kept until the next good fetch says whether it is really gone. */
export interface HeldRecord {
  participant: string;
  record: 'signature' | 'consent';
}

/** What changed for one participant between two snapshots. */
export interface StatusChange {
  participant: string;
  action: 'signature' | ConsentKind | 'withdrawal' | 'correction';
  /** Date of the action as published (the signature or consent date), when there is one. */
  date?: IsoDate;
  /** For a correction: what the earlier snapshot said. */
  previous?: string;
  /**
   * For a correction: what the later snapshot says, in the same words as `previous` (e.g. `acceptance 2026-03-02`).
   * Kept on the change because a digest may be rendered long after, against a snapshot that has moved on.
   */
  current?: string;
}
