type ChangeListener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, areaName: string) => void;

/**
 * storage.local as the browsers behave: values are copied in and out (structured clone), keys independent,
 * and storage.onChanged told of every change afterwards, in a later task.
 */
export class MemoryArea {
  readonly data = new Map<string, unknown>();
  writes = 0;
  private readonly listeners = new Set<ChangeListener>();
  readonly onChanged = {
    addListener: (listener: ChangeListener) => void this.listeners.add(listener),
    removeListener: (listener: ChangeListener) => void this.listeners.delete(listener),
  };

  private changed(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>): void {
    if (Object.keys(changes).length === 0 || this.listeners.size === 0) return;
    setTimeout(() => this.listeners.forEach((listener) => listener(structuredClone(changes), 'local')), 0);
  }

  async get(keys?: null | string | string[] | Record<string, unknown>): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    const wanted = keys === null || keys === undefined ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : Array.isArray(keys) ? keys : Object.keys(keys);
    for (const key of wanted) {
      if (this.data.has(key)) out[key] = structuredClone(this.data.get(key));
      else if (keys && typeof keys === 'object' && !Array.isArray(keys)) out[key] = (keys as Record<string, unknown>)[key];
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.writes++;
    const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
    for (const [key, value] of Object.entries(items)) {
      const copy = structuredClone(value);
      changes[key] = { oldValue: this.data.get(key), newValue: copy };
      this.data.set(key, copy);
    }
    this.changed(changes);
  }

  async remove(keys: string | string[]): Promise<void> {
    const changes: Record<string, { oldValue?: unknown }> = {};
    for (const key of typeof keys === 'string' ? [keys] : keys) {
      if (this.data.has(key)) changes[key] = { oldValue: this.data.get(key) };
      this.data.delete(key);
    }
    this.changed(changes);
  }

  /** Bytes the stored JSON takes. */
  size(): number {
    let bytes = 0;
    for (const [key, value] of this.data) bytes += key.length + JSON.stringify(value).length;
    return bytes;
  }
}
