import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { DomainError, domainError } from '../errors.js';

/** An upload that is not a photo by its content, or one that cannot be decoded. */
export const NotAnImage = domainError('NotAnImage', 'unprocessable', 'not_an_image');
/** A photo over the size limit. */
export const ImageTooLarge = domainError('ImageTooLarge', 'too_large', 'image_too_large');

/** Technical limits of a story's photos (not legal numbers): 5 MB as sent, at most 1600 px wide or high as stored. */
export const IMAGE_LIMITS = { maxBytes: 5 * 1024 * 1024, maxEdge: 1600, maxInputPixels: 40_000_000 } as const;

const ACCEPTED = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

export interface PreparedImage {
  data: Buffer;
  mime: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
}

/**
 * Checks a photo by its bytes (magic numbers, never the name or the declared type), then
 * re-encodes it: turned upright, at most `maxEdge` px, metadata (EXIF, GPS position) dropped.
 * PNG stays PNG (transparency, drawings), everything else becomes JPEG.
 */
export async function prepareStoryImage(buf: Buffer): Promise<PreparedImage> {
  if (buf.length > IMAGE_LIMITS.maxBytes) throw new ImageTooLarge('Ảnh vượt quá 5 MB. Hãy chọn ảnh nhỏ hơn.');
  const type = await fileTypeFromBuffer(buf);
  if (!type || !ACCEPTED.has(type.mime)) throw new NotAnImage('Tệp tải lên không phải là ảnh (chỉ nhận JPEG, PNG, WebP, GIF).');
  try {
    const png = type.mime === 'image/png';
    const pipeline = sharp(buf, { limitInputPixels: IMAGE_LIMITS.maxInputPixels, animated: false })
      .rotate()
      .resize({ width: IMAGE_LIMITS.maxEdge, height: IMAGE_LIMITS.maxEdge, fit: 'inside', withoutEnlargement: true });
    const { data, info } = await (
      png ? pipeline.png({ compressionLevel: 9 }) : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true })
    ).toBuffer({
      resolveWithObject: true,
    });
    return { data, mime: png ? 'image/png' : 'image/jpeg', width: info.width, height: info.height };
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new NotAnImage('Không đọc được ảnh (tệp hỏng hoặc quá nhiều điểm ảnh).');
  }
}
