// GitHub-style task lists for markdown-it: "- [ ] todo" and "- [x] done" become list items with a
// disabled checkbox (a message is not a form; ticking it would change nothing for anyone else).

import type { StateCore } from "markdown-it";

const MARK = /^\[([ xX])\][ \t]/;

export function taskListRule(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 2; i < tokens.length; i++) {
    const inline = tokens[i]!;
    if (inline.type !== "inline" || tokens[i - 1]!.type !== "paragraph_open") continue;
    if (tokens[i - 2]!.type !== "list_item_open") continue;
    const mark = MARK.exec(inline.content);
    const first = inline.children?.[0];
    if (!mark || !first || first.type !== "text" || !MARK.test(first.content)) continue;

    first.content = first.content.slice(mark[0].length);
    inline.content = inline.content.slice(mark[0].length);
    const box = new state.Token("task_checkbox", "input", 0);
    box.attrs = [
      ["type", "checkbox"],
      ["disabled", ""],
    ];
    if (mark[1] !== " ") box.attrs.push(["checked", ""]);
    inline.children!.unshift(box);
    tokens[i - 2]!.attrJoin("class", "task");
  }
}
