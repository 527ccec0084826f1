import type { Response } from 'express';
import type { ExportFile } from '../../../services/exports/index.js';

/** Sends a file with a name Excel and browsers both read right, Chinese included. */
export function sendFile(response: Response, file: ExportFile): void {
  response.setHeader('Content-Type', file.contentType);
  response.setHeader(
    'Content-Disposition',
    `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  );
  response.send(file.body);
}
