import { formatDateTime } from '../../../../core/i18n/index.js';
import type { PageContext } from '../../../../core/ui/index.js';

/** "Batch matching of 24 Nov 2025, 10:15 — Mentoring for families" (or "— all people waiting"). */
export function runTitle(ctx: PageContext, run: { createdAt: Date | string; programmeName: string | null }, timeZone: string): string {
  const date = formatDateTime(new Date(run.createdAt), ctx.locale, timeZone);
  return run.programmeName ? ctx.t('matching.batch.runTitle', { date, programme: run.programmeName }) : ctx.t('matching.batch.runTitleAll', { date });
}
