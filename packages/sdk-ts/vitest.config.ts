import { defineConfig } from "vitest/config";

// Unit tests: pure logic only, no server, no network.
export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts"],
  },
});
