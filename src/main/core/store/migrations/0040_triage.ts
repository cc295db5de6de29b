import type { Migration } from './types'

/**
 * Triage: the snooze waker asks, on every start and after every change to a conversation, when the
 * next snoozed conversation is due. A partial index holds only the snoozed ones, so that question
 * and the wake-up itself are one index seek however large the inbox, and cost ingest nothing (new
 * conversations are never snoozed).
 */
export const migration0040: Migration = {
  version: 40,
  name: 'triage: snoozed conversations by due time',
  up: `
    CREATE INDEX conversations_snoozed ON conversations(snoozed_until) WHERE status = 'snoozed';
  `,
}
