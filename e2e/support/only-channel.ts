import { expect } from '@playwright/test'
import type { InboxPage } from './inbox-page'

/**
 * Filters the inbox to one channel and waits until the rows show only it: the old rows stay on
 * screen until the filtered page arrives, so "the first row" means nothing before that. Filtering to
 * email also keeps the live demo's X and Facebook traffic from pushing new rows in above.
 */
export async function onlyChannel(inbox: InboxPage, channel: 'Email' | 'Facebook' | 'X'): Promise<void> {
  await inbox.filterChannel(channel)
  await expect(inbox.channelBadges(channel).first()).toBeVisible()
  for (const other of (['Email', 'Facebook', 'X'] as const).filter((c) => c !== channel)) {
    await expect(inbox.channelBadges(other)).toHaveCount(0)
  }
}
