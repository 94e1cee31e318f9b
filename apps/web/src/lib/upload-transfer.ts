// Sends one file with XMLHttpRequest, because fetch cannot report upload progress. It authenticates
// exactly like the SDK's fetch layer does in the browser: the HttpOnly `cc_session` cookie goes along
// (same origin), and as a cookie-authenticated write it carries the `X-ClickClack-CSRF` header.
// The answer is the server's `{upload}`; a refusal rejects with its status and `{"error"}` message.

import type { Upload } from "./types";
import type { Transfer } from "./upload-queue";

export class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A transfer to `url` (from api.ts, which knows the route) for the upload queue. */
export function xhrTransfer(url: string): Transfer {
  return (file, onProgress, signal) =>
    new Promise<Upload>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", url);
      xhr.withCredentials = true;
      xhr.setRequestHeader("accept", "application/json");
      xhr.setRequestHeader("x-clickclack-csrf", "1");
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(e.loaded, e.total);
      };
      xhr.onload = () => {
        const body = parse(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300 && body?.upload) resolve(body.upload as Upload);
        else
          reject(
            new UploadError(
              xhr.status,
              typeof body?.error === "string" ? body.error : `HTTP ${xhr.status}`,
            ),
          );
      };
      xhr.onerror = () => reject(new UploadError(0, "network error"));
      xhr.onabort = () => reject(new UploadError(0, "cancelled"));
      signal.addEventListener("abort", () => xhr.abort(), { once: true });
      const form = new FormData();
      form.append("file", file, file.name || "pasted file");
      xhr.send(form);
    });
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
