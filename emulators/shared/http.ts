import type { IncomingMessage, ServerResponse, Server } from 'node:http'

/** Misbehaviour a test scripts for the next N requests on one route (or '*' for every route). */
export type Fault =
  /** X: `form` picks the documented `{errors:[{code:88}]}` body or the Problem body seen in the wild. */
  | { kind: 'rate-limit'; form?: 'code88' | 'problem'; resetInSeconds?: number; fbCode?: number; regainMinutes?: number }
  | { kind: 'server-error'; status?: number }
  | { kind: 'delay'; ms: number }
  | { kind: 'malformed' }
  | { kind: 'expired-token' }
  | { kind: 'revoked-permission' }
  /** The connection drops without an answer, as when the provider cannot be reached. */
  | { kind: 'unreachable' }

export interface RequestLogEntry {
  route: string
  method: string
  path: string
  /** Emulator clock at arrival (epoch ms). */
  at: number
}

/** Faults scripted per route; each one is used by exactly one request. An emulator may add kinds of its own. */
export class FaultScript<F extends { kind: string } = Fault> {
  private readonly queues = new Map<string, F[]>()

  add(route: string, fault: F, times = 1): void {
    const queue = this.queues.get(route) ?? []
    for (let i = 0; i < times; i++) queue.push(fault)
    this.queues.set(route, queue)
  }

  /** The next fault for this route, a route-specific one before a '*' one. */
  take(route: string): F | null {
    for (const key of [route, '*']) {
      const queue = this.queues.get(key)
      const fault = queue?.shift()
      if (fault) return fault
    }
    return null
  }

  clear(): void {
    this.queues.clear()
  }
}

/** A fixed 15-minute window per route, as X counts requests. */
export class RateWindows {
  private readonly windows = new Map<string, { remaining: number; resetAt: number }>()

  constructor(
    private readonly now: () => number,
    private readonly limits: Record<string, number>,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Counts one request; returns the headers' values and whether the request is over the limit. */
  consume(route: string): { limit: number; remaining: number; resetAt: number; exceeded: boolean } {
    const limit = this.limits[route] ?? 1_000_000
    const now = this.now()
    let window = this.windows.get(route)
    if (!window || window.resetAt <= now) {
      window = { remaining: limit, resetAt: now + this.windowMs }
      this.windows.set(route, window)
    }
    const exceeded = window.remaining <= 0
    if (!exceeded) window.remaining--
    return { limit, remaining: window.remaining, resetAt: window.resetAt, exceeded }
  }

  setLimit(route: string, limit: number): void {
    this.limits[route] = limit
    this.windows.delete(route)
  }
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

/** Half a JSON document: what a proxy cutting a response short delivers. */
export function sendMalformed(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end('{"data":[{"id":"1","text":"abgeschnitten')
}

/** What a client sees of a provider it cannot reach: the connection closes before any answer. */
export function dropConnection(req: IncomingMessage): void {
  req.socket.destroy()
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function listen(server: Server, port: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('emulator: no TCP address')
  return `http://127.0.0.1:${address.port}`
}

export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  return match?.[1] ?? null
}

export const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
