import { defineConfig } from "vitest/config";

// Unit tests: no ClickClack server (the bot's command listener is tested over loopback sockets).
export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts"],
  },
});
