// `@handle`, `@channel` and `@here` in rendered messages become <span class="mention">, plus "me" when
// they mean the signed-in user, so a mention of me stands out. Outside code (code spans and blocks are
// not text tokens) and links; the same edges as the server's parser (messages/Mentions.java): not glued
// to a word, path or query (`a@b.com`, `x/@y`), and `\@name` (an escape, a separate token) stays text.
// The server decides who was really mentioned; this only highlights.

import type { StateCore, Token } from "markdown-it";
import type { RenderEnv } from "./markdown";

const MENTION =
  /(?<![A-Za-z0-9_\-.+/=:%&?#~@])@([A-Za-z0-9_-]{1,32})(?![A-Za-z0-9_-]|@|\.[A-Za-z0-9])/g;
const EVERYONE = new Set(["channel", "here"]);

/** A core rule; runs before text_join so that escaped `\@` is still its own token. */
export function mentionRule(state: StateCore): void {
  const env = state.env as unknown as RenderEnv;
  const me = env.options.meHandle?.toLowerCase() ?? null;
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    let inLink = 0;
    const out: Token[] = [];
    for (const token of block.children) {
      if (token.type === "link_open") inLink++;
      else if (token.type === "link_close") inLink--;
      if (token.type !== "text" || inLink > 0 || !token.content.includes("@")) {
        out.push(token);
        continue;
      }
      let last = 0;
      for (const match of token.content.matchAll(MENTION)) {
        const at = match.index;
        if (at > last) out.push(text(state, token.content.slice(last, at)));
        const name = match[1]!.toLowerCase();
        const mention = new state.Token("mention", "span", 0);
        mention.content = match[0];
        mention.meta = { me: EVERYONE.has(name) || name === me };
        out.push(mention);
        last = at + match[0].length;
      }
      if (last === 0) out.push(token);
      else if (last < token.content.length) out.push(text(state, token.content.slice(last)));
    }
    block.children = out;
  }
}

function text(state: StateCore, content: string): Token {
  const token = new state.Token("text", "", 0);
  token.content = content;
  return token;
}
