import { ProfileRules } from '@concerto/domain';
import { Controller, Get, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { uuidParam } from '../../common/validation/uuid-param';
import type { Request, Response } from 'express';
import { Authenticated, Public } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { DomainError } from '../../common/errors/domain-error';
import { DomainErrorHttpFilter } from '../../common/errors/domain-error-http.filter';
import { inRequestLanguage } from '../../common/errors/error-messages';
import { toAvatarImage } from './avatar-image';
import { ProfileService } from './profile.service';

/**
 * Reads a request body up to `limit` bytes.
 * @throws BAD_USER_INPUT `reason: AVATAR_TOO_LARGE` as soon as the body passes the limit (the rest is not read)
 */
async function readBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
const tooLarge = () =>
  DomainError.badInput('avatar: image trop lourde (5 Mo au plus)', {
    field: 'avatar',
    reason: 'AVATAR_TOO_LARGE',
  }).inEnglish('Image too large (at most 5 MB)');

/** Avatars: upload (the image itself as the request body) and download, served by the API. */
@Controller('avatars')
@UseFilters(DomainErrorHttpFilter)
export class AvatarController {
  constructor(private readonly profiles: ProfileService) {}

  /**
   * `POST /avatars`: the caller's new avatar; the body is the image file (any content type but
   * JSON and forms, e.g. `image/jpeg`), at most 5 MiB. Access: signed-in users (session cookie
   * or Bearer token). Answers 201 `{ avatarUrl }`; 400 `{ code: BAD_USER_INPUT, reason }` with
   * `AVATAR_TOO_LARGE` or `AVATAR_NOT_IMAGE`, nothing changed; 401 signed out.
   */
  @Authenticated()
  @Post()
  async upload(
    @CurrentViewer() viewer: Viewer,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const image = await toAvatarImage(await readBody(req, ProfileRules.avatarMaxBytes));
    const avatarUrl = await this.profiles.setAvatar(viewer, image);
    res.status(201).json({ avatarUrl });
  }

  /**
   * `GET /avatars/:id.webp`: a square WebP, if its owner's avatar visibility lets the caller see
   * it (404 otherwise, as for an unknown id). Access: anyone, as the visibility allows.
   */
  @Public()
  @Get(':avatarId.webp')
  async download(
    @CurrentViewer() viewer: Viewer | null,
    @Param('avatarId', uuidParam('avatarId')) avatarId: string,
    @Res() res: Response,
  ): Promise<void> {
    const image = await this.profiles.avatarImage(avatarId, viewer);
    if (!image) {
      res.status(404).json({
        code: 'NOT_FOUND',
        message: inRequestLanguage({ fr: 'Image introuvable.', en: 'Image not found.' }),
      });
      return;
    }
    // a new upload gets a new id: the bytes behind an id never change, only who may read them
    res.setHeader('cache-control', 'private, max-age=3600');
    res.setHeader('content-type', image.contentType);
    res.setHeader('x-content-type-options', 'nosniff');
    res.end(image.bytes);
  }
}
