import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  // Relative URLs, so dist/ works from any folder of any static host (a GitHub Pages project
  // site, a sub-path on a company server) with workers and lazy chunks included.
  base: './',
  plugins: [
    svelte(),
    VitePWA({
      // The page asks before a new version takes over (UpdatePrompt.svelte registers the worker).
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Mailwright',
        short_name: 'Mailwright',
        description:
          'Compose, inspect and simulate email the way Amazon SES sees it. Nothing leaves the page.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f4e79',
        icons: [
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
        ],
      },
      workbox: {
        // The app's own files only. No runtime caching: nothing a person opens or types is ever
        // fetched, so nothing of theirs can reach the cache; requests the worker does not know
        // (a remote image the preview was allowed to load) go to the network untouched.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        runtimeCaching: [],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  worker: {
    format: 'es',
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
  },
});
