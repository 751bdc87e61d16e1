import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../../common/access/access-policy';
import { OpenDataService } from './open-data.service';

/** The public open-data download. */
@Controller()
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  /**
   * `GET /open-data.zip`: the open-data archive (a README and one UTF-8 CSV per dataset of
   * public content), streamed from the last complete build; `Last-Modified` = its build time;
   * cached for at most a minute (content hidden by moderation leaves it within a minute or two).
   * Access: anyone.
   */
  @Public()
  @Get('open-data.zip')
  async download(@Res() res: Response): Promise<void> {
    const file = await this.openData.open();
    const stream = file.handle.createReadStream({ autoClose: true });
    res.setHeader('content-type', 'application/zip');
    res.setHeader('content-disposition', 'attachment; filename="concerto-donnees-ouvertes.zip"');
    res.setHeader('content-length', String(file.size));
    res.setHeader('last-modified', file.builtAt.toUTCString());
    res.setHeader('cache-control', 'public, max-age=60');
    stream.on('error', () => res.destroy());
    res.on('close', () => stream.destroy());
    stream.pipe(res);
  }
}
