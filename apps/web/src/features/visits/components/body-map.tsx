import type { NeedleSide } from '@ims/contracts';
import { Box, Group, Stack, Text } from '@mantine/core';
import { knownPosition, markersFor, type BodyMapMuscle, type BodyView, type PlacedMarker } from '../body-map-positions';

/** A muscle needled this visit, with the side of each site (null while the row has no side yet). */
export interface BodyMapSite {
  muscle: BodyMapMuscle;
  side: NeedleSide | null;
}

interface BodyMapProps {
  /** The sites of this visit: drawn strong. */
  sites: readonly BodyMapSite[];
  /** Muscles needled over the course (the plan's visits): drawn light, unless also needled this visit. */
  course?: readonly BodyMapMuscle[];
  /** Accessible name prefix, e.g. "Body map". */
  label?: string;
}

// Right half of the outline (x ≥ 0), from the neck down the outside to the foot and up the inside of the leg.
const HALF_OUTLINE: [number, number][] = [
  [8, 54], [9, 64], [28, 70], [46, 76], [54, 88], [58, 110], [62, 140], [68, 175], [74, 205], [78, 222],
  [70, 232], [64, 216], [58, 182], [50, 146], [44, 114], [41, 104], [40, 140], [38, 180], [42, 205],
  [40, 250], [34, 300], [32, 345], [28, 392], [34, 408], [10, 410], [10, 392], [12, 345], [10, 300], [6, 250], [0, 228],
];
const OUTLINE = (() => {
  const right = HALF_OUTLINE.map(([x, y]) => `${x},${y}`);
  const left = HALF_OUTLINE.toReversed().map(([x, y]) => `${-x},${y}`);
  return `M${[...right, ...left].join(' L')} Z`;
})();

const FIGURE_CENTRE: Record<BodyView, number> = { front: 100, back: 300 };
const CURRENT = { fill: 'var(--mantine-color-red-7)', stroke: 'var(--mantine-color-red-9)' };
const COURSE = { fill: 'var(--mantine-color-orange-2)', stroke: 'var(--mantine-color-orange-7)' };

function sidesLabel(sides: ReadonlySet<NeedleSide>): string {
  if (sides.has('bilateral') || (sides.has('left') && sides.has('right'))) return ' (both sides)';
  const named = (['right', 'left', 'midline'] as const).filter((side) => sides.has(side));
  return named.length ? ` (${named.join(', ')})` : '';
}

interface Highlight {
  muscle: BodyMapMuscle;
  label: string;
  markers: PlacedMarker[];
}

/** Muscles that only have a region to go by, numbered per region so they do not sit on top of each other. */
function regionSpreader() {
  const seen = new Map<string, number>();
  return (muscle: BodyMapMuscle) => {
    if (knownPosition(muscle)) return 0;
    const index = seen.get(muscle.region) ?? 0;
    seen.set(muscle.region, index + 1);
    return index;
  };
}

function highlights(sites: readonly BodyMapSite[], course: readonly BodyMapMuscle[]) {
  const spread = regionSpreader();
  const byCode = new Map<string, { muscle: BodyMapMuscle; sides: Set<NeedleSide> }>();
  for (const site of sites) {
    const entry = byCode.get(site.muscle.code) ?? { muscle: site.muscle, sides: new Set<NeedleSide>() };
    if (site.side) entry.sides.add(site.side);
    byCode.set(site.muscle.code, entry);
  }
  const current: Highlight[] = [...byCode.values()].map(({ muscle, sides }) => ({
    muscle,
    label: `${muscle.name}${sidesLabel(sides)}`,
    markers: markersFor(muscle, sides.size ? sides : null, spread(muscle)),
  }));
  const earlier = new Map<string, BodyMapMuscle>();
  for (const muscle of course) if (!byCode.has(muscle.code)) earlier.set(muscle.code, muscle);
  const courseOnly: Highlight[] = [...earlier.values()].map((muscle) => ({ muscle, label: muscle.name, markers: markersFor(muscle, null, spread(muscle)) }));
  return { current, courseOnly };
}

/** The accessible description of the map: what a sighted reader gets from the colours. */
export function bodyMapDescription(current: readonly { label: string }[], courseOnly: readonly { label: string }[], label = 'Body map'): string {
  if (!current.length && !courseOnly.length) return `${label}: no muscles needled yet`;
  const parts = [
    current.length ? `needled this visit: ${current.map((entry) => entry.label).join(', ')}` : 'nothing needled this visit yet',
    ...(courseOnly.length ? [`earlier in the course: ${courseOnly.map((entry) => entry.label).join(', ')}`] : []),
  ];
  return `${label}: ${parts.join('; ')}`;
}

