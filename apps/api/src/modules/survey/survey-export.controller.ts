import { ErrorCode, SpaceRole } from '@concerto/domain';
import { ArgumentsHost, Catch, Controller, ExceptionFilter, Get, Head, Param, ParseUUIDPipe, Res, UseFilters } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { Public, SpaceRoles } from '../../common/access/access-policy';
import { DomainError } from '../../common/errors/domain-error';
import { CSV_OPTIONS } from '../../common/export/csv-options';
import { SurveyExportService } from './survey-export.service';


const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409,
};

/** Answers a {@link DomainError} raised by the guard or the export with its HTTP status and `{ code, message }`. */
@Catch(DomainError)
export class DomainErrorHttpFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      response.destroy(error);
      return;
    }
    response.status(HTTP_STATUS[error.code] ?? 500).json({ code: error.code, message: error.message });
  }
}

/**
 * Answers a `HEAD` request for a download with 405 and `Allow: GET`, without running anything:
 * Express runs a route's GET handler for HEAD, which would build a whole export (or consume a
 * one-time download) only to drop the body.
 * @param res the Express response
 */
export function refuseHead(res: Response): void {
  res.setHeader('allow', 'GET');
  res.setHeader('cache-control', 'no-store');
  res.status(405).end();
}

/**
 * Survey exports over HTTP, for space admins and organization admins (session cookie or
 * Bearer token, the same access guard as GraphQL). Answers are streamed in keyset batches of
 * submissions, so memory stays flat whatever the number of answers.
 */
@Controller('exports/surveys')
@UseFilters(DomainErrorHttpFilter)
export class SurveyExportController {
  constructor(private readonly exports: SurveyExportService) {}

  /** `HEAD` on any of the exports below: 405 with `Allow: GET` (no export is built). Declared first so Express matches it before the GETs. */
  @Public()
  @Head([':surveyId/answers.csv', ':surveyId/answers.xlsx', ':surveyId/results.json'])
  head(@Res() res: Response): void {
    refuseHead(res);
  }

  /**
   * `GET /exports/surveys/:surveyId/answers.csv`: one line per submission, one column per
   * question (UTF-8 with BOM, comma-separated). Access: space admins. 401/403/404 as JSON.
   */
  @SpaceRoles([SpaceRole.ADMIN], (a) => ({ surveyId: a.surveyId }))
  @Get(':surveyId/answers.csv')
  async csv(@Param('surveyId', new ParseUUIDPipe()) surveyId: string, @Res() res: Response): Promise<void> {
    const columns = await this.exports.columns(surveyId);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="enquete-${surveyId}-reponses.csv"`);
    const write = (text: string) => (res.write(text) ? Promise.resolve() : new Promise<void>((resolve) => res.once('drain', () => resolve())));
    await write(`\uFEFF${stringify([columns.header], CSV_OPTIONS)}`);
    for await (const chunk of this.exports.csvChunks(surveyId, columns)) await write(chunk);
    res.end();
  }

  /** `GET /exports/surveys/:surveyId/answers.xlsx`: the same table as an Excel workbook (streamed). Access: space admins. */
  @SpaceRoles([SpaceRole.ADMIN], (a) => ({ surveyId: a.surveyId }))
  @Get(':surveyId/answers.xlsx')
  async xlsx(@Param('surveyId', new ParseUUIDPipe()) surveyId: string, @Res() res: Response): Promise<void> {
    const columns = await this.exports.columns(surveyId);
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="enquete-${surveyId}-reponses.xlsx"`);
    await this.exports.writeXlsx(surveyId, columns, res);
  }

  /** `GET /exports/surveys/:surveyId/results.json`: the exact results (as `surveyResults`, without cross-tabulation). Access: space admins. */
  @SpaceRoles([SpaceRole.ADMIN], (a) => ({ surveyId: a.surveyId }))
  @Get(':surveyId/results.json')
  async results(@Param('surveyId', new ParseUUIDPipe()) surveyId: string, @Res() res: Response): Promise<void> {
    const results = await this.exports.results(surveyId);
    res.setHeader('content-disposition', `attachment; filename="enquete-${surveyId}-resultats.json"`);
    res.json(results);
  }
}
