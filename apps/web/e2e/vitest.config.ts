import { defineConfig } from "vitest/config";

// Browser tests drive the real server jar ($CLICKCLACK_JAR) with Debian's Chromium, one file at a time:
// they share one machine's CPU with the JVM and the browser, so parallel files only add flakiness.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ["**/*.e2e.ts"],
    environment: "node",
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    sequence: { concurrent: false },
  },
});
