import { ProfileRules } from '@concerto/domain';
import sharp from 'sharp';
import { DomainError } from '../../common/errors/domain-error';

/** Largest decoded image accepted (pixels): refuses decompression bombs before they fill memory. */
const MAX_INPUT_PIXELS = 40_000_000;

/** A stored avatar: a square WebP without metadata. */
export interface AvatarImage {
  bytes: Buffer;
  contentType: 'image/webp';
  width: number;
  height: number;
}

/**
 * Turns an uploaded file into a stored avatar with `sharp` (libvips): the format is read from
 * the content (not the name or the declared type) and must be JPEG, PNG, WebP or GIF (first
 * frame); the image is turned upright from its EXIF orientation, cropped to a centred square of
 * {@link ProfileRules.avatarSize} pixels and written as WebP. sharp writes no metadata unless
 * asked (`keepMetadata`/`withMetadata`), so EXIF (GPS position, camera), ICC, XMP and IPTC are dropped.
 * @param upload the uploaded bytes
 * @throws BAD_USER_INPUT `reason: AVATAR_TOO_LARGE` over {@link ProfileRules.avatarMaxBytes} bytes
 *         or 40 megapixels; `reason: AVATAR_NOT_IMAGE` empty, not an image, or another format
 */
export async function toAvatarImage(upload: Buffer): Promise<AvatarImage> {
  if (upload.length > ProfileRules.avatarMaxBytes) throw avatarTooLarge();
  if (upload.length === 0) throw notAnImage();
  let format: string | undefined;
  try {
    const metadata = await sharp(upload, { limitInputPixels: false }).metadata();
    format = metadata.format;
    if ((metadata.width ?? 0) * (metadata.height ?? 0) > MAX_INPUT_PIXELS) throw avatarTooLarge();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw notAnImage();
  }
  if (!format || !(ProfileRules.avatarFormats as readonly string[]).includes(format))
    throw notAnImage();
  try {
    const { data, info } = await sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS, pages: 1 })
      .rotate()
      .resize(ProfileRules.avatarSize, ProfileRules.avatarSize, {
        fit: 'cover',
        position: 'attention',
      })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: 'image/webp', width: info.width, height: info.height };
  } catch {
    throw notAnImage();
  }
}

const avatarTooLarge = () =>
  DomainError.badInput(
    `avatar: image trop lourde (${ProfileRules.avatarMaxBytes / 1024 / 1024} Mo et 40 mégapixels au plus)`,
    { field: 'avatar', reason: 'AVATAR_TOO_LARGE' },
  ).inEnglish(
    `Image too large (at most ${ProfileRules.avatarMaxBytes / 1024 / 1024} MB and 40 megapixels)`,
  );
const notAnImage = () =>
  DomainError.badInput('avatar: choisissez une image JPEG, PNG, WebP ou GIF', {
    field: 'avatar',
    reason: 'AVATAR_NOT_IMAGE',
  }).inEnglish('Choose a JPEG, PNG, WebP or GIF image');
