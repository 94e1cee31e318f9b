import { svelte } from "@sveltejs/vite-plugin-svelte";
import { resolve } from "node:path";
import { defineConfig, type Plugin } from "vite";

const here = import.meta.dirname;
const apiTarget = process.env.CLICKCLACK_API ?? "http://127.0.0.1:8080";

/**
 * In production the Java server answers every non-file `/app/*` path with app/index.html so deep
 * links survive a reload. This mirrors that rule for `vite dev` and `vite preview`.
 */
function rewrite(url: string | undefined): string | undefined {
  if (!url) return url;
  const path = url.split("?")[0] ?? "";
  const isAppRoute = path === "/app" || (path.startsWith("/app/") && !/\.[a-z0-9]+$/i.test(path));
  return isAppRoute ? "/app/index.html" + url.slice(path.length) : url;
}

function spaFallback(): Plugin {
  return {
    name: "clickclack-spa-fallback",
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        req.url = rewrite(req.url);
        next();
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, _res, next) => {
        req.url = rewrite(req.url);
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [spaFallback(), svelte()],
  // Two pages: the product site at `/` and the SPA at `/app/`. Assets land in /assets with hashed names.
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "assets",
    target: "es2022",
    rollupOptions: {
      input: {
        site: resolve(here, "index.html"),
        app: resolve(here, "app/index.html"),
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: apiTarget, ws: true, changeOrigin: false },
      "/healthz": apiTarget,
    },
  },
  preview: {
    proxy: {
      "/api": { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
});
