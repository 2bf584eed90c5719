/**
 * Label placement for maps, at build time. Each label is tried at a fixed list of positions: centred
 * on its anchor, then on rings a step further out each time (up, down, right and left first, then the
 * diagonals, then the points between). It keeps the first position whose box, with a gap around it,
 * stays inside the frame and clear of every label placed before it and of every obstacle (markers,
 * titles). A label that ends up off its own area gets a leader line back to its anchor. Leaders count
 * as part of their label where possible: no later label covers one, and no leader crosses a placed
 * label, unless a label is walled in by others; then only lines may cross, never text. No position is
 * set by hand, and nothing is random: the same labels in the same order always land in the same
 * places, and other data gets places of its own.
 */

/** An axis-aligned box in SVG units: left, top, right, bottom. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A point in SVG units. */
export type Point = readonly [number, number];

/** One label to place. */
export interface LabelToPlace {
  /** What it says, for error messages. */
  readonly text: string;
  /** The point it names (an area's centroid, a marker's centre). */
  readonly anchor: Point;
  /** Its estimated size (`labelSize`). */
  readonly width: number;
  readonly height: number;
  /** The radius of the marker drawn at the anchor, if any: no label covers it, and a leader starts at its edge. */
  readonly radius?: number;
  /**
   * Whether a point lies on the label's own area. A label whose centre has moved off it gets a
   * leader; without this, a label gets one when its box is more than `LEADER_MIN` from the marker.
   */
  readonly onArea?: (point: Point) => boolean;
}

/** Where a label went. */
export interface PlacedLabel {
  /** The centre of the label, where a middle-anchored text is drawn. */
  readonly at: Point;
  readonly box: Box;
  /** From the anchor (or its marker's edge) to the nearest point of the label's box, when it needs one. */
  readonly leader?: readonly [Point, Point];
}

export interface PlacementOptions {
  /** The box every label must stay inside (a panel). */
  readonly frame: Box;
  /** Boxes no label may cover, besides the labels' own markers: titles, other marks. */
  readonly obstacles?: readonly Box[];
  /** Clear space kept around each label's box, in SVG units. */
  readonly gap?: number;
  /** How much further out each ring of candidate positions is, in SVG units. */
  readonly step?: number;
}

/** A label box further than this from its marker is joined to it by a leader. */
export const LEADER_MIN = 4;
/** The most positions tried on one ring round the anchor (a multiple of 8). */
const MAX_RING = 64;
/** The eight directions tried, in order, at each distance: up, down, right, left, then the diagonals. */
const DIRECTIONS: readonly Point[] = [
  [0, -1],
  [0, 1],
  [1, 0],
  [-1, 0],
  [1, -1],
  [-1, -1],
  [1, 1],
  [-1, 1],
];

/**
 * The box a one-line label of `chars` characters takes, estimated from the font size: a generous
 * average character width (in ems) and 1.2 em of height (a font's ascent plus descent is about 1.16 em).
 * @param chars the label's length in characters
 * @param fontSize in SVG units
 * @param charWidth average advance of one character, in ems
 */
export function labelSize(chars: number, fontSize: number, charWidth: number): { width: number; height: number } {
  return { width: chars * charWidth * fontSize, height: 1.2 * fontSize };
}

/**
 * True when two boxes share any area (touching edges do not).
 * @param a one box
 * @param b the other
 */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** The box of a `width` × `height` label centred on `at`. */
const boxAt = ([x, y]: Point, width: number, height: number): Box => ({ x0: x - width / 2, y0: y - height / 2, x1: x + width / 2, y1: y + height / 2 });
const grow = (b: Box, by: number): Box => ({ x0: b.x0 - by, y0: b.y0 - by, x1: b.x1 + by, y1: b.y1 + by });
const contains = (b: Box, [x, y]: Point) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
const inside = (b: Box, frame: Box) => b.x0 >= frame.x0 && b.y0 >= frame.y0 && b.x1 <= frame.x1 && b.y1 <= frame.y1;

/**
 * True when the segment from `a` to `b` passes through the box (Liang–Barsky clipping).
 * @param segment its two ends, `a` and `b`
 * @param box the box
 */
export function segmentCrosses([a, b]: readonly [Point, Point], box: Box): boolean {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  let [t0, t1] = [0, 1];
  for (const [p, q] of [
    [-dx, a[0] - box.x0],
    [dx, box.x1 - a[0]],
    [-dy, a[1] - box.y0],
    [dy, box.y1 - a[1]],
  ] as const) {
    if (p === 0) {
      if (q <= 0) return false;
    } else if (p < 0) t0 = Math.max(t0, q / p);
    else t1 = Math.min(t1, q / p);
  }
  return t0 < t1;
}

