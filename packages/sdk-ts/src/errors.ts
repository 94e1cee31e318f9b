/**
 * Every failed call throws a ClickClackError. `status` is the HTTP status, or 0 when the request
 * never got an answer (network down, DNS, CORS), so callers can tell "retry later" from "fix it".
 */
export class ClickClackError extends Error {
  readonly status: number;

  constructor(status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ClickClackError";
    this.status = status;
  }

  /** True for answers that mean the credentials are gone: sign in again. */
  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

/**
 * Builds the error for a non-2xx response. The server always answers `{"error": "..."}`, but a
 * proxy in front of it may not, so fall back to the raw text or the status line.
 */
export async function errorFromResponse(response: Response): Promise<ClickClackError> {
  const text = await response.text().catch(() => "");
  return new ClickClackError(
    response.status,
    errorMessage(response.status, response.statusText, text),
  );
}

/** The message to show for a failed response, from its status line and body text. */
export function errorMessage(status: number, statusText: string, bodyText: string): string {
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (parsed !== null && typeof parsed === "object" && "error" in parsed) {
      const error = (parsed as { error: unknown }).error;
      if (typeof error === "string" && error !== "") return error;
    }
  } catch {
    // Not JSON: use the text below.
  }
  const trimmed = bodyText.trim();
  if (trimmed !== "" && trimmed.length <= 200) return trimmed;
  return `HTTP ${status}${statusText ? ` ${statusText}` : ""}`;
}
