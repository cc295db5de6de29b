import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Folder boundaries from DESIGN.md §2, enforced here rather than by convention. */
const boundary = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })
const noElectron = { group: ['electron'], message: 'Only src/main/electron and src/preload may import electron.' }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: boundary([
      { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'electron', 'react', 'react-dom'], message: 'src/shared is plain TypeScript: no Node, DOM or framework imports.' },
      { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports nothing outside itself.' },
    ]),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // We don't run the React Compiler; TanStack's hooks are fine without its memoisation.
      'react-hooks/incompatible-library': 'off',
      ...boundary([
        { group: ['**/main/**', '**/preload/**'], message: 'The renderer never imports main or preload; use the contract.' },
        { group: ['node:*', 'better-sqlite3'], message: 'The renderer runs in a sandboxed page.' },
        noElectron,
      ]),
    },
  },
  {
    files: ['src/main/core/**', 'src/main/cli/**', 'src/main/web/**', 'src/main/security/**', 'bench/**', 'emulators/**', 'e2e/**'],
    rules: boundary([noElectron, { group: ['**/renderer/**'], message: 'Main-side code never imports the renderer.' }]),
  },
)