/**
 * The candidate centres for a label, in the order they are tried: on the anchor, then ring by ring
 * outwards, `step` apart. Ring k holds 8k points evenly round the anchor (at most `MAX_RING`, so far
 * rings are sparser), the eight of `DIRECTIONS` first (up, down, right, left, then the diagonals), then
 * the others clockwise from the top.
 */
function* candidates([x, y]: Point, step: number, reach: number): Generator<Point> {
  yield [x, y];
  for (let k = 1; k * step <= reach; k++) {
    const distance = k * step;
    const n = 8 * Math.min(k, MAX_RING / 8);
    for (const [dx, dy] of DIRECTIONS) yield [x + (dx * distance) / Math.hypot(dx, dy), y + (dy * distance) / Math.hypot(dx, dy)];
    for (let i = 0; i < n; i++) {
      if (i % (n / 8) === 0) continue; // a principal direction, tried above
      const angle = (2 * Math.PI * i) / n;
      yield [x + distance * Math.sin(angle), y - distance * Math.cos(angle)];
    }
  }
}

/** The leader from a label's anchor (or its marker's edge) to its box, or none if the label sits on its area or by its marker. */
function leaderFor(label: LabelToPlace, at: Point, box: Box): PlacedLabel["leader"] {
  const [ax, ay] = label.anchor;
  const end: Point = [Math.min(Math.max(ax, box.x0), box.x1), Math.min(Math.max(ay, box.y0), box.y1)];
  const length = Math.hypot(end[0] - ax, end[1] - ay);
  const radius = label.radius ?? 0;
  if (length <= radius || (label.onArea ? label.onArea(at) : length <= radius + LEADER_MIN)) return undefined;
  const start: Point = [ax + ((end[0] - ax) * radius) / length, ay + ((end[1] - ay) * radius) / length];
  return [start, end];
}

/**
 * Places labels in the order given (put those with least room first), each at the first candidate
 * position that is clear: inside the frame, and its box plus `gap` off every obstacle and every label
 * already placed. Candidates are the anchor itself, then rings `step`, 2 × `step`… away, out to the
 * frame's larger side (see `candidates`).
 * @param labels the labels, in the order to place them
 * @param options the frame to stay inside, boxes to keep off (`obstacles`), the clear space round each
 *   box (`gap`) and the distance between rings of candidates (`step`), all in SVG units
 * @throws when a label has no clear place anywhere in the frame (the frame is too full to read)
 */
export function placeLabels(labels: readonly LabelToPlace[], { frame, obstacles = [], gap = 2, step = 2 }: PlacementOptions): PlacedLabel[] {
  // Each box taken so far, with the label it belongs to (markers belong to their label; obstacles to none).
  const taken: { box: Box; owner?: number }[] = [
    ...obstacles.map((box) => ({ box })),
    ...labels.flatMap((l, owner) => (l.radius ? [{ box: grow(boxAt(l.anchor, 0, 0), l.radius), owner }] : [])),
  ];
  const leaders: (readonly [Point, Point])[] = [];
  const reach = Math.max(frame.x1 - frame.x0, frame.y1 - frame.y0);
  return labels.map((label, index) => {
    // A leader may not cross another label or an obstacle, except one its anchor sits under (a marker on a small area).
    const blocks = (leader: readonly [Point, Point]) => (t: (typeof taken)[number]) =>
      t.owner !== index && !contains(grow(t.box, gap), label.anchor) && segmentCrosses(leader, grow(t.box, gap));
    // The first clear place whose leader (if any) crosses no label and which covers no leader; failing
    // that (a label walled in by others), the first where only lines cross: text never overlaps.
    let fallback: PlacedLabel | undefined;
    let found: PlacedLabel | undefined;
    for (const at of candidates(label.anchor, step, reach)) {
      const box = boxAt(at, label.width, label.height);
      const padded = grow(box, gap);
      if (!inside(padded, frame) || taken.some((t) => boxesOverlap(padded, t.box))) continue;
      const leader = leaderFor(label, at, box);
      const place = leader ? { at, box, leader } : { at, box };
      fallback ??= place;
      if (leaders.some((l) => segmentCrosses(l, padded)) || (leader && taken.some(blocks(leader)))) continue;
      found = place;
      break;
    }
    const place = found ?? fallback;
    if (place) {
      taken.push({ box: place.box, owner: index });
      if (place.leader) leaders.push(place.leader);
      return place;
    }
    throw new Error(
      `no clear place for the label "${label.text}" anywhere in the frame: it is too full to label (${labels.length} labels). The chart needs more room or fewer labels: a change for a developer`,
    );
  });
}
