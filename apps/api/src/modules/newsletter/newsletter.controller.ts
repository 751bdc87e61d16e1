import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../../common/access/access-policy';
import { inRequestLanguage } from '../../common/errors/error-messages';
import { NewsletterService } from './newsletter.service';

/**
 * One-click unsubscription (RFC 8058). Every newsletter mail carries
 * `List-Unsubscribe: <{PUBLIC_URL}/lettre/desinscription/{token}>` and
 * `List-Unsubscribe-Post: List-Unsubscribe=One-Click`: the mail client POSTs
 * `List-Unsubscribe=One-Click` there, with no cookie and no CSRF token — the unguessable token
 * is the credential. A GET (a link scanner, an old client) never unsubscribes: it is redirected
 * to the web page `/lettre/se-desinscrire?jeton=…`, whose button POSTs to the same address.
 */
@Controller('lettre/desinscription')
export class NewsletterController {
  constructor(private readonly newsletters: NewsletterService) {}

  /**
   * `POST /lettre/desinscription/:token` — unsubscribes the token's owner (idempotent). Access:
   * anyone holding the token. Answers 200 `{ unsubscribed: true }`, or 404
   * `{ code: NOT_FOUND }` for an unknown token (nothing changed).
   */
  @Public()
  @Post(':token')
  @HttpCode(200)
  async oneClick(
    @Param('token') token: string,
    @Body() body: unknown,
    @Res() res: Response,
  ): Promise<void> {
    // the web page's button says so (`source=page`); anything else is a mail client's one-click
    const fromPage = (body as { source?: unknown } | undefined)?.source === 'page';
    const done = await this.newsletters.unsubscribeByToken(token, fromPage ? 'PAGE' : 'ONE_CLICK');
    res.setHeader('Cache-Control', 'no-store');
    if (!done) {
      res.status(404).json({
        code: 'NOT_FOUND',
        message: inRequestLanguage({
          fr: 'Lien de désinscription inconnu.',
          en: 'Unknown unsubscribe link.',
        }),
      });
      return;
    }
    res.status(200).json({ unsubscribed: true });
  }

  /** `GET /lettre/desinscription/:token` — 303 to the confirmation page (never unsubscribes). Access: anyone. */
  @Public()
  @Get(':token')
  page(@Param('token') token: string, @Res() res: Response): void {
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, `/lettre/se-desinscrire?jeton=${encodeURIComponent(token)}`);
  }
}
