/**
 * The site's raster pictures drawn from its SVG logo at build time: the home-screen icon
 * (`apple-touch-icon.png`, 180 px, which iOS wants as PNG) and the share picture for pages without
 * a picture of their own (1200×630, what Facebook and Zalo show large). No text is drawn, so the
 * result does not depend on the fonts of the machine that builds.
 */
import sharp from 'sharp';

/** The share picture's size, as Open Graph recommends. */
export const SHARE_PICTURE = { width: 1200, height: 630 } as const;

/**
 * The logo as a square PNG on white.
 *
 * @example
 * await drawIcon(svg, 180); // <Buffer 89 50 4e 47 …>
 */
export function drawIcon(svg: string, size: number): Promise<Buffer> {
  return sharp(Buffer.from(svg), { density: 72 * Math.ceil(size / 32) })
    .resize(size, size, { fit: 'contain', background: '#ffffff' })
    .flatten({ background: '#ffffff' })
    .png()
    .toBuffer();
}

/**
 * The logo in the middle of a 1200×630 picture in the site's colour.
 *
 * @example
 * await drawSharePicture(svg, '#0a4f8f'); // <Buffer 89 50 4e 47 …>
 */
export async function drawSharePicture(svg: string, background: string): Promise<Buffer> {
  const logo = await sharp(Buffer.from(svg), { density: 600 })
    .resize(360, 360, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png()
    .toBuffer();
  return sharp({ create: { ...SHARE_PICTURE, channels: 3, background } })
    .composite([{ input: logo, gravity: 'center' }])
    .png()
    .toBuffer();
}
