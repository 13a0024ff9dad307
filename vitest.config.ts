import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // Compiles `.svelte.ts` state modules (runes) for the tests that import them.
  plugins: [svelte()],
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Test files share one module graph per worker instead of loading it afresh for each file:
    // the engine is pure and the state tests make their own stores, and loading it 148 times
    // was two thirds of the run (import 130 s of 334 s in CI).
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
