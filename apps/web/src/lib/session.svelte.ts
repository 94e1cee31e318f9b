// Who is signed in. `/api/me` answering 401 means "show the sign-in page"; any other failure is a
// server problem, shown as such so a down server is not mistaken for a lost session.

import { api, errorText, isUnauthorized } from "./api";
import type { User } from "./types";

type Status = "loading" | "signed-in" | "signed-out" | "error";

class Session {
  status = $state<Status>("loading");
  user = $state.raw<User | null>(null);
  error = $state("");

  async load(): Promise<void> {
    try {
      this.user = await api.me();
      this.status = "signed-in";
    } catch (err) {
      this.user = null;
      this.status = isUnauthorized(err) ? "signed-out" : "error";
      this.error = isUnauthorized(err) ? "" : errorText(err);
    }
  }

  /** Exchanges a magic token for a session cookie. Throws a readable error when the token is bad. */
  async signIn(token: string): Promise<void> {
    try {
      this.user = await api.signIn(token.trim());
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
    try {
      await api.signOut();
    } finally {
      // Reload so every socket, cache and timer of the old session is gone for sure.
      location.assign("/app");
    }
  }
}

export const session = new Session();
