import type { Db } from './db'

/** Every statement ingest runs, prepared once per ingestor. */
export function prepareIngestStatements(db: Db) {
  return {
    account: db.prepare('SELECT workspace_id, channel, display_name FROM accounts WHERE id = ?'),
    // A batch's people in one statement: one look-up each cost more than its index search. CROSS JOIN
    // keeps the list outside (SQLite's planner otherwise scans the workspace's identities for each).
    findIdentities: db.prepare(
      `SELECT i.id, i.contact_id, i.handle, i.display_name, i.followers, i.external_id
       FROM json_each(@ids) j CROSS JOIN identities i
       ON i.workspace_id = @workspaceId AND i.channel = @channel AND i.external_id = j.value`,
    ),
    updateIdentity: db.prepare('UPDATE identities SET handle = ?, display_name = ?, followers = ? WHERE id = ?'),
    // Ids given here, in order, are the ones SQLite would give (max + 1 onwards): the writer holds the lock.
    nextContactId: db.prepare('SELECT coalesce(max(id), 0) + 1 FROM contacts').pluck(),
    nextIdentityId: db.prepare('SELECT coalesce(max(id), 0) + 1 FROM identities').pluck(),
    // One statement for all of a batch's new people: see createNewPeople in ingest.ts.
    insertContacts: db.prepare(
      `INSERT INTO contacts (id, workspace_id, display_name, created_at)
       SELECT value ->> '$.contactId', @workspaceId, value ->> '$.displayName', @now FROM json_each(@people)`,
    ),
    insertIdentities: db.prepare(
      `INSERT INTO identities (id, workspace_id, contact_id, channel, external_id, handle, display_name, followers)
       SELECT value ->> '$.id', @workspaceId, value ->> '$.contactId', @channel, value ->> '$.externalId',
              value ->> '$.handle', value ->> '$.displayName', value ->> '$.followers'
       FROM json_each(@people)`,
    ),
    findConversation: db.prepare('SELECT id FROM conversations WHERE account_id = ? AND external_id = ?'),
    messageExists: db.prepare('SELECT 1 FROM messages WHERE account_id = ? AND external_id = ?').pluck(),
    // A new conversation starts with its first message already counted (or with nothing, see ingest.ts).
    insertConversation: db.prepare(
      `INSERT INTO conversations (workspace_id, account_id, channel, external_id, contact_id, visibility, subject, last_message_at,
         message_count, snippet, sentiment, sentiment_label, last_inbound_at, last_outbound_at, first_customer_message_at)
       VALUES (@workspaceId, @accountId, @channel, @externalId, @contactId, @visibility, @subject, @lastMessageAt,
         @count, @snippet, @sentiment, @sentimentLabel, @lastInboundAt, @lastOutboundAt, @firstCustomerMessageAt)`,
    ),
    // New messages are the common case: try the insert and fall back to an update on conflict.
    insertMessage: db.prepare(
      `INSERT INTO messages (id, workspace_id, account_id, conversation_id, contact_id, external_id, direction,
         author_identity_id, author_name, subject, body_text, body_html, in_reply_to, sent_at, raw,
         sentiment, sentiment_label, listen_query_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id, external_id) DO NOTHING`,
    ),
    // The WHERE keeps a replay from touching the full-text index.
    updateMessage: db.prepare(
      `UPDATE messages SET subject = @subject, body_text = @bodyText, body_html = @bodyHtml, author_name = @authorName,
         sentiment = @sentiment, sentiment_label = @sentimentLabel
       WHERE account_id = @accountId AND external_id = @externalId
         AND (subject IS NOT @subject OR body_text IS NOT @bodyText
              OR body_html IS NOT @bodyHtml OR author_name IS NOT @authorName)`,
    ),
    linkListenQuery: db.prepare(
      'UPDATE messages SET listen_query_id = ? WHERE account_id = ? AND external_id = ? AND listen_query_id IS NULL',
    ),
    // An edit may change the mood of the customer's latest message, which the conversation shows.
    refreshConversationMood: db.prepare(
      `UPDATE conversations SET (sentiment, sentiment_label) = (
         SELECT m.sentiment, m.sentiment_label FROM messages m
         WHERE m.conversation_id = conversations.id AND m.direction = 'in' ORDER BY m.sent_at DESC, m.id DESC LIMIT 1)
       WHERE id = ?`,
    ),
    reopenOnNewer: db.prepare(
      `UPDATE conversations SET status = 'open', snoozed_until = NULL
       WHERE id = @id AND status IN ('done', 'snoozed') AND @sentAt > last_message_at`,
    ),
    // A batch's messages are folded into the stored aggregates (min, max and sum don't care about
    // arrival order). SET expressions read the row's old values, which is what the CASEs rely on.
    // The first reply is looked up again: an older customer message can make an earlier reply count.
    addToConversation: db.prepare(
      `UPDATE conversations SET
         message_count = message_count + @count,
         last_message_at = max(last_message_at, @maxAt),
         snippet = CASE WHEN @maxAt >= last_message_at THEN @snippet ELSE snippet END,
         sentiment = CASE WHEN @maxIn >= coalesce(last_inbound_at, @maxIn) THEN @sentiment ELSE sentiment END,
         sentiment_label = CASE WHEN @maxIn >= coalesce(last_inbound_at, @maxIn) THEN @sentimentLabel ELSE sentiment_label END,
         last_inbound_at = coalesce(max(last_inbound_at, @maxIn), last_inbound_at, @maxIn),
         last_outbound_at = coalesce(max(last_outbound_at, @maxOut), last_outbound_at, @maxOut),
         first_customer_message_at = coalesce(min(first_customer_message_at, @minIn), first_customer_message_at, @minIn),
         first_reply_at = (
           SELECT min(o.sent_at) FROM messages o
           WHERE o.conversation_id = @id AND o.direction = 'out'
             AND o.sent_at >= coalesce(min(conversations.first_customer_message_at, @minIn),
                                       conversations.first_customer_message_at, @minIn))
       WHERE id = @id`,
    ),
    lastMessageId: db
      .prepare('SELECT coalesce(max(id), @first - 1) FROM messages WHERE id BETWEEN @first AND @last')
      .pluck(),
    // A batch's new rows take the ids after the workspace's highest (single writer), so they are
    // exactly the rows of its range above the maximum taken when it began.
    indexNewMessages: db.prepare(
      `INSERT INTO messages_fts (rowid, subject, body_text, author_name)
       SELECT id, subject, body_text, author_name FROM messages WHERE id > @after AND id <= @last`,
    ),
    saveCursor: db.prepare(
      `INSERT INTO sync_cursors (account_id, stream, cursor, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (account_id, stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
    ),
  }
}

export type IngestStatements = ReturnType<typeof prepareIngestStatements>
