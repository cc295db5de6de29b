import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileSecretStore, secretRef, type SecretCodec } from './secrets'

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-secrets-'))

describe('file secret store', () => {
  it('keeps secrets owner-readable only and survives a reopen', () => {
    const dir = tempDir()
    const store = fileSecretStore(dir)
    store.set(secretRef(1, 'password'), 'geheim')
    expect(fileSecretStore(dir).get(secretRef(1, 'password'))).toBe('geheim')
    expect(fs.statSync(path.join(dir, 'secrets.json')).mode & 0o777).toBe(0o600)
    store.delete(secretRef(1, 'password'))
    expect(store.get(secretRef(1, 'password'))).toBeNull()
  })

  it('stores through the codec and refuses a file from another codec', () => {
    const dir = tempDir()
    const reversed: SecretCodec = {
      name: 'reversed',
      encode: (v) => Buffer.from([...v].reverse().join('')),
      decode: (d) => [...d.toString()].reverse().join(''),
    }
    fileSecretStore(dir, reversed).set('k', 'token-123')
    expect(fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8')).not.toContain(Buffer.from('token-123').toString('base64'))
    expect(fileSecretStore(dir, reversed).get('k')).toBe('token-123')
    expect(() => fileSecretStore(dir).get('k')).toThrow(/reversed/)
  })
})
