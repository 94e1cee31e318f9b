// `:tada:` → 🎉 in rendered messages, outside code and links. The table itself is loaded lazily
// (lib/shortcodes.ts); until it is there, the rule only reports that a shortcode-like word was seen.

import type { StateCore } from "markdown-it";
import type { RenderEnv } from "./markdown";

const SHORTCODE = /:([a-z0-9_+-]{1,40}):/gi;

export function shortcodeRule(state: StateCore): void {
  const env = state.env as unknown as RenderEnv;
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    let inLink = 0;
    for (const token of block.children) {
      if (token.type === "link_open") inLink++;
      else if (token.type === "link_close") inLink--;
      if (token.type !== "text" || inLink > 0 || !token.content.includes(":")) continue;
      token.content = token.content.replace(SHORTCODE, (whole, name: string) => {
        env.hasShortcode = true;
        return env.options.shortcodes?.(name.toLowerCase()) ?? whole;
      });
    }
  }
}
