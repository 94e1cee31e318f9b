// Inserting text into the composer as if it had been typed: the browser's own insert keeps Ctrl+Z
// working and fires the `input` event, so Svelte's bind:value and the typing indicator see it.

/** Replaces `start..end` (default: the selection) of the textarea with `text` and puts the caret after it. */
export function insertText(
  box: HTMLTextAreaElement,
  text: string,
  start = box.selectionStart,
  end = box.selectionEnd,
): void {
  box.focus();
  box.setSelectionRange(start, end);
  // execCommand is deprecated but still the only insert that joins the undo history.
  if (!document.execCommand("insertText", false, text)) {
    box.setRangeText(text, start, end, "end");
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }
}
