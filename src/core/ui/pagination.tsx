import type { PageContext } from './context.js';

/** Previous/next links around "Page 2 of 7"; nothing when everything fits on one page. */
export function Pagination({ ctx, page, total, pageSize, link }: { ctx: PageContext; page: number; total: number; pageSize: number; link: (page: number) => string }) {
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={t('pagination.label')}>
      {page > 1 && (
        <a href={link(page - 1)} rel="prev">
          {t('pagination.previous')}
        </a>
      )}
      <span>{t('pagination.status', { page, pages })}</span>
      {page < pages && (
        <a href={link(page + 1)} rel="next">
          {t('pagination.next')}
        </a>
      )}
    </nav>
  );
}
