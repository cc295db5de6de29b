import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventMap, EventName } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import { CONTENT_SECURITY_POLICY } from '../security/csp'
import { MAX_BODY_BYTES, startWebHost, type WebCore, type WebHost } from './server'

/** A core stand-in: echoes each command and lets the test emit events. */
function fakeCore() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const calls: { name: string; arg: unknown }[] = []
  const core: WebCore = {
    async invoke(name: string, arg: unknown): Promise<Result<unknown>> {
      calls.push({ name, arg })
      return { ok: true, value: { echo: name, arg } }
    },
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      const wrapped = listener as (payload: unknown) => void
      set.add(wrapped)
      return () => set.delete(wrapped)
    },
  }
  const emit = <E extends EventName>(event: E, payload: EventMap[E]): void => {
    for (const listener of listeners.get(event) ?? []) listener(payload)
  }
  const listenerCount = (): number => [...listeners.values()].reduce((n, s) => n + s.size, 0)
  return { core, calls, emit, listenerCount }
}

interface Reply {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
}

interface Call {
  method?: string
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
}

let host: WebHost
let fake: ReturnType<typeof fakeCore>
let tmp: string

function request(call: Call): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: call.method ?? 'GET',
        path: call.path,
        headers: { Host: `127.0.0.1:${host.port}`, ...call.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        )
      },
    )
    req.on('error', reject)
    req.end(call.body)
  })
}

const bearer = (): Record<string, string> => ({ Authorization: `Bearer ${host.token}` })

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'earshot-web-'))
  const staticDir = path.join(tmp, 'static')
  fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Earshot</title>')
  fs.writeFileSync(path.join(staticDir, 'assets', 'x.js'), 'console.log(1)')
  fs.writeFileSync(path.join(tmp, 'package.json'), '{"secret":true}')
  fake = fakeCore()
  host = await startWebHost({ core: fake.core, staticDir, port: 0 })
})

afterAll(async () => {
  await host.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

describe('web host: who may talk to it', () => {
  it('refuses every path without the token', async () => {
    for (const [method, p] of [
      ['GET', '/'],
      ['POST', '/api/app:info'],
      ['GET', '/assets/x.js'],
      ['GET', '/events'],
    ] as const) {
      const reply = await request({ method, path: p })
      expect(reply.status, `${method} ${p}`).toBe(401)
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'AUTH' } })
    }
    expect(fake.calls).toHaveLength(0)
  })

  it('refuses a wrong token', async () => {
    const reply = await request({ path: '/', headers: { Authorization: 'Bearer nope' } })
    expect(reply.status).toBe(401)
    expect((await request({ path: '/?token=nope' })).status).toBe(401)
  })

  it('refuses a foreign Host even with the token (DNS rebinding)', async () => {
    const reply = await request({ path: '/', headers: { ...bearer(), Host: 'evil.example' } })
    expect(reply.status).toBe(403)
    const sameIpOtherPort = await request({ path: '/', headers: { ...bearer(), Host: '127.0.0.1:1' } })
    expect(sameIpOtherPort.status).toBe(403)
  })

  it('refuses a foreign or null Origin even with the token', async () => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${host.port}.evil.example`]) {
      const reply = await request({ method: 'POST', path: '/api/app:info', headers: { ...bearer(), Origin: origin } })
      expect(reply.status, origin).toBe(403)
    }
    const own = await request({
      method: 'POST',
      path: '/api/app:info',
      headers: { ...bearer(), Origin: `http://localhost:${host.port}`, Host: `localhost:${host.port}` },
    })
    expect(own.status).toBe(200)
  })

  it('trades ?token= for an HttpOnly cookie and a redirect to /', async () => {
    const reply = await request({ path: `/?token=${host.token}` })
    expect(reply.status).toBe(303)
    expect(reply.headers.location).toBe('/')
    const cookie = reply.headers['set-cookie']?.[0] ?? ''
    expect(cookie).toContain(`earshot_token=${host.token}`)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).toMatch(/Path=\//)

    const page = await request({ path: '/', headers: { Cookie: `other=1; earshot_token=${host.token}` } })
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.body).toContain('<title>Earshot</title>')
  })

  it('listens on 127.0.0.1 only', async () => {
    expect(new URL(host.url).hostname).toBe('127.0.0.1')
    // All of 127/8 is loopback on Linux: a server bound to 0.0.0.0 would accept 127.0.0.2 too.
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.2', port: host.port })
      socket.on('connect', () => {
        socket.destroy()
        resolve(false)
      })
      socket.on('error', () => resolve(true))
    })
    expect(refused).toBe(true)
  })
})

