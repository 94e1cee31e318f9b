// Files: multipart upload, attach to a message, download and thumbnails (not JSON, so `http.raw`).
import type { Transport } from "../http.ts";
import type { Upload } from "../types.ts";

export function uploadsApi(http: Transport) {
  return {
    /**
     * Uploads a file into a workspace (multipart, form field `file`) and returns the stored `Upload`:
     * its `content_type` is sniffed by the server, images get `width`/`height`. Attach it with
     * `upload_ids` when sending a message, or later with `uploads.attach`. Past the server's
     * `max_upload_bytes` this throws a `ClickClackError` with status 413.
     */
    create: async (workspaceId: string, file: Blob, filename?: string) => {
      const form = new FormData();
      const name = filename ?? (file as { name?: string }).name ?? "file";
      form.append("file", file, name);
      const response = await http.raw("post", "/api/uploads", {
        query: { workspace_id: workspaceId },
        body: form,
      });
      return ((await response.json()) as { upload: Upload }).upload;
    },
    /** Attaches the caller's upload to their own message: `{message, event}` (`message.updated`). */
    attach: (messageId: string, uploadId: string) =>
      http.request("post", "/api/messages/{message_id}/attachments", {
        params: { message_id: messageId },
        body: { upload_id: uploadId },
      }),
    /** The upload's bytes as a `Response` (headers included; pass `range` for a part, e.g. `bytes=0-99`). */
    download: (uploadId: string, options: { range?: string } = {}) =>
      http.raw("get", "/api/uploads/{upload_id}", {
        params: { upload_id: uploadId },
        headers: options.range ? { range: options.range } : undefined,
      }),
    /** The small preview of an image upload (404 for other files). */
    thumbnail: (uploadId: string) =>
      http.raw("get", "/api/uploads/{upload_id}/thumbnail", { params: { upload_id: uploadId } }),
    /** A user's avatar image (an upload set as `avatar_upload_id`) as a `Response`. */
    avatar: (uploadId: string) =>
      http.raw("get", "/api/avatars/{upload_id}", { params: { upload_id: uploadId } }),
    /** The URL of an upload (absolute when the client has a base URL), for `<img src>` and links. */
    url: (uploadId: string) => http.url("/api/uploads/{upload_id}", { upload_id: uploadId }),
  };
}
