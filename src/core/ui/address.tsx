/**
 * An e-mail address on a line of its own, left to right in any language: inside an Arabic (or any) sentence a long
 * address breaks mid-word and swallows the sentence's full stop; on its own line it wraps cleanly.
 */
export function Address({ email }: { email: string }) {
  return (
    <p class="address" dir="ltr">
      <bdi>{email}</bdi>
    </p>
  );
}