function Marker({ marker, label, emphasis }: { marker: PlacedMarker; label: string; emphasis: 'current' | 'course' }) {
  const colours = emphasis === 'current' ? CURRENT : COURSE;
  return (
    <circle
      cx={FIGURE_CENTRE[marker.view] + marker.x}
      cy={marker.y}
      r={emphasis === 'current' ? 6 : 5}
      fill={colours.fill}
      stroke={colours.stroke}
      strokeWidth={1.5}
      // Dashed rings tell the course apart from this visit on a black-and-white printout too.
      strokeDasharray={emphasis === 'course' ? '2 2' : undefined}
      data-muscle={marker.code}
      data-emphasis={emphasis}
    >
      <title>{label}</title>
    </circle>
  );
}

/**
 * A front and back outline of the body with a marker per muscle needled: strong for this visit (on the side
 * needled), light for the rest of the course. An illustration, so the outline is hand-drawn; the text legend and
 * the accessible name say the same in words.
 */
export function BodyMap({ sites, course = [], label = 'Body map' }: BodyMapProps) {
  const { current, courseOnly } = highlights(sites, course);
  return (
    <Stack gap="xs">
      <Box
        component="svg"
        viewBox="0 0 400 425"
        role="img"
        aria-label={bodyMapDescription(current, courseOnly, label)}
        w="100%"
        maw={420}
        style={{ display: 'block' }}
      >
        {(['front', 'back'] as const).map((view) => (
          <g key={view} aria-hidden>
            <g transform={`translate(${FIGURE_CENTRE[view]} 0)`} fill="var(--mantine-color-gray-1)" stroke="var(--mantine-color-gray-5)" strokeWidth={1.5}>
              <ellipse cx={0} cy={32} rx={17} ry={21} />
              <path d={OUTLINE} strokeLinejoin="round" />
              {view === 'back' ? <line x1={0} y1={60} x2={0} y2={205} strokeDasharray="3 4" /> : null}
            </g>
            <text x={FIGURE_CENTRE[view]} y={424} textAnchor="middle" fontSize={13} fill="var(--mantine-color-gray-7)">
              {view === 'front' ? 'Front' : 'Back'}
            </text>
            <text x={FIGURE_CENTRE[view] - 80} y={14} fontSize={11} fill="var(--mantine-color-gray-6)">
              {view === 'front' ? 'R' : 'L'}
            </text>
            <text x={FIGURE_CENTRE[view] + 74} y={14} fontSize={11} fill="var(--mantine-color-gray-6)">
              {view === 'front' ? 'L' : 'R'}
            </text>
          </g>
        ))}
        {courseOnly.flatMap((entry) =>
          entry.markers.map((marker) => <Marker key={`course-${marker.code}-${marker.x}`} marker={marker} label={entry.label} emphasis="course" />),
        )}
        {current.flatMap((entry) =>
          entry.markers.map((marker) => <Marker key={`current-${marker.code}-${marker.x}`} marker={marker} label={entry.label} emphasis="current" />),
        )}
      </Box>
      <Stack gap={4} aria-label="Body map legend" role="group">
        <LegendLine swatch={CURRENT} dashed={false} title="This visit" names={current.map((entry) => entry.label)} empty="Nothing needled yet" />
        {courseOnly.length ? <LegendLine swatch={COURSE} dashed title="Earlier in the course" names={courseOnly.map((entry) => entry.label)} /> : null}
      </Stack>
    </Stack>
  );
}

function LegendLine({ swatch, dashed, title, names, empty }: { swatch: typeof CURRENT; dashed: boolean; title: string; names: string[]; empty?: string }) {
  return (
    <Group gap={8} wrap="nowrap" align="flex-start">
      <svg width={14} height={14} aria-hidden style={{ flex: 'none', marginTop: 3 }}>
        <circle cx={7} cy={7} r={5} fill={swatch.fill} stroke={swatch.stroke} strokeWidth={1.5} strokeDasharray={dashed ? '2 2' : undefined} />
      </svg>
      <Text size="sm">
        <Text span fw={600}>
          {title}:
        </Text>{' '}
        {names.length ? names.join(', ') : empty}
      </Text>
    </Group>
  );
}
