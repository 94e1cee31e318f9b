// Dragging files over a conversation: does this drag carry files at all (text and links dragged
// around the page must not light up the drop overlay), and which files did it drop.

/** The parts of a DataTransfer the drop zone reads; plain objects in tests. */
export interface DragData {
  types: readonly string[] | DOMStringList;
  files?: ArrayLike<File> | null;
}

export function carriesFiles(data: DragData | null | undefined): boolean {
  if (!data) return false;
  return Array.from(data.types as ArrayLike<string>).includes("Files");
}

export function droppedFiles(data: DragData | null | undefined): File[] {
  return data?.files ? Array.from(data.files) : [];
}

/**
 * Counts dragenter/dragleave pairs: the events fire for every child element the pointer crosses,
 * so the overlay is shown while the count is above zero rather than toggled on each event.
 */
export class DragDepth {
  #depth = 0;

  enter(): boolean {
    this.#depth++;
    return true;
  }

  /** True while the drag is still somewhere inside the zone. */
  leave(): boolean {
    this.#depth = Math.max(0, this.#depth - 1);
    return this.#depth > 0;
  }

  reset(): void {
    this.#depth = 0;
  }
}
