import { Controller, Get, Head, Param, Res, UseFilters } from '@nestjs/common';
import { uuidParam } from '../../common/validation/uuid-param';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { Public } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { CSV_OPTIONS } from '../../common/export/csv-options';
import { responseWriter } from '../../common/export/response-writer';
import { streamXlsxSheet } from '../../common/export/xlsx-stream';
import { DomainError } from '../../common/errors/domain-error';
import { DomainErrorHttpFilter, refuseHead } from '../../common/errors/domain-error-http.filter';
import { PetitionService } from './petition.service';

/** The columns of both signature exports. */
const SIGNATURE_COLUMNS = ['n°', 'signée le (UTC)', 'typologie du signataire', 'démonstration'];

/** Signature exports over HTTP (session cookie or Bearer token), streamed in batches. */
@Controller('exports/petitions')
@UseFilters(DomainErrorHttpFilter)
export class PetitionExportController {
  constructor(private readonly petitions: PetitionService) {}

  /** `HEAD`: 405 with `Allow: GET` (no export is built). */
  @Public()
  @Head([':petitionId/signatures.csv', ':petitionId/signatures.xlsx'])
  head(@Res() res: Response): void {
    refuseHead(res);
  }

  /**
   * `GET /exports/petitions/:petitionId/signatures.csv`: one line per signature, oldest first
   * (n°, signed at in UTC ISO 8601, signer typology, demo), UTF-8 with BOM. Access: the
   * petition's author, committee members, space and organization admins. 401/403/404 as JSON.
   */
  @Public()
  @Get(':petitionId/signatures.csv')
  async csv(
    @Param('petitionId', uuidParam('petitionId')) petitionId: string,
    @CurrentViewer() viewer: Viewer | null,
    @Res() res: Response,
  ): Promise<void> {
    if (!viewer) throw DomainError.unauthenticated();
    await this.petitions.checkExport(petitionId, viewer);
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader(
      'content-disposition',
      `attachment; filename="petition-${petitionId}-signatures.csv"`,
    );
    const out = responseWriter(res);
    const write = (text: string) => out.write(text);
    await write(`\uFEFF${stringify([SIGNATURE_COLUMNS], CSV_OPTIONS)}`);
    let n = 0;
    for await (const batch of this.petitions.signatureBatches(petitionId)) {
      if (out.gone) break;
      await write(
        stringify(
          batch.map((s) => [
            String((n += 1)),
            s.signedAt.toISOString(),
            s.typology ?? '',
            s.demo ? 'oui' : 'non',
          ]),
          CSV_OPTIONS,
        ),
      );
    }
    res.end();
  }

  /**
   * `GET /exports/petitions/:petitionId/signatures.xlsx`: the same table as the CSV in an Excel
   * workbook (sheet « Signatures »; the date as a date cell, UTC), streamed in batches of 1,000.
   * Access: as the CSV (author, committee, space and organization admins). 401/403/404 as JSON.
   */
  @Public()
  @Get(':petitionId/signatures.xlsx')
  async xlsx(
    @Param('petitionId', uuidParam('petitionId')) petitionId: string,
    @CurrentViewer() viewer: Viewer | null,
    @Res() res: Response,
  ): Promise<void> {
    if (!viewer) throw DomainError.unauthenticated();
    await this.petitions.checkExport(petitionId, viewer);
    res.setHeader(
      'content-type',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    res.setHeader(
      'content-disposition',
      `attachment; filename="petition-${petitionId}-signatures.xlsx"`,
    );
    const petitions = this.petitions;
    let n = 0;
    async function* rows() {
      for await (const batch of petitions.signatureBatches(petitionId))
        yield batch.map((s) => [(n += 1), s.signedAt, s.typology ?? '', s.demo ? 'oui' : 'non']);
    }
    await streamXlsxSheet(res, 'Signatures', SIGNATURE_COLUMNS, rows());
  }
}
