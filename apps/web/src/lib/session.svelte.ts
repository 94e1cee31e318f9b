// Who is signed in. `/api/me` answering 401 means "show the sign-in page"; any other failure is a
// server problem, shown as such so a down server is not mistaken for a lost session.

import { api, errorText, isUnauthorized } from "./api";
import { nav } from "./nav.svelte";
import type { User } from "./types";

type Status = "loading" | "signed-in" | "signed-out" | "error";

class Session {
  status = $state<Status>("loading");
  user = $state.raw<User | null>(null);
  error = $state("");
  /**
   * Signed in by the server's dev fallback (no credentials, loopback, `--dev`): signing out cannot
   * stick, since the next request is the dev user again, so the app explains instead of pretending.
   */
  devFallback = $state(false);

  #signingOut = false;

  async load(): Promise<void> {
    // Signing out closes this user's sockets, which asks for a session check; that check must not
    // bring the session back (the dev fallback would otherwise sign the browser in as the dev user).
    if (this.#signingOut) return;
    try {
      const me = await api.me();
      this.user = me.user;
      this.devFallback = me.devFallback;
      this.status = "signed-in";
    } catch (err) {
      this.user = null;
      this.devFallback = false;
      this.status = isUnauthorized(err) ? "signed-out" : "error";
      this.error = isUnauthorized(err) ? "" : errorText(err);
    }
  }

  /** Exchanges a magic token for a session cookie. Throws a readable error when the token is bad. */
  async signIn(token: string): Promise<void> {
    try {
      this.user = await api.signIn(token.trim());
      this.devFallback = false;
    } catch (err) {
      if (
        isUnauthorized(err) ||
        (err as { status?: number }).status === 400 ||
        (err as { status?: number }).status === 404
      )
        throw new Error(
          "That token didn't work. It may be used up or expired; ask for a fresh one.",
          { cause: err },
        );
      throw err;
    }
    this.status = "signed-in";
  }

  async signOut(): Promise<void> {
    this.#signingOut = true;
    await api.signOut().catch(() => {
      // Already signed out (or the server is gone): the local session ends either way.
    });
    // Leaving the shell unmounts it, which closes the workspace's socket and timers.
    this.user = null;
    this.status = "signed-out";
    nav.go("/app", { replace: true });
    this.#signingOut = false;
  }
}

export const session = new Session();
