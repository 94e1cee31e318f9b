// Liveness and readiness probes (no authentication): what a deploy script or a bot's watchdog polls.
import type { Transport } from "../http.ts";

export function healthApi(http: Transport) {
  return {
    /** `{status: "ok"}` while the process is up. */
    live: () => http.request("get", "/healthz"),
    /** `{status: "ready"}` once the database is migrated and writable; a 503 ClickClackError before. */
    ready: () => http.request("get", "/readyz"),
  };
}
