import { defineConfig } from "vitest/config";

// Unit tests cover plain TypeScript modules (projection, markdown, routing); no Svelte plugin needed.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
