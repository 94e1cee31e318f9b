import { defineConfig } from "vitest/config";

if (!process.env.CLICKCLACK_JAR) {
  throw new Error(
    "CLICKCLACK_JAR is not set: build the server (./mvnw -pl apps/api -am package -DskipTests) " +
      "and run with CLICKCLACK_JAR=apps/api/target/clickclack.jar",
  );
}

// Integration tests start the real server jar per file; give the JVM time to boot.
export default defineConfig({
  test: {
    include: ["test/integration/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
