import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

/**
 * Three bundles: main (ESM, since package.json is "type": "module"), preload (CommonJS, because a
 * sandboxed preload cannot be an ES module) and the renderer.
 */
export default defineConfig({
  main: {
    build: {
      // better-sqlite3 is a native addon: it must stay a runtime require so the Electron-ABI build
      // (EARSHOT_NATIVE_BINDING, or electron-builder's unpacked copy) is what gets loaded.
      externalizeDeps: { include: ['better-sqlite3'] },
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/electron/index.ts'),
          // The mail parse worker (bulk import) is a thread entry of its own: out/main/mail-parse-worker.js,
          // found beside its caller by src/main/core/worker-spec.ts.
          'mail-parse-worker': resolve(import.meta.dirname, 'src/main/core/mail/parse-worker.ts'),
          // The whole mail import (parse, thread, ingest) runs on this thread, off the host's event loop:
          // out/main/mail-import-worker.js, found by src/main/core/import/import.ts the same way.
          'mail-import-worker': resolve(import.meta.dirname, 'src/main/core/import/import-worker.ts'),
          // Archive imports (X, Facebook, contacts CSV) the same way: src/main/core/archive/import-archive.ts.
          'archive-import-worker': resolve(import.meta.dirname, 'src/main/core/archive/archive-worker.ts'),
          // WAL checkpoints off the host's thread (src/main/core/store/checkpointer.ts).
          'wal-checkpoint-worker': resolve(import.meta.dirname, 'src/main/core/store/checkpoint-worker.ts'),
          // Synced pages are stored on this thread (src/main/core/sync/ingest-thread.ts).
          'sync-ingest-worker': resolve(import.meta.dirname, 'src/main/core/sync/ingest-worker.ts'),
          // A workspace export writes its files on this thread (src/main/core/export/workspace-export.ts).
          'workspace-export-worker': resolve(import.meta.dirname, 'src/main/core/export/export-worker.ts'),
        },
        // Shared chunks beside the entries, not in a subfolder: a worker's caller finds it by a URL
        // relative to its own file (worker-spec.ts), and a caller inside chunks/ looked for
        // chunks/mail-parse-worker.js, so those threads never started in the app.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads can require only 'electron'; everything else must be bundled in.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
      },
    },
  },
})
