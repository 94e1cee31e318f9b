// The browser side of notifications: the person's choices (lib/notify.ts keeps them in localStorage),
// the Notification permission, asked for only when they switch notifications on, and showing one.
// Nothing here runs on its own: the Alerts component decides when (lib/notify.ts `signals`).

import { clack, prime } from "./clack";
import { loadPrefs, savePrefs, type Alert, type NotifyPrefs } from "./notify";
import { browserStorage } from "./persisted";

export type Permission = NotificationPermission | "unsupported";

function currentPermission(): Permission {
  return typeof Notification === "function" ? Notification.permission : "unsupported";
}

class Notifier {
  prefs = $state<NotifyPrefs>(loadPrefs(browserStorage()));
  permission = $state<Permission>(currentPermission());

  /** Turns desktop notifications on (asking the browser first) or off; answers whether they are on. */
  async setDesktop(on: boolean): Promise<boolean> {
    if (on && this.permission !== "unsupported") {
      if (Notification.permission === "default") await Notification.requestPermission();
      this.permission = currentPermission();
    }
    const enabled = on && this.permission === "granted";
    this.#save({ ...this.prefs, desktop: enabled });
    return enabled;
  }

  /** The sound on or off; turning it on plays it once, which also unlocks audio (a user gesture). */
  setSound(on: boolean): void {
    this.#save({ ...this.prefs, sound: on });
    if (on) {
      prime();
      // The context may still be starting; give it the moment it needs.
      setTimeout(clack, 60);
    }
  }

  /** A desktop notification; clicking it brings this tab forward and runs `open`. */
  show(alert: Alert, open: () => void): void {
    this.permission = currentPermission();
    if (this.permission !== "granted") return;
    try {
      const n = new Notification(alert.title, {
        body: alert.body,
        tag: alert.tag,
        icon: iconUrl(),
      });
      n.onclick = () => {
        window.focus();
        open();
        n.close();
      };
    } catch {
      // Some browsers (Android Chrome) allow notifications only from a service worker; skip there.
    }
  }

  sound(): void {
    clack();
  }

  /** Audio may only start after a gesture: the first input after a page load unlocks it. */
  primeOnInput(): void {
    if (this.prefs.sound) prime();
  }

  #save(prefs: NotifyPrefs): void {
    this.prefs = prefs;
    savePrefs(browserStorage(), prefs);
  }
}

function iconUrl(): string | undefined {
  return document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.dataset.original ?? undefined;
}

export const notifier = new Notifier();
