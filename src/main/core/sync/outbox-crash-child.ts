/**
 * Child process of outbox-crash.test.ts: opens the temp-file database, reconciles replies left in
 * 'sending', then sends every queued reply. The test SIGKILLs it at random moments.
 */
import { EventBus } from '../events'
import { openDatabase } from '../store/db'
import { socialConnectorFactory, TOKEN_SECRET } from './connectors'
import { memorySecrets } from './harness'
import { createOutboxWorker } from './outbox'
import { secretRef } from '../secrets'

const [dbPath, accountId] = process.argv.slice(2)
if (!dbPath || !accountId) throw new Error('usage: outbox-crash-child <db> <accountId>')
const db = openDatabase(dbPath)
const secrets = memorySecrets()
secrets.set(secretRef(Number(accountId), TOKEN_SECRET), process.env.EARSHOT_TEST_TOKEN ?? '')
const worker = createOutboxWorker({ db, events: new EventBus(), connectorFor: socialConnectorFactory({ db, secrets }) })
await worker.reconcile()
while ((await worker.drain()) > 0) {
  // drain() returns how many it tried; loop until the queue is empty (transient failures retry after backoff).
}
db.close()
