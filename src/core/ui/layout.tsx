import type { ComponentChildren } from 'preact';
import { LANGUAGE_NAME, LOCALES, type MessageKey } from '../i18n/index.js';
import type { Role } from '../tenancy/tenancy.table.js';
import { holdsAny } from '../policy.js';
import type { PageContext } from './context.js';

interface NavItem {
  href: string;
  key: MessageKey;
  roles?: readonly Role[];
  networkManager?: boolean;
}

/** Navigation by role; an item without roles is for everyone signed in. */
const NAV: NavItem[] = [
  { href: '/', key: 'nav.home' },
  { href: '/people', key: 'nav.people', roles: ['administrator', 'coordinator', 'social_worker'] },
  { href: '/volunteers', key: 'nav.volunteers', roles: ['administrator', 'coordinator', 'programme_manager'] },
  { href: '/mentees', key: 'nav.mentees', roles: ['administrator', 'coordinator', 'social_worker'] },
  { href: '/matching', key: 'nav.matching', roles: ['administrator', 'coordinator', 'social_worker'] },
  { href: '/pairs', key: 'nav.pairs', roles: ['administrator', 'coordinator', 'social_worker'] },
  { href: '/me/volunteer', key: 'nav.myVolunteering', roles: ['volunteer', 'migrant_assistant'] },
  { href: '/me/meetings', key: 'nav.myMeetings', roles: ['volunteer', 'migrant_assistant'] },
  { href: '/admin/users', key: 'nav.users', roles: ['administrator', 'coordinator'] },
  { href: '/admin/programmes', key: 'nav.programmes', roles: ['administrator', 'programme_manager'] },
  { href: '/admin/organisation', key: 'nav.organisation', roles: ['administrator'] },
  { href: '/admin/audit', key: 'nav.audit', roles: ['administrator'] },
  { href: '/admin/outbox', key: 'nav.outbox', roles: ['administrator'] },
  { href: '/network', key: 'nav.network', networkManager: true },
  { href: '/account', key: 'nav.account' },
];

export function visibleNav(user: NonNullable<PageContext['user']>): NavItem[] {
  return NAV.filter((item) => {
    if (item.networkManager) return user.networkManager;
    return !item.roles || holdsAny(user.roles, item.roles);
  });
}

function isCurrent(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

export function Layout({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  const { t } = ctx;
  return (
    <html lang={ctx.locale} dir={ctx.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Tandem`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <script src="/static/app.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href="/">
              <span class="brand-mark" aria-hidden="true">
                ⬡
              </span>{' '}
              Tandem
            </a>
            {ctx.user?.organisationName && <span class="org-name">{ctx.user.organisationName}</span>}
            <LanguageSwitcher ctx={ctx} />
          </div>
          {/* On a phone the menu is a disclosure (no JavaScript needed); from 48rem wide it is always shown (app.css). */}
          <details class="nav-menu">
            <summary>{t('layout.menu')}</summary>
            {ctx.user ? (
              <nav class="main-nav" aria-label={t('layout.mainNavigation')}>
                <ul>
                  {visibleNav(ctx.user).map((item) => (
                    <li>
                      <a href={item.href} aria-current={isCurrent(ctx.path, item.href) ? 'page' : undefined}>
                        {t(item.key)}
                      </a>
                    </li>
                  ))}
                  <li>
                    <form method="post" action="/sign-out" class="inline-form">
                      <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                      <button type="submit" class="link-button">
                        {t('nav.signOut')}
                      </button>
                    </form>
                  </li>
                </ul>
              </nav>
            ) : (
              <nav class="main-nav" aria-label={t('layout.mainNavigation')}>
                <ul>
                  <li>
                    <a href="/" aria-current={ctx.path === '/' ? 'page' : undefined}>
                      {t('nav.home')}
                    </a>
                  </li>
                  <li>
                    <a href="/sign-in" aria-current={ctx.path === '/sign-in' ? 'page' : undefined}>
                      {t('nav.signIn')}
                    </a>
                  </li>
                </ul>
              </nav>
            )}
          </details>
        </header>
        <main id="main" tabIndex={-1}>
          {ctx.flash && (
            <div class={`flash flash-${ctx.flash.kind}`} role={ctx.flash.kind === 'error' ? 'alert' : 'status'}>
              {ctx.flash.text}
            </div>
          )}
          {children}
        </main>
        <footer class="site-footer">
          <p>{t('layout.footer')}</p>
        </footer>
      </body>
    </html>
  );
}

function LanguageSwitcher({ ctx }: { ctx: PageContext }) {
  return (
    <nav class="lang-switcher" aria-label={ctx.t('layout.language')}>
      <ul>
        {LOCALES.map((l) => (
          <li>
            <a
              href={`${ctx.path}?lang=${l}`}
              lang={l}
              hreflang={l}
              aria-current={l === ctx.locale ? 'true' : undefined}
            >
              {LANGUAGE_NAME[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
