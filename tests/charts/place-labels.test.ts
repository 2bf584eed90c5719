import { describe, expect, it } from "vitest";
import { geoCentroid } from "d3-geo";
import { placeMapLabels } from "../../src/charts/map-labels";
import { geographies } from "../../src/data/schema/geographies";
import { catalog } from "../../src/data/versions/catalog";
import { loadDataset } from "../../src/data/versions/load-dataset";
import { topologyFeatures } from "../../src/render/topology-features";
import { boxesOverlap, labelSize, LEADER_MIN, placeLabels, segmentCrosses, type Box, type LabelToPlace, type PlacedLabel } from "../../src/charts/place-labels";

const frame: Box = { x0: 0, y0: 0, x1: 300, y1: 260 };
const label = (text: string, anchor: [number, number], extra: Partial<LabelToPlace> = {}): LabelToPlace => ({
  text,
  anchor,
  ...labelSize(text.length, 13, 0.66),
  ...extra,
});
/** Every pair of placed boxes that share area, by index. */
const collisions = (placed: readonly PlacedLabel[]) =>
  placed.flatMap((a, i) => placed.slice(i + 1).flatMap((b, j) => (boxesOverlap(a.box, b.box) ? [`${i}×${i + j + 1}`] : [])));
const within = (b: Box, f: Box) => b.x0 >= f.x0 && b.y0 >= f.y0 && b.x1 <= f.x1 && b.y1 <= f.y1;
/** The i-th term of the van der Corput sequence in `base`: evenly spread numbers in [0, 1), no randomness. */
const spread = (i: number, base: number) => {
  let [x, f] = [0, 1 / base];
  for (let n = i + 1; n > 0; n = Math.floor(n / base), f /= base) x += (n % base) * f;
  return x;
};
/** n labels whose anchors are scattered evenly (a Halton sequence) over a `size` square centred on `centre`. */
const crowd = (n: number, [cx, cy]: [number, number], size: number) =>
  Array.from({ length: n }, (_, i) => label(`${(i * 37) % 1000}†`, [cx + (spread(i, 2) - 0.5) * size, cy + (spread(i, 3) - 0.5) * size]));

