/**
 * Block Kit limits Slack enforces (https://docs.slack.dev/reference/block-kit/blocks). A message over any of
 * them is rejected with `invalid_blocks`, so the renderer splits or trims to stay under every one.
 */
export const BLOCK_LIMITS = {
  /** Blocks in one message. */
  blocks: 50,
  /** Characters in a section's text. */
  sectionText: 3000,
  /** Characters in a header's plain_text. */
  headerText: 150,
  /** Elements in a context block. */
  contextElements: 10,
  /** Characters in one context element's text (the general text-object limit). */
  contextText: 3000,
  /** Characters in a button's label. */
  buttonText: 75,
  /** Characters in a button's value. */
  buttonValue: 2000,
  /** Characters in an image block's `alt_text`. */
  imageAltText: 2000,
  /**
   * Characters of the top-level `text` fallback we send. Slack accepts far more (it truncates at 40 000),
   * but the fallback only feeds notifications and screen readers, so it stays short.
   */
  fallbackText: 3000,
} as const;
