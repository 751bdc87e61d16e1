import { mapLayout } from './opinion-map';

describe('opinion map layout', () => {
  it('places every point inside the view box, margins kept, y pointing up', () => {
    const points = [
      { x: -3, y: -1 },
      { x: 5, y: 2 },
      { x: 0, y: 0 },
    ];
    const layout = mapLayout(points, 600, 24);
    for (const p of points.map(layout.place)) {
      expect(p.x).toBeGreaterThanOrEqual(24 - 1e-9);
      expect(p.x).toBeLessThanOrEqual(600 - 24 + 1e-9);
      expect(p.y).toBeGreaterThanOrEqual(24 - 1e-9);
      expect(p.y).toBeLessThanOrEqual(layout.height - 24 + 1e-9);
    }
    // the widest span fills the inner width; a higher point is drawn higher (smaller SVG y)
    expect(layout.place({ x: 5, y: 0 }).x - layout.place({ x: -3, y: 0 }).x).toBeCloseTo(552, 6);
    expect(layout.place({ x: 0, y: 2 }).y).toBeLessThan(layout.place({ x: 0, y: -1 }).y);
  });

  it('keeps the aspect ratio: one unit is as long on both axes', () => {
    const layout = mapLayout(
      [
        { x: 0, y: 0 },
        { x: 10, y: 10 },
      ],
      600,
    );
    const a = layout.place({ x: 0, y: 0 });
    const b = layout.place({ x: 1, y: 1 });
    expect(Math.abs(b.x - a.x)).toBeCloseTo(Math.abs(b.y - a.y), 9);
  });

  it('copes with no point and with a single point', () => {
    expect(mapLayout([]).height).toBeGreaterThan(0);
    const one = mapLayout([{ x: 2, y: 2 }]);
    const p = one.place({ x: 2, y: 2 });
    expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });
});
