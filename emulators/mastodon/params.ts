import type { IncomingMessage } from 'node:http'
import { readBody } from '../shared/http'

/** A request's parameters, form-encoded or JSON, as Rails accepts both; form arrays arrive as `key[]`. */
export async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req)
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    try {
      const parsed = JSON.parse(text) as unknown
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {}
    } catch {
      return {}
    }
  }
  return Object.fromEntries(new URLSearchParams(text))
}
