// A small stand-in for GitHub's OAuth and API endpoints, for the browser test of "Sign in with GitHub":
// its authorize page approves at once as one user; a code works once and only with the PKCE verifier
// whose S256 challenge came with it (the server's Java tests cover every refusal in detail).

import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface GitHubUser {
  id: number;
  login: string;
  name: string;
}

export interface GitHubStandIn {
  url: string;
  close(): Promise<void>;
}

const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

export async function startGitHub(user: GitHubUser, clientId: string, clientSecret: string): Promise<GitHubStandIn> {
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const tokens = new Set<string>();
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const body = (req: IncomingMessage) =>
    new Promise<URLSearchParams>((resolve) => {
      let text = "";
      req.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
      req.on("end", () => resolve(new URLSearchParams(text)));
    });

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/login/oauth/authorize") {
      const q = url.searchParams;
      if (q.get("client_id") !== clientId || q.get("code_challenge_method") !== "S256") {
        return json(res, 400, { error: "bad authorize request" });
      }
      const code = randomBytes(8).toString("hex");
      codes.set(code, { challenge: q.get("code_challenge") ?? "", redirectUri: q.get("redirect_uri") ?? "" });
      const back = new URL(q.get("redirect_uri") ?? "");
      back.searchParams.set("code", code);
      back.searchParams.set("state", q.get("state") ?? "");
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (url.pathname === "/login/oauth/access_token" && req.method === "POST") {
      const form = await body(req);
      const grant = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      if (
        form.get("client_secret") !== clientSecret ||
        !grant ||
        grant.redirectUri !== form.get("redirect_uri") ||
        grant.challenge !== s256(form.get("code_verifier") ?? "")
      ) {
        return json(res, 200, { error: "bad_verification_code" });
      }
      const token = `gho_${randomBytes(8).toString("hex")}`;
      tokens.add(token);
      return json(res, 200, { access_token: token, token_type: "bearer", scope: "read:user" });
    }
    const token = (req.headers.authorization ?? "").replace("Bearer ", "");
    if (url.pathname === "/api/user" && tokens.has(token)) return json(res, 200, user);
    if (url.pathname === "/api/user/orgs" && tokens.has(token)) return json(res, 200, []);
    return json(res, 404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
