// The browser tab's title: where you are, so a row of tabs (or the window switcher) tells them apart.
// The count of what waits for me (lib/attention-count.ts) goes in front, as people know from other chat apps.

export interface TitleParts {
  channel?: string | null;
  workspace?: string | null;
  /** Unread messages to announce; nothing is shown for 0 or undefined. */
  unread?: number;
}

export const APP_NAME = "ClickClack";
const MAX_SHOWN_UNREAD = 99;

/** "(3) #general · Acme — ClickClack"; parts that are missing are left out. */
export function pageTitle({ channel, workspace, unread }: TitleParts): string {
  const where = [channel ? `#${channel}` : "", workspace ?? ""].filter(Boolean).join(" · ");
  const title = where ? `${where} — ${APP_NAME}` : APP_NAME;
  if (!unread || unread < 1) return title;
  const count = unread > MAX_SHOWN_UNREAD ? `${MAX_SHOWN_UNREAD}+` : String(unread);
  return `(${count}) ${title}`;
}
