import { defineConfig } from "vitest/config";

if (!process.env.CLICKCLACK_JAR) {
  throw new Error("CLICKCLACK_JAR is not set, e.g. CLICKCLACK_JAR=apps/api/target/clickclack.jar");
}

// The bot's end-to-end test starts the real server jar and the bot as a child process.
export default defineConfig({
  test: {
    include: ["test/**/*.e2e.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
