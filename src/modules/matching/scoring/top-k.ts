/**
 * The best k of a stream of (index, score, id), best first: higher score, then the smaller id (code-unit order), so
 * equal scores always come out in the same order. O(log k) comparisons per offer; a plain sort when k is large.
 */
export class TopK {
  private readonly picked: { index: number; score: number; id: string }[] = [];
  private readonly bounded: boolean;

  constructor(
    private readonly k: number,
    expected: number,
  ) {
    // Insertion into a sorted array costs O(k) moves; past a few hundred, collecting everything and sorting wins.
    this.bounded = k <= 256 && k < expected;
  }

  offer(index: number, score: number, id: string): void {
    if (this.k <= 0) return;
    const list = this.picked;
    if (!this.bounded) {
      list.push({ index, score, id });
      return;
    }
    if (list.length === this.k) {
      const worst = list[list.length - 1]!;
      if (!better(score, id, worst.score, worst.id)) return;
      list.pop();
    }
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = list[mid]!;
      if (better(m.score, m.id, score, id)) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, { index, score, id });
  }

  /** The picked entries, best first. */
  result(): { index: number; score: number; id: string }[] {
    if (this.bounded) return this.picked;
    return this.picked.sort((a, b) => (better(a.score, a.id, b.score, b.id) ? -1 : better(b.score, b.id, a.score, a.id) ? 1 : 0)).slice(0, this.k);
  }
}

/** Ranking order: higher score first, ties by id. */
export function better(scoreA: number, idA: string, scoreB: number, idB: string): boolean {
  return scoreA > scoreB || (scoreA === scoreB && idA < idB);
}
