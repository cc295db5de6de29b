import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

/**
 * Builds the renderer for the web host (`earshot serve`). The page is served with
 * CSP `script-src 'self'`, so the output must contain no inline script: Vite's entry is an
 * external module already, and the modulepreload polyfill (an inline snippet) is turned off.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
})
