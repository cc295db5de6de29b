/**
 * Message ids are partitioned by workspace: id = workspace_id · 2^WORKSPACE_SHIFT + n. Rowids order the
 * full-text index, so one workspace's messages form one range the index can seek into, and "newest
 * first" within a workspace is still descending id. 2^32 messages per workspace and 2^21 workspaces
 * stay below 2^53, so every id is exact as a JavaScript number.
 */
const WORKSPACE_SHIFT = 32
const SPAN = 2 ** WORKSPACE_SHIFT

export interface IdRange {
  /** Inclusive. */
  first: number
  /** Inclusive. */
  last: number
}

export const messageIdRange = (workspaceId: number): IdRange => ({
  first: workspaceId * SPAN,
  last: (workspaceId + 1) * SPAN - 1,
})
