import type { FastifyReply } from 'fastify';

export { formBody, idParam, routeParams } from '../../../core/http/route-helpers.js';
/** Sends a PDF as a download with an ASCII-only file name; never cached (personal data). */
export function sendPdf(reply: FastifyReply, file: { bytes: Buffer; fileName: string }) {
  return reply
    .status(200)
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}
