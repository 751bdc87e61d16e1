import { Controller, Get, Head, Param, Res, UseFilters } from '@nestjs/common';
import { uuidParam } from '../../common/validation/uuid-param';
import type { Response } from 'express';
import { Authenticated, Public } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { DomainErrorHttpFilter, refuseHead } from '../../common/errors/domain-error-http.filter';
import { inRequestLanguage } from '../../common/errors/error-messages';
import { DataExportService } from './data-export.service';

/** The one-time download of a "download my data" export (session cookie or Bearer token). */
@Controller('exports/my-data')
@UseFilters(DomainErrorHttpFilter)
export class DataExportController {
  constructor(private readonly exports: DataExportService) {}

  /**
   * `HEAD /exports/my-data/:exportId.zip`: 405 with `Allow: GET`, for anyone. Express would
   * otherwise run the GET handler for a HEAD request, and a link checker or `curl -I` would
   * consume the one-time download. Declared before the GET so Express matches it first.
   */
  @Public()
  @Head(':exportId.zip')
  head(@Res() res: Response): void {
    refuseHead(res);
  }

  /**
   * `GET /exports/my-data/:exportId.zip`: the ZIP, once. Access: the export's owner.
   * Answers 200 with the file the first time; 410 Gone once downloaded or expired; 409 while
   * it is being prepared (or failed); 404 for an unknown export or another user's; 401 signed out;
   * 400 for a malformed id. Errors as JSON `{ code, message }`.
   */
  @Authenticated()
  @Get(':exportId.zip')
  async download(
    @CurrentViewer() viewer: Viewer,
    @Param('exportId', uuidParam('exportId')) exportId: string,
    @Res() res: Response,
  ): Promise<void> {
    const result = await this.exports.download(viewer.user.id, exportId);
    res.setHeader('cache-control', 'no-store');
    switch (result.kind) {
      case 'file':
        res.setHeader('content-type', 'application/zip');
        res.setHeader(
          'content-disposition',
          `attachment; filename="concerto-mes-donnees-${exportId}.zip"`,
        );
        res.setHeader('content-length', String(result.content.length));
        res.end(result.content);
        return;
      case 'gone':
        res.status(410).json({
          code: 'GONE',
          message: inRequestLanguage({
            fr: 'Cet export a déjà été téléchargé ou a expiré : demandez-en un nouveau.',
            en: 'This export has already been downloaded or has expired: ask for a new one.',
          }),
        });
        return;
      case 'notReady':
        res.status(409).json({
          code: 'CONFLICT',
          message: inRequestLanguage({
            fr: 'Cet export n’est pas prêt.',
            en: 'This export is not ready.',
          }),
        });
        return;
      default:
        res.status(404).json({
          code: 'NOT_FOUND',
          message: inRequestLanguage({ fr: 'Export introuvable.', en: 'Export not found.' }),
        });
    }
  }
}
