import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import { precompressed } from './scripts/vite/precompressed.ts';

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

/**
 * Build-time help for the first prompt in index.html (src/main.ts explains the start-up):
 * - the lab's worker starts from an inline script as the page is parsed, before main.ts
 *   has even downloaded (main.ts takes it over as `self.kubelabWorker`), and the lab's code
 *   its entry imports is prefetched meanwhile;
 * - the terminal's chunks (src/ui/boot.ts, which main.ts imports only once it has started
 *   the worker) are named as preloads, so they download alongside main.ts, not after it.
 */
function firstPromptHints(): Plugin {
  return {
    name: 'kubelab-first-prompt',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const entry = ctx.chunk;
        if (!ctx.bundle || !entry || !ctx.filename.endsWith('index.html')) return;
        const chunks = Object.values(ctx.bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const tags: HtmlTagDescriptor[] = [];

        const worker = Object.values(ctx.bundle).find((f) => /^assets\/worker-entry-[\w-]+\.js$/.test(f.fileName) && entry.code.includes(f.fileName.slice('assets/'.length)));
        if (worker) {
          const start = `var w=self.kubelabWorker=new Worker('./${worker.fileName}',{type:'module',name:'kubelab'});`;
          // What the worker says before main.ts listens (an error, the first shell's prompt) is kept for it.
          const keepError = `w.onerror=function(e){if(w.earlyError===undefined)w.earlyError=e.message||''};`;
          const keepMessages = `w.earlyMessages=[];w.onmessage=function(e){w.earlyMessages.push(e.data)}`;
          tags.push({ tag: 'script', children: start + keepError + keepMessages, injectTo: 'head-prepend' });
          // The lab's code, which the worker's entry imports first thing, downloads alongside it.
          const source = worker.type === 'chunk' ? worker.code : typeof worker.source === 'string' ? worker.source : new TextDecoder().decode(worker.source);
          const lab = /import\(["'`]\.\/(worker-[\w-]+\.js)["'`]\)/.exec(source)?.[1];
          if (lab) tags.push({ tag: 'link', attrs: { rel: 'prefetch', href: `./assets/${lab}` }, injectTo: 'head' });
        }

        const boot = chunks.find((c) => c.facadeModuleId?.endsWith('/src/ui/boot.ts'));
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = chunks.find((c) => c.fileName === fileName);
          if (!chunk || scripts.has(fileName) || entry.imports.includes(fileName)) return;
          scripts.add(fileName);
          for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
          chunk.imports.forEach(visit);
        };
        if (boot) visit(boot.fileName);
        for (const href of styles) tags.push({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: '', href: `./${href}` }, injectTo: 'head' });
        for (const href of scripts) tags.push({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `./${href}` }, injectTo: 'head' });
        return tags;
      },
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    embedInDev,
    firstPromptHints(),
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
    precompressed(),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Every browser kubelab supports (es2022) knows modulepreload; a browser that did not would only fetch later.
    modulePreload: { polyfill: false },
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
