import { SpaceRole } from '@concerto/domain';
import { Controller, Get, Head, Param, Res, UseFilters } from '@nestjs/common';
import { uuidParam } from '../../common/validation/uuid-param';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { Public, SpaceRoles } from '../../common/access/access-policy';
import { DomainErrorHttpFilter, refuseHead } from '../../common/errors/domain-error-http.filter';
import { CSV_OPTIONS } from '../../common/export/csv-options';
import { responseWriter } from '../../common/export/response-writer';
import { SurveyExportService } from './survey-export.service';

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
  async csv(
    @Param('surveyId', uuidParam('surveyId')) surveyId: string,
    @Res() res: Response,
  ): Promise<void> {
    const columns = await this.exports.columns(surveyId);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="enquete-${surveyId}-reponses.csv"`);
    const out = responseWriter(res);
    const write = (text: string) => out.write(text);
    await write(`\uFEFF${stringify([columns.header], CSV_OPTIONS)}`);
    for await (const chunk of this.exports.csvChunks(surveyId, columns)) {
      if (out.gone) break;
      await write(chunk);
    }
    res.end();
  }

  /** `GET /exports/surveys/:surveyId/answers.xlsx`: the same table as an Excel workbook (streamed). Access: space admins. */
  @SpaceRoles([SpaceRole.ADMIN], (a) => ({ surveyId: a.surveyId }))
  @Get(':surveyId/answers.xlsx')
  async xlsx(
    @Param('surveyId', uuidParam('surveyId')) surveyId: string,
    @Res() res: Response,
  ): Promise<void> {
    const columns = await this.exports.columns(surveyId);
    res.setHeader(
      'content-type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    res.setHeader(
      'content-disposition',
      `attachment; filename="enquete-${surveyId}-reponses.xlsx"`,
    );
    await this.exports.writeXlsx(surveyId, columns, res);
  }

  /** `GET /exports/surveys/:surveyId/results.json`: the exact results (as `surveyResults`, without cross-tabulation). Access: space admins. */
  @SpaceRoles([SpaceRole.ADMIN], (a) => ({ surveyId: a.surveyId }))
  @Get(':surveyId/results.json')
  async results(
    @Param('surveyId', uuidParam('surveyId')) surveyId: string,
    @Res() res: Response,
  ): Promise<void> {
    const results = await this.exports.results(surveyId);
    res.setHeader(
      'content-disposition',
      `attachment; filename="enquete-${surveyId}-resultats.json"`,
    );
    res.json(results);
  }
}
