import { defineConfig } from 'vite';

// Three pages, one bundle graph: the member center at /, the merchant POS at /merchant/, the operator console at
// /console/. The gateway serves the output (see gateway's site package); `npm run dev` serves the pages on :5173 and
// forwards the API to a gateway started with `./platform up`.
const gateway = 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  build: {
    // straight into the jar's content (Maven packages target/classes), emptied first so no old asset lingers
    outDir: 'target/classes/META-INF/unimember-web',
    emptyOutDir: true,
    assetsInlineLimit: 0, // no data: URLs for assets: the pages' CSP allows images from 'self' (and QR canvases)
    rollupOptions: {
      input: {
        member: 'index.html',
        merchant: 'merchant/index.html',
        console: 'console/index.html',
      },
      output: {
        // what both pages use (messages, formatting, styles) in one cached chunk with a name that says so
        manualChunks: (id) => (id.includes('/src/shared/') ? 'shared' : undefined),
      },
    },
  },
  server: {
    proxy: Object.fromEntries(
      ['/api', '/open', '/oauth2', '/.well-known'].map((path) => [path, { target: gateway, changeOrigin: true }]),
    ),
  },
});
