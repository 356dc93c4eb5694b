/** storage.local as the browsers behave: values are copied in and out (structured clone), keys independent. */
export class MemoryArea {
  readonly data = new Map<string, unknown>();
  writes = 0;

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
    for (const [key, value] of Object.entries(items)) this.data.set(key, structuredClone(value));
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const key of typeof keys === 'string' ? [keys] : keys) this.data.delete(key);
  }

  /** Bytes the stored JSON takes. */
  size(): number {
    let bytes = 0;
    for (const [key, value] of this.data) bytes += key.length + JSON.stringify(value).length;
    return bytes;
  }
}
