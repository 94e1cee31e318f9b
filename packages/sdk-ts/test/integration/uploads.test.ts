// Issue 12's must-show through the SDK's own methods, against the real jar with real credentials (an
// owner bootstrapped by the CLI, so there is no dev fallback): search finds a posted word and channelId
// scopes it; uploads.create + uploads.attach; messages.get shows the attachment; GET /api/uploads/{id}
// answers the same bytes with nosniff; 401 without credentials.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClickClackClient, ClickClackError } from "../../src/index.ts";
import { startServer, type RunningServer } from "../server.ts";

let server: RunningServer;
let client: ClickClackClient;
let workspaceId: string;

beforeAll(async () => {
  server = await startServer();
  await server.cli([
    "admin",
    "bootstrap",
    "--name",
    "Ada",
    "--email",
    "ada@example.com",
    "--workspace",
    "Upload Reef",
  ]);
  const token = await server.cli(["admin", "token", "create", "--email", "ada@example.com"]);
  client = new ClickClackClient({ baseUrl: server.url, token });
  workspaceId = (await client.workspaces.list())[0]!.id;
});
afterAll(async () => {
  await server?.stop();
});

/** A small valid PNG (1 × 1, one red pixel). */
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
    "base64",
  ),
);

describe("search", () => {
  it("finds a posted word, and channelId keeps it to one channel", async () => {
    const general = (await client.channels.list(workspaceId)).find((c) => c.name === "general")!;
    const { channel } = await client.channels.create(workspaceId, { name: "tidepool" });
    await client.channels.sendMessage(general.id, { body: "the nudibranch parade" });
    const there = await client.channels.sendMessage(channel.id, {
      body: "a nudibranch in the pool",
    });
    const everywhere = await client.search({ workspaceId, q: "nudibranch" });
    expect(everywhere.results).toHaveLength(2);
    const scoped = await client.search({ workspaceId, q: "nudibranch", channelId: channel.id });
    expect(scoped.results.map((r) => r.message.id)).toEqual([there.message.id]);
    expect(scoped.results[0]?.snippet).toContain("<mark>nudibranch</mark>");
  });
});

describe("uploads", () => {
  it("uploads a file, attaches it, and messages.get shows it", async () => {
    const upload = await client.uploads.create(workspaceId, new Blob([PNG]), "pixel.txt");
    expect(upload.id).toMatch(/^upl_/);
    expect(upload.content_type).toBe("image/png"); // sniffed from the bytes, not the name
    expect(upload.width).toBe(1);
    expect(upload.byte_size).toBe(PNG.length);
    const general = (await client.channels.list(workspaceId)).find((c) => c.name === "general")!;
    const sent = await client.channels.sendMessage(general.id, { body: "picture follows" });
    const attached = await client.uploads.attach(sent.message.id, upload.id);
    expect(attached.event.type).toBe("message.updated");
    const message = await client.messages.get(sent.message.id);
    expect(message.attachments?.map((a) => a.id)).toEqual([upload.id]);
    expect(message.attachments?.[0]?.filename).toBe("pixel.txt");

    const response = await client.uploads.download(upload.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
    const part = await client.uploads.download(upload.id, { range: "bytes=0-7" });
    expect(part.status).toBe(206);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(PNG.slice(0, 8));
  });

  it("sends upload_ids with a new message in one call", async () => {
    const file = await client.uploads.create(
      workspaceId,
      new Blob(["minutes of the reef council"]),
      "minutes.md",
    );
    const general = (await client.channels.list(workspaceId)).find((c) => c.name === "general")!;
    const sent = await client.channels.sendMessage(general.id, { body: "", upload_ids: [file.id] });
    expect(sent.message.attachments?.[0]?.content_type).toBe("text/plain; charset=utf-8");
    const found = await client.search({ workspaceId, q: "has:file" });
    expect(found.results.map((r) => r.message.id)).toContain(sent.message.id);
  });

  it("answers 401 without credentials", async () => {
    const upload = await client.uploads.create(workspaceId, new Blob(["private"]), "p.txt");
    const anonymous = new ClickClackClient({ baseUrl: server.url });
    const failure = await anonymous.uploads.download(upload.id).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ClickClackError);
    expect((failure as ClickClackError).status).toBe(401);
    const refused = await anonymous.uploads
      .create(workspaceId, new Blob(["x"]), "x.txt")
      .catch((error: unknown) => error);
    expect((refused as ClickClackError).status).toBe(401);
    const plain = await fetch(`${server.url}/api/uploads/${upload.id}`);
    expect(plain.status).toBe(401);
  });
});
