import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';

// The <kube-lab> element's entry: a fixed name so host pages can write one <script src=".../embed.js">.
const EMBED_ENTRY = 'embed';

/** In dev there is no built embed.js: docs-example.html's <script src="./embed.js"> gets the source entry. */
const embedInDev: Plugin = {
  name: 'kubelab-embed-dev',
  apply: 'serve',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      if (req.url?.split('?')[0] !== '/embed.js') return next();
      res.statusCode = 302;
      res.setHeader('Location', '/src/embed/index.ts');
      res.end();
    });
  },
};

export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    embedInDev,
    VitePWA({
      strategies: 'generateSW',
      // The new version waits until the learner chooses to reload (src/pwa/register.ts shows the notice).
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'kubelab — Kubernetes StatefulSets in your browser',
        short_name: 'kubelab',
        description: 'Learn Kubernetes StatefulSets in the browser on a simulated cluster',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#0d1117',
        theme_color: '#161b22',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // The lab's chunks (worker, kubectl, lessons) are large; all of them must work offline.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // embed.html?lesson=…&theme=… is the same precached page whatever its options.
        ignoreURLParametersMatching: [/.*/],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/\/(embed|docs-example)\.html/],
        cleanupOutdatedCaches: true,
        // The first visit's page is controlled too, so an update found in that same tab can take over on Reload.
        clientsClaim: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      input: {
        index: 'index.html',
        'embed-frame': 'embed.html',
        [EMBED_ENTRY]: 'src/embed/index.ts',
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === EMBED_ENTRY ? 'embed.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
  },
});
