import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The browser app: src/web, built into dist/web, which `pkimm serve` serves at `/`.
// In development, `vite` proxies the API to a server started with `npm start`.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
