/**
 * Where an interview happens. `interviews.place` is one text column, so the mode travels as a prefix:
 * an address as typed, `phone:` for a phone call, `video:<https link>` for a video call. Addresses that
 * start with one of the prefixes are refused by the schema, so decoding is unambiguous.
 */
export const INTERVIEW_MODES = ['in_person', 'phone', 'video'] as const;
export type InterviewMode = (typeof INTERVIEW_MODES)[number];

export interface Place {
  mode: InterviewMode;
  address?: string;
  link?: string;
}

export const RESERVED_PREFIX = /^(phone|video):/i;

export function encodePlace(p: Place): string {
  if (p.mode === 'phone') return 'phone:';
  if (p.mode === 'video') return `video:${p.link ?? ''}`;
  return p.address ?? '';
}

export function decodePlace(stored: string): Place {
  if (stored.startsWith('phone:')) return { mode: 'phone' };
  if (stored.startsWith('video:')) return { mode: 'video', link: stored.slice('video:'.length) };
  return { mode: 'in_person', address: stored };
}
