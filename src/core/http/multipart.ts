import { AppError } from './errors.js';

/** One uploaded file of a multipart form. */
export interface UploadedFile {
  /** The name the browser sent (only a label: never used as a path). */
  fileName: string;
  /** What the browser claimed; callers check the content itself. */
  contentType: string;
  bytes: Buffer;
}

/** Largest multipart body accepted (the upload forms refuse files over their own, smaller limit with a 422). */
export const MULTIPART_BODY_LIMIT = 6 * 1024 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses a `multipart/form-data` body (RFC 7578) into text fields (strings, repeated names as arrays) and files
 * (`UploadedFile`, an empty file input is left out). Only what a browser form sends: no nested multiparts, no
 * transfer encodings. Malformed input is BAD_REQUEST.
 *
 * @example parseMultipart(body, 'multipart/form-data; boundary=x') // → { _csrf: '…', file: { fileName, contentType, bytes } }
 */
export function parseMultipart(body: Buffer, contentType: string): Record<string, string | string[] | UploadedFile> {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (!boundary) throw new AppError('BAD_REQUEST', 'error.malformedBody');
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const out: Record<string, string | string[] | UploadedFile> = Object.create(null);
  let pos = body.indexOf(delimiter);
  if (pos === -1) throw new AppError('BAD_REQUEST', 'error.malformedBody');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString('latin1') === '--') return out;
    if (body.subarray(pos, pos + 2).toString('latin1') !== '\r\n') throw new AppError('BAD_REQUEST', 'error.malformedBody');
    pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), pos);
    if (headerEnd === -1 || next === -1 || headerEnd > next) throw new AppError('BAD_REQUEST', 'error.malformedBody');
    const headers = body.subarray(pos, headerEnd).toString('utf8');
    const content = body.subarray(headerEnd + 4, next);
    pos = next + 2;
    const disposition = /^content-disposition:\s*form-data(.*)$/im.exec(headers)?.[1] ?? '';
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1];
    if (!name || name === '__proto__' || name === 'constructor' || name === 'prototype') continue;
    const fileName = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
    if (fileName !== undefined) {
      if (fileName === '' && content.length === 0) continue;
      out[name] = { fileName: fileName.replace(/^.*[\\/]/, ''), contentType: /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim() ?? 'application/octet-stream', bytes: Buffer.from(content) };
      continue;
    }
    let value: string;
    try {
      value = strictUtf8.decode(content);
    } catch {
      throw new AppError('BAD_REQUEST', 'error.malformedBody');
    }
    const prev = out[name];
    out[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : typeof prev === 'string' ? [prev, value] : value;
  }
}

export const isUploadedFile = (v: unknown): v is UploadedFile => typeof v === 'object' && v !== null && Buffer.isBuffer((v as UploadedFile).bytes);
