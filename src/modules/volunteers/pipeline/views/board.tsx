import { PageHead, type PageContext } from '../../../../core/ui/index.js';
import type { BoardColumn } from '../pipeline.service.js';
import { listName, stageName } from './labels.js';
import { PipelineTabs } from './tabs.js';

/**
 * The board: a column (section) per stage with its count and cards, longest waiting first. Plain HTML: the
 * `.cards` grid puts columns side by side on wide screens and stacks them on a phone.
 */
export function BoardView({ ctx, board, limit }: { ctx: PageContext; board: { columns: BoardColumn[]; rejected: number; withdrawn: number }; limit: number }) {
  const { t } = ctx;
  return (
    <>
      <PageHead title={t('volunteers.pipeline.title')} />
      <PipelineTabs ctx={ctx} current="board" />
      <p>
        <a href="/volunteers?stage=rejected">{t('volunteers.pipeline.board.rejected', { count: board.rejected })}</a>
        {' · '}
        <a href="/volunteers?stage=withdrawn">{t('volunteers.pipeline.board.withdrawn', { count: board.withdrawn })}</a>
      </p>
      <div class="cards">
        {board.columns.map((col) => (
          <section class="card" aria-labelledby={`col-${col.stage}`}>
            <h2 id={`col-${col.stage}`}>
              {stageName(t, col.stage)} <span class="muted">({t('volunteers.pipeline.board.count', { count: col.count })})</span>
            </h2>
            {col.items.length === 0 ? (
              <p class="muted">{t('volunteers.pipeline.board.emptyColumn')}</p>
            ) : (
              <ul>
                {col.items.map((v) => (
                  <li>
                    <a href={`/volunteers/${v.id}`}>
                      <bdi>{listName(v)}</bdi>
                    </a> <span class="muted">{t('volunteers.pipeline.days', { count: v.daysWaiting })}</span>
                    {v.awaitingGuardian && (
                      <>
                        {' '}
                        <span class="muted">· {t('volunteers.pipeline.awaitingGuardian')}</span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {col.count > limit && (
              <p>
                <a href={`/volunteers?stage=${col.stage}`}>{t('volunteers.pipeline.board.more', { count: col.count - limit })}</a>
              </p>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
