/**
 * 4-ary min-heap of node ids keyed by an external distance array, with decrease-key.
 * (4-ary: shallower than binary, and the four children of a node sit side by side in memory.)
 */
export class MinHeap {
  private readonly items: Int32Array;
  private readonly pos: Int32Array; // −1 when not in the heap
  size = 0;
  constructor(
    n: number,
    private readonly key: Float64Array,
  ) {
    this.items = new Int32Array(n);
    this.pos = new Int32Array(n).fill(-1);
  }

  /** Inserts v, or moves it up after its key decreased. */
  pushOrDecrease(v: number): void {
    let p = this.pos[v]!;
    if (p < 0) p = this.size++;
    this.up(p, v);
  }

  pop(): number {
    const top = this.items[0]!;
    this.pos[top] = -1;
    const last = this.items[--this.size]!;
    if (this.size > 0) this.down(0, last);
    return top;
  }

  clear(): void {
    for (let p = 0; p < this.size; p++) this.pos[this.items[p]!] = -1;
    this.size = 0;
  }

  private up(p: number, v: number): void {
    const { items, pos, key } = this;
    const k = key[v]!;
    while (p > 0) {
      const parent = (p - 1) >> 2;
      const w = items[parent]!;
      if (key[w]! <= k) break;
      items[p] = w;
      pos[w] = p;
      p = parent;
    }
    items[p] = v;
    pos[v] = p;
  }

  private down(p: number, v: number): void {
    const { items, pos, key } = this;
    const k = key[v]!;
    const n = this.size;
    for (;;) {
      const first = 4 * p + 1;
      if (first >= n) break;
      let c = first;
      let kc = key[items[first]!]!;
      const end = first + 4 < n ? first + 4 : n;
      for (let q = first + 1; q < end; q++) {
        const kq = key[items[q]!]!;
        if (kq < kc) {
          kc = kq;
          c = q;
        }
      }
      if (kc >= k) break;
      const w = items[c]!;
      items[p] = w;
      pos[w] = p;
      p = c;
    }
    items[p] = v;
    pos[v] = p;
  }
}
