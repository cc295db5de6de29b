import { z } from 'zod'

/** Connection settings of one mail account (stored in account_settings); never the secret itself. */
export const EmailSettings = z.object({
  imap: z.object({
    host: z.string().min(1),
    port: z.number().int().positive(),
    /** Implicit TLS (993). With secure=false, starttls decides whether STARTTLS is required. */
    secure: z.boolean(),
    starttls: z.boolean().default(true),
    user: z.string().min(1),
  }),
  smtp: z.object({
    host: z.string().min(1),
    port: z.number().int().positive(),
    secure: z.boolean(),
    starttls: z.boolean().default(true),
    /** Defaults to the IMAP user. */
    user: z.string().optional(),
  }),
  /** The address replies are sent from; also what marks a mail as ours. */
  address: z.string().email(),
  /** Further addresses of the shop (aliases), lower-cased. */
  aliases: z.array(z.string()).default([]),
  /** Folders to sync; default INBOX and the \Sent special-use folder. */
  folders: z.array(z.string()).optional(),
})
export type EmailSettings = z.infer<typeof EmailSettings>

/** Exactly one of password or an XOAUTH2 access token, read from the secret store when needed. */
export type EmailCredentials = { password: string } | { accessToken: string }

/** Per-folder state saved as the stream's cursor. */
export interface FolderCursor {
  uidValidity: string
  uidNext: number
  highestModseq: string | null
}

export function encodeFolderCursor(cursor: FolderCursor): string {
  return JSON.stringify(cursor)
}

export function decodeFolderCursor(value: string | undefined): FolderCursor | null {
  if (!value) return null
  try {
    const parsed = JSON.parse(value) as Partial<FolderCursor>
    if (typeof parsed.uidValidity !== 'string' || typeof parsed.uidNext !== 'number') return null
    return { uidValidity: parsed.uidValidity, uidNext: parsed.uidNext, highestModseq: parsed.highestModseq ?? null }
  } catch {
    // A cursor we cannot read is a cursor we don't have: the folder is synced from the start.
    return null
  }
}
