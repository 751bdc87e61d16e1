import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DebateAnalysis } from '../graphql/debates';
import { GROUP_COLOURS, GROUP_SHAPES, mapLayout, type MapPoint } from '../opinion-map';

function Marker({
  shape,
  at,
  size,
  colour,
}: {
  shape: (typeof GROUP_SHAPES)[number];
  at: MapPoint;
  size: number;
  colour: string;
}) {
  const { x, y } = at;
  const s = size;
  switch (shape) {
    case 'square':
      return (
        <rect x={x - s} y={y - s} width={2 * s} height={2 * s} fill={colour} fillOpacity={0.8} />
      );
    case 'triangle':
      return (
        <polygon
          points={`${x},${y - s * 1.2} ${x - s * 1.1},${y + s} ${x + s * 1.1},${y + s}`}
          fill={colour}
          fillOpacity={0.8}
        />
      );
    case 'diamond':
      return (
        <polygon
          points={`${x},${y - s * 1.3} ${x + s * 1.3},${y} ${x},${y + s * 1.3} ${x - s * 1.3},${y}`}
          fill={colour}
          fillOpacity={0.8}
        />
      );
    case 'cross':
      return (
        <path
          d={`M${x - s} ${y - s}L${x + s} ${y + s}M${x + s} ${y - s}L${x - s} ${y + s}`}
          stroke={colour}
          strokeWidth={2}
        />
      );
    default:
      return <circle cx={x} cy={y} r={s} fill={colour} fillOpacity={0.8} />;
  }
}

/**
 * The opinion map: each group a cloud of anonymous points (its own colour and shape), grey points
 * for participants with too few votes to be grouped, each group's centre labelled with its
 * letter, and the viewer's own position marked « Vous ». The SVG scales to any width (390 px
 * included); the same data is in the table of {@link DebateResultsPage}, which screen readers use.
 */
export function OpinionMap({ analysis }: { analysis: DebateAnalysis }) {
  const { t } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const all = [
    ...analysis.groups.flatMap((g) => [...g.points, g.centroid]),
    ...analysis.ungrouped,
    ...(analysis.viewerPosition ? [analysis.viewerPosition] : []),
  ];
  const layout = mapLayout(all);
  const you = analysis.viewerPosition ? layout.place(analysis.viewerPosition) : null;
  return (
    <figure className="opinion-map">
      <svg
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        className="opinion-map__svg"
      >
        <title id={titleId}>{t('debates.map.title')}</title>
        <desc id={descId}>
          {t('debates.map.description', {
            groups: analysis.groups.length,
            participants: analysis.participantCount,
          })}{' '}
          {analysis.groups
            .map((g) => t('debates.map.groupSize', { label: g.label, count: g.size }))
            .join(' ')}
        </desc>
        <rect
          x={0.5}
          y={0.5}
          width={layout.width - 1}
          height={layout.height - 1}
          fill="#fff"
          stroke="#6b6b6b"
        />
        {analysis.ungrouped.map((p, i) => {
          const at = layout.place(p);
          return (
            <circle key={`u${i}`} cx={at.x} cy={at.y} r={2.5} fill="#6b6b6b" fillOpacity={0.5} />
          );
        })}
        {analysis.groups.map((g) => (
          <g key={g.id} data-group={g.label}>
            {g.points.map((p, i) => (
              <Marker
                key={i}
                shape={GROUP_SHAPES[g.id % GROUP_SHAPES.length]}
                at={layout.place(p)}
                size={3.5}
                colour={GROUP_COLOURS[g.id % GROUP_COLOURS.length]}
              />
            ))}
          </g>
        ))}
        {analysis.groups.map((g) => {
          const c = layout.place(g.centroid);
          return (
            <g key={`c${g.id}`}>
              <circle
                cx={c.x}
                cy={c.y}
                r={14}
                fill="#fff"
                stroke={GROUP_COLOURS[g.id % GROUP_COLOURS.length]}
                strokeWidth={3}
              />
              <text
                x={c.x}
                y={c.y + 5}
                textAnchor="middle"
                fontSize={15}
                fontWeight={700}
                fill="#1a1a1a"
              >
                {g.label}
              </text>
            </g>
          );
        })}
        {you ? (
          <g data-viewer="">
            <circle cx={you.x} cy={you.y} r={9} fill="none" stroke="#000" strokeWidth={3} />
            <circle cx={you.x} cy={you.y} r={3} fill="#000" />
            <text
              x={you.x + 13}
              y={you.y - 10}
              fontSize={14}
              fontWeight={700}
              fill="#000"
              stroke="#fff"
              strokeWidth={4}
              paintOrder="stroke"
            >
              {t('debates.map.you')}
            </text>
          </g>
        ) : null}
      </svg>
      <figcaption>
        <ul className="opinion-map__legend">
          {analysis.groups.map((g) => (
            <li key={g.id}>
              <svg viewBox="-8 -8 16 16" width="16" height="16" aria-hidden="true">
                <Marker
                  shape={GROUP_SHAPES[g.id % GROUP_SHAPES.length]}
                  at={{ x: 0, y: 0 }}
                  size={5}
                  colour={GROUP_COLOURS[g.id % GROUP_COLOURS.length]}
                />
              </svg>{' '}
              {t('debates.groupName', { label: g.label })} ·{' '}
              {t('debates.participants', { count: g.size })}
            </li>
          ))}
          {analysis.ungrouped.length ? (
            <li>{t('debates.map.ungrouped', { count: analysis.ungrouped.length })}</li>
          ) : null}
          {you ? <li>{t('debates.map.youLegend')}</li> : null}
        </ul>
      </figcaption>
    </figure>
  );
}
