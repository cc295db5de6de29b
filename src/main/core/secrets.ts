import fs from 'node:fs'
import path from 'node:path'

/**
 * Where account credentials live. They never enter SQLite, the audit log or any log line.
 * The desktop shell supplies a store backed by the OS keychain (Electron safeStorage); the CLI and
 * the web host use the file store below.
 */
export interface SecretStore {
  get(ref: string): string | null
  set(ref: string, value: string): void
  delete(ref: string): void
}

/** A secret's reference for an account: one account can hold several (password, token, refresh token). */
export const secretRef = (accountId: number, name: string): string => `account:${accountId}:${name}`

/** Turns secrets into bytes at rest and back; the desktop passes safeStorage, others store them as they are. */
export interface SecretCodec {
  encode(value: string): Buffer
  decode(data: Buffer): string
  /** Named in the file so a store written by one codec is never misread by another. */
  readonly name: string
}

export const plainCodec: SecretCodec = {
  name: 'plain',
  encode: (value) => Buffer.from(value, 'utf8'),
  decode: (data) => data.toString('utf8'),
}

/**
 * Secrets in `<dataDir>/secrets.json`, readable by the owner only (0600), written atomically
 * (temp file + rename) so a crash never leaves half a file.
 */
export function fileSecretStore(dataDir: string, codec: SecretCodec = plainCodec): SecretStore {
  const file = path.join(dataDir, 'secrets.json')
  const load = (): Record<string, string> => {
    if (!fs.existsSync(file)) return {}
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { codec?: string; entries?: Record<string, string> }
    if (parsed.codec !== codec.name) {
      throw new Error(`${file} was written with the "${parsed.codec}" secret store; this host uses "${codec.name}".`)
    }
    return parsed.entries ?? {}
  }
  const save = (entries: Record<string, string>) => {
    const temp = `${file}.${process.pid}.tmp`
    fs.writeFileSync(temp, JSON.stringify({ codec: codec.name, entries }), { mode: 0o600 })
    fs.renameSync(temp, file)
  }
  return {
    get: (ref) => {
      const stored = load()[ref]
      return stored === undefined ? null : codec.decode(Buffer.from(stored, 'base64'))
    },
    set: (ref, value) => save({ ...load(), [ref]: codec.encode(value).toString('base64') }),
    delete: (ref) => {
      const entries = load()
      delete entries[ref]
      save(entries)
    },
  }
}
