/** Where the UN Treaty Collection publishes the status of the convention (entry XVIII-16). */

/** The machine-readable status the tracker polls (override with STATUS_SOURCE_URL, e.g. a `file://` copy). */
export const DEFAULT_STATUS_URL =
  'https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml';

/** The human-readable status page, for people who want to check the record themselves. */
export const STATUS_PAGE_URL =
  'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-16&chapter=18&clang=_en';
