import type { PageContext } from '../../../../core/ui/index.js';
import { volunteersPolicy } from '../../volunteers.policy.js';
import { allowed } from '../../../../core/policy.js';

/** Switches between the list, the board and the settings (plain links: works without JavaScript). */
export function PipelineTabs({ ctx, current }: { ctx: PageContext; current: 'list' | 'board' }) {
  const { t } = ctx;
  const configure = allowed(ctx.user, volunteersPolicy, 'configure');
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
        {configure && (
          <>
            <li>
              <a href="/volunteers/templates">{t('volunteers.pipeline.templatesTab')}</a>
            </li>
            <li>
              <a href="/volunteers/settings">{t('volunteers.pipeline.settingsTab')}</a>
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}