describe('web host: commands', () => {
  it('passes the JSON body to core.invoke and answers with the Result (bearer or cookie)', async () => {
    const arg = { workspaceId: 3, query: 'refund' }
    const reply = await request({
      method: 'POST',
      path: '/api/search:query',
      headers: bearer(),
      body: JSON.stringify(arg),
    })
    expect(reply.status).toBe(200)
    expect(reply.headers['cache-control']).toBe('no-store')
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { echo: 'search:query', arg } })

    const viaCookie = await request({
      method: 'POST',
      path: '/api/app:info',
      headers: { Cookie: `earshot_token=${host.token}` },
    })
    expect(JSON.parse(viaCookie.body)).toEqual({ ok: true, value: { echo: 'app:info', arg: {} } })
  })

  it('answers 400 for bad JSON, 404 for unknown commands, 405 for GET', async () => {
    expect((await request({ method: 'POST', path: '/api/app:info', headers: bearer(), body: '{' })).status).toBe(400)
    expect((await request({ method: 'POST', path: '/api/fs:read', headers: bearer(), body: '{}' })).status).toBe(404)
    expect((await request({ method: 'POST', path: '/api/__proto__', headers: bearer() })).status).toBe(404)
    expect((await request({ method: 'GET', path: '/api/app:info', headers: bearer() })).status).toBe(405)
  })

  it('answers 413 for bodies over 1 MB, declared or streamed', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 10, 0x20)
    const declared = await request({ method: 'POST', path: '/api/app:info', headers: bearer(), body: big })
    expect(declared.status).toBe(413)
    const streamed = await request({
      method: 'POST',
      path: '/api/app:info',
      headers: { ...bearer(), 'Transfer-Encoding': 'chunked' },
      body: big,
    })
    expect(streamed.status).toBe(413)
  })
})

describe('web host: static files', () => {
  it('serves assets with their type and security headers on every response', async () => {
    const reply = await request({ path: '/assets/x.js', headers: bearer() })
    expect(reply.status).toBe(200)
    expect(reply.headers['content-type']).toMatch(/^text\/javascript/)
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect(reply.headers['referrer-policy']).toBe('no-referrer')
    const refused = await request({ path: '/' })
    expect(refused.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
  })

  it('refuses directory traversal, plain and encoded', async () => {
    for (const p of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/assets/..%2f..%2fpackage.json',
      '/..%5cpackage.json',
    ]) {
      const reply = await request({ path: p, headers: bearer() })
      expect(reply.status, p).toBeGreaterThanOrEqual(400)
      expect(reply.body, p).not.toContain('secret')
    }
  })

  it('gives client routes the app page, but missing assets a 404', async () => {
    const route = await request({ path: '/inbox/42', headers: bearer() })
    expect(route.status).toBe(200)
    expect(route.body).toContain('<title>Earshot</title>')
    expect((await request({ path: '/assets/missing.js', headers: bearer() })).status).toBe(404)
    expect((await request({ path: '/favicon.ico', headers: bearer() })).status).toBe(404)
  })
})

describe('web host: events', () => {
  it('streams core events as SSE and unsubscribes when the client leaves', async () => {
    const before = fake.listenerCount()
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/events',
          headers: { Host: `127.0.0.1:${host.port}`, ...bearer() },
        },
        (res) => {
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/)
          let text = ''
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString()
            if (text.includes(': connected')) {
              fake.emit('db:changed', { tables: ['notes'], workspaceId: 7 })
            }
            if (text.includes('event: db:changed')) {
              req.destroy()
              resolve(text)
            }
          })
        },
      )
      req.on('error', reject)
    })
    expect(received).toContain('event: db:changed\ndata: {"tables":["notes"],"workspaceId":7}\n\n')
    await expect.poll(() => fake.listenerCount()).toBe(before)
  })

  it('ends open streams when the host closes', async () => {
    const other = fakeCore()
    const second = await startWebHost({ core: other.core, staticDir: tmp, port: 0 })
    const ended = new Promise<void>((resolve, reject) => {
      const req = http.get(
        {
          host: '127.0.0.1',
          port: second.port,
          path: '/events',
          headers: { Host: `127.0.0.1:${second.port}`, Authorization: `Bearer ${second.token}` },
        },
        (res) => {
          res.once('data', () => void second.close())
          res.on('close', resolve)
          res.resume()
        },
      )
      req.on('error', reject)
    })
    await ended
    expect(other.listenerCount()).toBe(0)
  })
})
