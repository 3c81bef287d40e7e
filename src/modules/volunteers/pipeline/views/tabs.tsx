import type { PageContext } from '../../../../core/ui/index.js';

/** Switches between the list and the board (plain links: works without JavaScript). */
export function PipelineTabs({ ctx, current }: { ctx: PageContext; current: 'list' | 'board' }) {
  const { t } = ctx;
  return (
    <nav class="tabs" aria-label={t('volunteers.pipeline.views')}>
      <ul>
        <li>
          <a href="/volunteers" aria-current={current === 'list' ? 'page' : undefined}>
            {t('volunteers.pipeline.listTab')}
          </a>
        </li>
        <li>
          <a href="/volunteers/board" aria-current={current === 'board' ? 'page' : undefined}>
            {t('volunteers.pipeline.boardTab')}
          </a>
        </li>
      </ul>
    </nav>
  );
}
