// Direct Line error bodies (`{error:{code,message}}`) and the router's last-resort error handler, which
// turns body-parser failures into 400/413 and never lets a bad request crash the process.
import type { ErrorRequestHandler, Response } from 'express';
import { z } from 'zod';
import type { WebchatLogger } from './webchat-adapter.ts';

export type DirectlineErrorCode =
  | 'BadArgument'
  | 'BadSyntax'
  | 'EmptyMessage'
  | 'MessageTooLong'
  | 'TokenExpired'
  | 'TokenRevoked'
  | 'BadToken'
  | 'Forbidden'
  | 'NotFound'
  | 'TooManyRequests'
  | 'ServiceError';

/** Sends a Direct Line shaped error: what directlinejs and a curl user both can read. */
export function sendDirectlineError(res: Response, status: number, code: DirectlineErrorCode | string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

const bodyParserError = z.object({
  type: z.string().optional(),
  status: z.number().int().optional(),
});

/** Maps any error that reached the router to a JSON answer; only genuine internal failures are 500. */
export function directlineErrorHandler(logger: WebchatLogger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = bodyParserError.safeParse(error);
    const type = known.success ? known.data.type : undefined;
    const status = known.success ? known.data.status : undefined;
    if (type === 'entity.parse.failed') {
      sendDirectlineError(res, 400, 'BadSyntax', 'request body is not valid JSON');
      return;
    }
    if (type === 'entity.too.deep') {
      sendDirectlineError(res, 400, 'BadSyntax', 'request body is nested too deeply');
      return;
    }
    if (type === 'entity.too.large') {
      sendDirectlineError(res, 413, 'MessageTooLong', 'request body is too large');
      return;
    }
    if (status !== undefined && status >= 400 && status < 500) {
      sendDirectlineError(res, status, 'BadArgument', type ?? 'bad request');
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'direct line request failed');
    sendDirectlineError(res, 500, 'ServiceError', 'internal error, please retry');
  };
}
