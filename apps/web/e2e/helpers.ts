// Small helpers shared by the browser tests: direct API calls, token parsing and waiting on the page.

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";

export const SCREENSHOTS = join(import.meta.dirname, "..", "target", "screenshots");
export const WAIT_MS = 15_000;

/** Calls the API from Node. Without a token, loopback requests to a --dev server act as the dev user. */
export async function call<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(baseUrl + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** The CLI prints either a bare token or a link with ?token=…; accept both. */
export function tokenFrom(cliOutput: string): string {
  const fromUrl = /[?&]token=([^\s&"']+)/.exec(cliOutput)?.[1];
  if (fromUrl) return decodeURIComponent(fromUrl);
  const words = cliOutput.split(/\s+/).filter((w) => w.length >= 16 && /^[\w.~-]+$/.test(w));
  const token = words.at(-1);
  if (!token) throw new Error(`no token in CLI output:\n${cliOutput}`);
  return token;
}

/** A message row containing the text, in the channel timeline unless another scope is given. */
export function row(scope: Page | Locator, text: string): Locator {
  const where = "goto" in scope ? scope.getByTestId("timeline") : scope;
  return where.getByTestId("message").filter({ hasText: text });
}

/**
 * Waits until the locator shows the text and answers its full text, for an `expect` to check
 * (Playwright's own auto-waiting `expect` is not part of playwright-core).
 */
export async function waitText(
  locator: Locator,
  text: string | RegExp,
  timeout = WAIT_MS,
): Promise<string> {
  const match = locator.filter({ hasText: text }).first();
  await match.waitFor({ timeout });
  return (await match.textContent()) ?? "";
}

/** Waits until the locator is visible; true once it is (throws on timeout). */
export async function seen(locator: Locator, timeout = WAIT_MS): Promise<boolean> {
  await locator.first().waitFor({ state: "visible", timeout });
  return true;
}

/** Waits until the locator is gone from the page; true once it is (throws on timeout). */
export async function gone(locator: Locator, timeout = WAIT_MS): Promise<boolean> {
  await locator.first().waitFor({ state: "detached", timeout });
  return true;
}

export async function composer(page: Page, label: string | RegExp): Promise<Locator> {
  const box = page.getByRole("textbox", { name: label });
  await box.waitFor({ timeout: WAIT_MS });
  return box;
}

/** Types a message and sends it with Enter, as a user would. */
export async function send(page: Page, label: string | RegExp, text: string): Promise<void> {
  const box = await composer(page, label);
  await box.click();
  await box.fill(text);
  await box.press("Enter");
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  // Let fonts, transitions and the typing-dot animation settle so screenshots are comparable.
  await page.waitForTimeout(300);
  await page.screenshot({ path, animations: "disabled" });
  return path;
}
