import type { NextFunction, Request, Response } from 'express';
import multer from 'multer';
import { ValidationError } from '../services/shared/errors.js';

/** The largest list a staff member may upload: a 50,000-row roster in XLSX is about 4 MB. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_UPLOAD_MEGABYTES = MAX_UPLOAD_BYTES / 1024 / 1024;

/** The only paths that take a file, and who may send one. */
const UPLOAD_PATHS = new Set(['/staff/lists/import']);
const UPLOAD_ROLES = new Set(['staff', 'admin']);

const parseSingleFile = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20 },
}).single('file');

/**
 * Parses a multipart upload before CSRF protection runs, so the form's `_csrf` field is checked
 * like any other form's. Only signed-in staff on an upload path get this far: nobody else can
 * make the server buffer a file.
 */
export function parseUploads(request: Request, response: Response, next: NextFunction): void {
  if (
    request.method !== 'POST' ||
    !UPLOAD_PATHS.has(request.path) ||
    !UPLOAD_ROLES.has(request.user?.role ?? '')
  ) {
    return next();
  }
  parseSingleFile(request, response, (error?: unknown) => {
    if (!error) return next();
    const code = (error as { code?: string }).code;
    next(
      new ValidationError(code === 'LIMIT_FILE_SIZE' ? 'file too large' : 'unreadable upload', {
        file: code === 'LIMIT_FILE_SIZE' ? 'upload.tooLarge' : 'lists.unreadableUpload',
      }),
    );
  });
}
