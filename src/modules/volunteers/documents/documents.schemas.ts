import { z } from 'zod';
import { isOneOf } from '../../../core/one-of.js';
import { isoDate, optionalInt, optionalMultilineText, requiredMultilineText, requiredText } from '../../../core/http/validation.js';

/** The documents of SPEC §3.1 point 5: the agreement (art. 44), the certificate of service and the reference. */
export const DOCUMENT_KINDS = ['agreement', 'certificate', 'reference'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** A kind named in a link or a form, checked without a cast. */
export const isDocumentKind = (value: unknown): value is DocumentKind => typeof value === 'string' && isOneOf(DOCUMENT_KINDS, value);

/** The languages documents are generated in: all five (Arabic through core/pdf's right-to-left writer). */
export const DOCUMENT_LOCALES = ['pl', 'en', 'uk', 'de', 'ar'] as const;
export type DocumentLocale = (typeof DOCUMENT_LOCALES)[number];

/** Longest template body (the issue: ≤ 20,000 characters). */
export const TEMPLATE_BODY_MAX = 20_000;

/**
 * An edited template, and what the editor asked for: save it, or only preview it (nothing saved).
 * Unknown placeholders are checked by the service (`placeholderErrors`), which names them in the message.
 */
export const TemplateInput = z
  .object({
    title: requiredText(200),
    body: requiredMultilineText(TEMPLATE_BODY_MAX),
    intent: z.enum(['save', 'preview']).default('save'),
  })
  .strict();
export type TemplateInput = z.infer<typeof TemplateInput>;

export const TemplateParams = z.object({ kind: z.enum(DOCUMENT_KINDS), locale: z.enum(DOCUMENT_LOCALES) });

const period = {
  periodFrom: isoDate(),
  periodTo: isoDate(),
};
const periodInOrder = (v: { periodFrom: string; periodTo: string }) => v.periodTo >= v.periodFrom;
const periodIssue = { params: { key: 'volunteers.documents.issue.periodOrder' }, path: ['periodTo'] };
const hours = optionalInt(1, 100_000);

/** Issuing a document from the volunteer's page: what each kind needs. */
export const IssueInput = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('agreement'),
      locale: z.enum(DOCUMENT_LOCALES),
      scope: requiredMultilineText(2000),
      place: requiredText(300),
      ...period,
      termination: requiredMultilineText(2000),
    })
    .strict(),
  z.object({ kind: z.literal('certificate'), locale: z.enum(DOCUMENT_LOCALES), scope: requiredMultilineText(2000), ...period, hours }).strict(),
  z
    .object({ kind: z.literal('reference'), locale: z.enum(DOCUMENT_LOCALES), scope: requiredMultilineText(2000), ...period, hours, assessment: requiredMultilineText(5000) })
    .strict(),
]);
export type IssueInput = z.infer<typeof IssueInput>;

/** Parses an issue form: the union above plus the period check (zod cannot refine a discriminated union's members). */
export const IssueForm = IssueInput.superRefine((v, ctx) => {
  if (!periodInOrder(v)) ctx.addIssue({ code: 'custom', ...periodIssue });
});

export const DocumentOutput = z.object({
  id: z.string().uuid(),
  volunteerId: z.string().uuid(),
  kind: z.enum(DOCUMENT_KINDS),
  locale: z.enum(DOCUMENT_LOCALES),
  title: z.string(),
  body: z.string(),
  issuedAt: z.string(),
  acceptedHow: z.enum(['electronic', 'paper', 'qualified']).nullable(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  verificationUrl: z.string().nullable(),
});
export type DocumentOutput = z.infer<typeof DocumentOutput>;

/** A verification code: 24 base64url characters (18 random bytes, 144 bits). */
export const VerificationCode = z.string().regex(/^[A-Za-z0-9_-]{24}$/);

/**
 * How agreements for service over 30 days may be concluded (issue 11 point 2): `written` — the law's written form, a
 * paper signature recorded by staff or a document with a qualified electronic signature (the default) — or
 * `electronic` — acceptance in Tandem, allowed only with the organisation's lawyer's note, which Tandem shows.
 */
export const LONG_SERVICE_FORMS = ['written', 'electronic'] as const;
export type LongServiceForm = (typeof LONG_SERVICE_FORMS)[number];

export const AgreementPolicyInput = z
  .object({
    longServiceForm: z.enum(LONG_SERVICE_FORMS),
    lawyerNote: optionalMultilineText(2000),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.longServiceForm === 'electronic' && !v.lawyerNote) ctx.addIssue({ code: 'custom', path: ['lawyerNote'], params: { key: 'volunteers.documents.policy.noteRequired' } });
  });
export type AgreementPolicyInput = z.output<typeof AgreementPolicyInput>;

/**
 * Base64 (RFC 4648 §4, padded): what a JSON client sends a file as. Checked without a repeated group: V8 runs out of
 * stack matching one over a 7 MB string.
 */
const isBase64 = (s: string) => s.length % 4 === 0 && !/[^A-Za-z0-9+/]/.test(s.replace(/={1,2}$/, ''));

/**
 * The agreement signed with a qualified electronic signature, uploaded as JSON: the file's name and its bytes in base64,
 * and the staff member's confirmation that they checked the signature. Parsed into what the upload form gives the
 * service (`{ file: UploadedFile, signatureChecked: 'true' }`), which checks the file as for the form: present, at
 * most 5 MB, a PDF / XAdES / ASiC-E by its content and name; and the confirmation.
 */
export const QualifiedUploadInput = z
  .object({
    file: z.object({ name: requiredText(200), contentBase64: z.string().refine(isBase64, { params: { key: 'validation.invalid' } }) }).strict(),
    signatureChecked: z.boolean().optional(),
  })
  .strict()
  .transform((v) => ({
    file: { fileName: v.file.name, contentType: 'application/octet-stream', bytes: Buffer.from(v.file.contentBase64, 'base64') },
    ...(v.signatureChecked ? { signatureChecked: 'true' } : {}),
  }));

/**
 * The account invitation of a volunteer: whose person record it is for, and what happened — `invited` (a link sent),
 * `resent` (a fresh link replaces the open one), or, when the person already has an account here, `roleAdded` /
 * `alreadyHeld` (no mail).
 */
export const InvitationOutput = z.object({ volunteerId: z.string().uuid(), personId: z.string().uuid(), outcome: z.enum(['invited', 'resent', 'roleAdded', 'alreadyHeld']) });
