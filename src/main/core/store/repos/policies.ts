import type { SlaPolicy } from '../../../../shared/commands/policy'
import { defaultPolicy } from '../../insight/sla-policy'
import type { Db } from '../db'

interface PolicyRow {
  time_zone: string
  first_reply_minutes: number
  next_reply_minutes: number
  due_soon_minutes: number
  realtime_enabled: number
  realtime_start_minute: number
  realtime_end_minute: number
  realtime_reply_minutes: number
  reach_alert_followers: number
}

/** A workspace's response-time policy: what it saved, or the defaults if it never saved one. */
export function getPolicy(db: Db, workspaceId: number): SlaPolicy {
  const row = db.prepare('SELECT * FROM sla_policies WHERE workspace_id = ?').get(workspaceId) as PolicyRow | undefined
  if (!row) return defaultPolicy()
  const businessHours = db
    .prepare(
      `SELECT weekday, start_minute AS startMinute, end_minute AS endMinute
       FROM sla_business_hours WHERE workspace_id = ? ORDER BY weekday`,
    )
    .all(workspaceId) as SlaPolicy['businessHours']
  const holidays = db
    .prepare('SELECT day FROM sla_holidays WHERE workspace_id = ? ORDER BY day')
    .pluck()
    .all(workspaceId) as string[]
  return {
    timeZone: row.time_zone,
    businessHours,
    holidays,
    firstReplyMinutes: row.first_reply_minutes,
    nextReplyMinutes: row.next_reply_minutes,
    dueSoonMinutes: row.due_soon_minutes,
    realtime: {
      enabled: row.realtime_enabled === 1,
      startMinute: row.realtime_start_minute,
      endMinute: row.realtime_end_minute,
      replyMinutes: row.realtime_reply_minutes,
    },
    reachAlertFollowers: row.reach_alert_followers,
  }
}

/** Replaces a workspace's policy (call inside the transaction that audits it). */
export function savePolicy(db: Db, workspaceId: number, policy: SlaPolicy, now = Date.now()): void {
  db.prepare(
    `INSERT INTO sla_policies (workspace_id, time_zone, first_reply_minutes, next_reply_minutes, due_soon_minutes,
       realtime_enabled, realtime_start_minute, realtime_end_minute, realtime_reply_minutes, reach_alert_followers, updated_at)
     VALUES (@workspaceId, @timeZone, @firstReplyMinutes, @nextReplyMinutes, @dueSoonMinutes,
       @realtimeEnabled, @realtimeStart, @realtimeEnd, @realtimeReply, @reachAlertFollowers, @now)
     ON CONFLICT (workspace_id) DO UPDATE SET
       time_zone = excluded.time_zone, first_reply_minutes = excluded.first_reply_minutes,
       next_reply_minutes = excluded.next_reply_minutes, due_soon_minutes = excluded.due_soon_minutes,
       realtime_enabled = excluded.realtime_enabled, realtime_start_minute = excluded.realtime_start_minute,
       realtime_end_minute = excluded.realtime_end_minute, realtime_reply_minutes = excluded.realtime_reply_minutes,
       reach_alert_followers = excluded.reach_alert_followers, updated_at = excluded.updated_at`,
  ).run({
    workspaceId,
    timeZone: policy.timeZone,
    firstReplyMinutes: policy.firstReplyMinutes,
    nextReplyMinutes: policy.nextReplyMinutes,
    dueSoonMinutes: policy.dueSoonMinutes,
    realtimeEnabled: policy.realtime.enabled ? 1 : 0,
    realtimeStart: policy.realtime.startMinute,
    realtimeEnd: policy.realtime.endMinute,
    realtimeReply: policy.realtime.replyMinutes,
    reachAlertFollowers: policy.reachAlertFollowers,
    now,
  })
  db.prepare('DELETE FROM sla_business_hours WHERE workspace_id = ?').run(workspaceId)
  const addHours = db.prepare('INSERT INTO sla_business_hours VALUES (?, ?, ?, ?)')
  for (const h of policy.businessHours) addHours.run(workspaceId, h.weekday, h.startMinute, h.endMinute)
  db.prepare('DELETE FROM sla_holidays WHERE workspace_id = ?').run(workspaceId)
  const addHoliday = db.prepare('INSERT INTO sla_holidays VALUES (?, ?)')
  for (const day of new Set(policy.holidays)) addHoliday.run(workspaceId, day)
}