describe("placeLabels(labels, options)", () => {
  it("leaves a label that collides with nothing on its anchor, with no leader", () => {
    const [placed] = placeLabels([label("271†", [150, 130])], { frame });
    expect(placed).toEqual({ at: [150, 130], box: expect.any(Object) });
  });

  it("moves the second of two labels on the same spot, keeping the first where it was", () => {
    const placed = placeLabels([label("37", [150, 130]), label("35†", [152, 133])], { frame });
    expect(placed[0]!.at).toEqual([150, 130]);
    expect(placed[1]!.at).not.toEqual([152, 133]);
    expect(collisions(placed)).toEqual([]);
  });

  it("keeps every label clear of the others and inside the frame, however crowded (40 labels in a 60 px square)", () => {
    const labels = crowd(40, [150, 130], 60);
    const placed = placeLabels(labels, { frame, gap: 2 });
    expect(placed).toHaveLength(40);
    expect(collisions(placed)).toEqual([]);
    for (const p of placed) expect(within(p.box, frame)).toBe(true);
    // With the gap: no two boxes come closer than 2 units (each grown by just under half of it).
    const grown = placed.map((p) => ({ ...p, box: { x0: p.box.x0 - 0.99, y0: p.box.y0 - 0.99, x1: p.box.x1 + 0.99, y1: p.box.y1 + 0.99 } }));
    expect(collisions(grown)).toEqual([]);
  });

  it("is deterministic: the same labels in the same order land in the same places", () => {
    const labels = crowd(25, [100, 100], 50);
    expect(placeLabels(labels, { frame })).toEqual(placeLabels(labels, { frame }));
  });

  it("keeps labels off obstacles and off the markers of other labels", () => {
    const title: Box = { x0: 0, y0: 0, x1: 300, y1: 20 };
    const placed = placeLabels([label("City", [150, 120], { radius: 6 }), label("14†", [156, 122]), label("Top", [150, 15])], { frame, obstacles: [title] });
    const ring: Box = { x0: 144, y0: 114, x1: 156, y1: 126 };
    for (const p of placed) {
      expect(boxesOverlap(p.box, title)).toBe(false);
      expect(boxesOverlap(p.box, ring)).toBe(false);
    }
    expect(collisions(placed)).toEqual([]);
    // The marker's own label sits right by it, first above: no leader needed.
    expect(placed[0]!.box.y1).toBeLessThanOrEqual(114);
    expect(placed[0]!.leader).toBeUndefined();
  });

  it("draws a leader from the anchor to the label only when the label has left its area", () => {
    const small = (p: readonly [number, number]) => Math.abs(p[0] - 150) <= 4 && Math.abs(p[1] - 130) <= 4;
    const big = () => true;
    const [, offSmall] = placeLabels([label("200–300†", [150, 130]), label("14†", [150, 130], { onArea: small })], { frame });
    expect(offSmall!.leader?.[0]).toEqual([150, 130]);
    const end = offSmall!.leader![1];
    expect(end[0]).toBeGreaterThanOrEqual(offSmall!.box.x0);
    expect(end[0]).toBeLessThanOrEqual(offSmall!.box.x1);
    expect(end[1]).toBeGreaterThanOrEqual(offSmall!.box.y0);
    expect(end[1]).toBeLessThanOrEqual(offSmall!.box.y1);
    const [, onBig] = placeLabels([label("200–300†", [150, 130]), label("14†", [150, 130], { onArea: big })], { frame });
    expect(onBig!.leader).toBeUndefined();
  });

  it(`joins a marker's label to its marker when it has to go more than ${LEADER_MIN} units away, starting at the marker's edge`, () => {
    // Labels all round the marker push its own label out.
    const around = [-24, 0, 24].flatMap((dx) => [-16, 0, 16].map((dy) => label("888", [150 + dx, 130 + dy])));
    const placed = placeLabels([...around.filter((_, i) => i !== 4), label("City", [150, 130], { radius: 6 })], { frame });
    const city = placed.at(-1)!;
    expect(collisions(placed)).toEqual([]);
    expect(city.leader).toBeDefined();
    const [start] = city.leader!;
    expect(Math.hypot(start[0] - 150, start[1] - 130)).toBeCloseTo(6, 6);
  });

  it("where there is room, lets no leader cross another label and no later label cover a leader", () => {
    const labels = crowd(10, [150, 130], 80).map((l) => ({
      ...l,
      onArea: (p: readonly [number, number]) => Math.hypot(p[0] - l.anchor[0], p[1] - l.anchor[1]) < 3,
    }));
    const placed = placeLabels(labels, { frame });
    expect(placed.filter((p) => p.leader).length).toBeGreaterThanOrEqual(3);
    for (const [i, p] of placed.entries()) {
      if (!p.leader) continue;
      const [ax, ay] = labels[i]!.anchor;
      // Boxes within the gap of the anchor are exempt: a leader has to start under them.
      const others = placed.filter(
        (o, j) => j !== i && !within({ x0: ax, y0: ay, x1: ax, y1: ay }, { x0: o.box.x0 - 2, y0: o.box.y0 - 2, x1: o.box.x1 + 2, y1: o.box.y1 + 2 }),
      );
      for (const o of others) expect(segmentCrosses(p.leader, o.box), `leader of ${i}`).toBe(false);
    }
  });

  it("throws, naming the label and saying what it takes, when the frame has no room left for it", () => {
    const tiny: Box = { x0: 0, y0: 0, x1: 60, y1: 40 };
    expect(() => placeLabels(crowd(12, [30, 20], 10), { frame: tiny })).toThrow(
      /^no clear place for the label "[^"]+" anywhere in the frame: it is too full to label \(12 labels\)\. The chart needs more room or fewer labels: a change for a developer$/,
    );
  });
});

describe("placeMapLabels(labels, options)", () => {
  it("names the panel (and its size) when one of its labels has no clear place", () => {
    const { topology, object } = geographies["london-boroughs"];
    const features = topologyFeatures(loadDataset("london-boroughs", catalog["london-boroughs"]), topology, object);
    const labels = features.map((f) => ({ panel: "referred", text: "1,000,000†", anchor: geoCentroid(f) as [number, number] }));
    expect(() =>
      placeMapLabels(labels, { features, frame: { width: 80, height: 60 }, insets: { inset: 2, insetTop: 2 }, titles: new Map([["referred", "Referred"]]) }),
    ).toThrow(/^map panel "Referred" \(80 × 60\): no clear place for the label "1,000,000†" anywhere in the frame/);
  });
});

describe("segmentCrosses(segment, box) and boxesOverlap(a, b)", () => {
  const box: Box = { x0: 10, y0: 10, x1: 20, y1: 20 };
  it("a segment through the box crosses it; one beside it, or ending before it, does not", () => {
    expect(
      segmentCrosses(
        [
          [0, 15],
          [30, 15],
        ],
        box,
      ),
    ).toBe(true);
    expect(
      segmentCrosses(
        [
          [0, 0],
          [30, 30],
        ],
        box,
      ),
    ).toBe(true);
    expect(
      segmentCrosses(
        [
          [0, 25],
          [30, 25],
        ],
        box,
      ),
    ).toBe(false);
    expect(
      segmentCrosses(
        [
          [0, 15],
          [9, 15],
        ],
        box,
      ),
    ).toBe(false);
    expect(
      segmentCrosses(
        [
          [15, 0],
          [15, 9],
        ],
        box,
      ),
    ).toBe(false);
  });
  it("boxes that only touch do not overlap", () => {
    expect(boxesOverlap(box, { x0: 20, y0: 10, x1: 30, y1: 20 })).toBe(false);
    expect(boxesOverlap(box, { x0: 19, y0: 19, x1: 30, y1: 30 })).toBe(true);
  });
});
