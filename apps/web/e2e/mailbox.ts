// A real SMTP server for the browser tests (the smtp-server package on a random loopback port, with a
// login): it keeps every mail it receives, and a test waits for the next mail to an address.

import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

export interface Mail {
  to: string[];
  raw: string;
}

export interface Mailbox {
  port: number;
  user: string;
  password: string;
  /** Resolves with the next mail (received before or after the call) whose recipients include `to`. */
  next(to: string, timeoutMs?: number): Promise<Mail>;
  close(): Promise<void>;
}

export async function startMailbox(): Promise<Mailbox> {
  const user = "mailer";
  const password = "reef-secret";
  const mails: Mail[] = [];
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: false,
    allowInsecureAuth: true,
    onAuth(auth, _session, done) {
      if (auth.username === user && auth.password === password) done(null, { user });
      else done(new Error("bad login"));
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        for (const wake of waiters.splice(0)) wake();
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  let taken = 0;

  return {
    port,
    user,
    password,
    next: (to, timeoutMs = 15_000) =>
      new Promise<Mail>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail to ${to} within ${timeoutMs} ms`)), timeoutMs);
        const look = () => {
          const index = mails.findIndex((m, i) => i >= taken && m.to.includes(to.toLowerCase()));
          if (index >= 0) {
            taken = index + 1;
            clearTimeout(timer);
            resolve(mails[index]!);
          } else waiters.push(look);
        };
        look();
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The sign-in link in a mail (quoted-printable soft breaks and `=3D` undone). */
export function signInLink(mail: Mail): string {
  const text = mail.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const link = /https?:\/\/\S+\/app\/login\?token=[^\s"<>]+/.exec(text)?.[0];
  if (!link) throw new Error(`no sign-in link in:\n${mail.raw}`);
  return link;
}
