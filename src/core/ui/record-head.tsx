import type { ComponentChildren } from 'preact';
import { PersonName } from './person-name.js';

/**
 * The top of a person's record page: the link back to the list, the person's name as the heading and, where the viewer
 * may change the record, its edit button beside it.
 */
export function RecordHead({ back, name, edit }: { back: { href: string; label: string }; name: string; edit?: { href: string; label: string } | false }) {
  return (
    <>
      <p>
        <a href={back.href}>{back.label}</a>
      </p>
      <div class="page-head">
        <h1>
          <PersonName name={name} />
        </h1>
        {edit && (
          <a class="button button-secondary" href={edit.href}>
            {edit.label}
          </a>
        )}
      </div>
    </>
  );
}

/** A warning that stands out above a page's content: `role="alert"` when it reports what just went wrong. */
export function WarningNotice({ role, children }: { role?: 'alert' | 'note'; children: ComponentChildren }) {
  return (
    <div class="notice notice-warning" role={role}>
      <p>{children}</p>
    </div>
  );
}
