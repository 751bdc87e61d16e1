/**
 * Layout of the opinion map: scales the analysis' anonymous points into an SVG view box with a
 * margin, keeping the aspect ratio (the two PCA axes are in the same units, so a circle stays a
 * circle). Pure, for the map component and its test.
 */

export interface MapPoint {
  x: number;
  y: number;
}

/** A view box and the function placing an analysis point in it (SVG y grows downwards). */
export interface MapLayout {
  width: number;
  height: number;
  place: (p: MapPoint) => MapPoint;
}

/**
 * @param points every point the map shows (groups, ungrouped, the viewer)
 * @param width view box width in SVG units; the height follows the data's aspect, within 0.5–1 × width
 * @param margin in SVG units on each side
 */
export function mapLayout(points: readonly MapPoint[], width = 600, margin = 24): MapLayout {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  if (!points.length) [minX, maxX, minY, maxY] = [-1, 1, -1, 1];
  const spanX = Math.max(maxX - minX, 1e-6);
  const spanY = Math.max(maxY - minY, 1e-6);
  const inner = width - 2 * margin;
  const height = Math.round(
    Math.min(width, Math.max(width / 2, (inner * spanY) / spanX + 2 * margin)),
  );
  const scale = Math.min(inner / spanX, (height - 2 * margin) / spanY);
  const offsetX = margin + (inner - spanX * scale) / 2;
  const offsetY = margin + (height - 2 * margin - spanY * scale) / 2;
  return {
    width,
    height,
    place: (p) => ({
      x: offsetX + (p.x - minX) * scale,
      y: height - (offsetY + (p.y - minY) * scale),
    }),
  };
}

/** Marker shapes per group, so groups differ by shape as well as by colour (WCAG 1.4.1). */
export const GROUP_SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;
/** Group colours, each ≥ 3:1 against white (WCAG 1.4.11 non-text contrast). */
export const GROUP_COLOURS = ['#1f5fa8', '#a8412a', '#2e7031', '#7b3fa0', '#7a5c00'] as const;
