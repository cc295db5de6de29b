import { SMTPServer } from 'smtp-server'
import { freePort } from './dovecot'

export interface CapturedMail {
  from: string
  to: string[]
  raw: Buffer
}

/** A local SMTP server that accepts everything (auth optional, no STARTTLS) and keeps what it gets. */
export async function startSmtpSink(): Promise<{ port: number; messages: CapturedMail[]; stop(): Promise<void>; next(): Promise<CapturedMail> }> {
  const messages: CapturedMail[] = []
  const waiting: ((m: CapturedMail) => void)[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const mail: CapturedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        }
        messages.push(mail)
        waiting.shift()?.(mail)
        callback()
      })
    },
  })
  const port = await freePort()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    port,
    messages,
    next: () => new Promise((resolve) => waiting.push(resolve)),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
