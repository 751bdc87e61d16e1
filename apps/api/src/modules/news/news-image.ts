import { NewsLimits } from '@concerto/domain';
import sharp from 'sharp';
import { DomainError } from '../../common/errors/domain-error';

/** Largest decoded image accepted (pixels): refuses decompression bombs before they fill memory. */
const MAX_INPUT_PIXELS = 40_000_000;

/** A stored news image: a WebP without metadata. */
export interface NewsImage {
  bytes: Buffer;
  contentType: 'image/webp';
  width: number;
  height: number;
}

/**
 * Turns an uploaded file into a news image with `sharp` (libvips), as avatars are made
 * (`profile/avatar-image.ts`): the format is read from the content and must be JPEG, PNG, WebP
 * or GIF (first frame); the image is turned upright from its EXIF orientation, shrunk to at
 * most {@link NewsLimits.imageWidth} pixels wide and twice that high (never enlarged) and
 * written as WebP. sharp writes no metadata unless asked, so EXIF (GPS position, camera), ICC,
 * XMP and IPTC are dropped.
 * @param upload the uploaded bytes
 * @throws BAD_USER_INPUT `field: image`, `reason: IMAGE_TOO_LARGE` over 5 MiB or 40 megapixels;
 *         `reason: IMAGE_NOT_IMAGE` empty, not an image, or another format
 */
export async function toNewsImage(upload: Buffer): Promise<NewsImage> {
  if (upload.length > NewsLimits.imageMaxBytes) throw imageTooLarge();
  if (upload.length === 0) throw notAnImage();
  let format: string | undefined;
  try {
    const metadata = await sharp(upload, { limitInputPixels: false }).metadata();
    format = metadata.format;
    if ((metadata.width ?? 0) * (metadata.height ?? 0) > MAX_INPUT_PIXELS) throw imageTooLarge();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw notAnImage();
  }
  if (!format || !(NewsLimits.imageFormats as readonly string[]).includes(format))
    throw notAnImage();
  try {
    const { data, info } = await sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS, pages: 1 })
      .rotate()
      .resize(NewsLimits.imageWidth, NewsLimits.imageWidth * 2, {
        fit: 'inside',
        withoutEnlargement: true,
      })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: 'image/webp', width: info.width, height: info.height };
  } catch {
    throw notAnImage();
  }
}

export const imageTooLarge = () =>
  DomainError.badInput('image : fichier trop lourd (5 Mo et 40 mégapixels au plus).', {
    field: 'image',
    reason: 'IMAGE_TOO_LARGE',
  }).inEnglish('File too large (at most 5 MB and 40 megapixels).');
const notAnImage = () =>
  DomainError.badInput('image : choisissez une image JPEG, PNG, WebP ou GIF.', {
    field: 'image',
    reason: 'IMAGE_NOT_IMAGE',
  }).inEnglish('Choose a JPEG, PNG, WebP or GIF image.');
