/**
 * Subsetting a colour font's `COLR` table (version 0 and 1), which the
 * WebAssembly build of HarfBuzz we subset with leaves out. Glyph ids stay as
 * they are (the rest of the font is subset with HarfBuzz's "retain glyph
 * ids"), so the paints are copied as they are: only the colour glyphs asked
 * for, the paint graphs they reach, and their clip boxes; every offset is
 * rewritten. Returns the glyphs the paints draw, which the font must keep.
 *
 * The format: https://learn.microsoft.com/typography/opentype/spec/colr
 */

type Kind = 'paint' | 'colorLine' | 'varColorLine' | 'affine' | 'varAffine';

/** A table to copy: where it starts in the old table, its size, and where its offsets to other tables are. */
interface Node {
  at: number;
  size: number;
  /** Offset24 fields: byte position inside the node, and the node it points at. */
  links: Array<{ field: number; target: Node }>;
  /** For PaintColrLayers: the layer range it refers to. */
  layers?: { first: number; count: number } | undefined;
}

/** Paint formats: size in bytes and the Offset24 fields (position, kind of table). */
const paints: Record<number, [number, Array<[number, Kind]>]> = {
  1: [6, []], 2: [5, []], 3: [9, []],
  4: [16, [[1, 'colorLine']]], 5: [20, [[1, 'varColorLine']]],
  6: [16, [[1, 'colorLine']]], 7: [20, [[1, 'varColorLine']]],
  8: [12, [[1, 'colorLine']]], 9: [16, [[1, 'varColorLine']]],
  10: [6, [[1, 'paint']]], 11: [3, []],
  12: [7, [[1, 'paint'], [4, 'affine']]], 13: [7, [[1, 'paint'], [4, 'varAffine']]],
  14: [8, [[1, 'paint']]], 15: [12, [[1, 'paint']]], 16: [8, [[1, 'paint']]], 17: [12, [[1, 'paint']]],
  18: [12, [[1, 'paint']]], 19: [16, [[1, 'paint']]], 20: [6, [[1, 'paint']]], 21: [10, [[1, 'paint']]],
  22: [10, [[1, 'paint']]], 23: [14, [[1, 'paint']]], 24: [6, [[1, 'paint']]], 25: [10, [[1, 'paint']]],
  26: [10, [[1, 'paint']]], 27: [14, [[1, 'paint']]], 28: [8, [[1, 'paint']]], 29: [12, [[1, 'paint']]],
  30: [12, [[1, 'paint']]], 31: [16, [[1, 'paint']]], 32: [8, [[1, 'paint'], [5, 'paint']]],
};

const offset24 = (table: Buffer, at: number) => (table[at]! << 16) | (table[at + 1]! << 8) | table[at + 2]!;

/** What a walk of the paint graphs found. */
interface Walk {
  table: Buffer;
  layerList: number;
  nodes: Map<number, Node>;
  /** Glyphs drawn (PaintGlyph, v0 layers). */
  glyphs: Set<number>;
  /** Colour glyphs reached (asked for, or through PaintColrGlyph). */
  bases: Set<number>;
  pending: number[];
}

/** The subset `COLR` table for the colour glyphs `wanted`, and every glyph it needs. */
export function subsetColr(table: Buffer, wanted: Iterable<number>): { table: Buffer; glyphs: Set<number> } {
  const version = table.readUInt16BE(0);
  const baseList = version >= 1 ? table.readUInt32BE(14) : 0;
  const walk: Walk = { table, layerList: version >= 1 ? table.readUInt32BE(18) : 0, nodes: new Map(), glyphs: new Set(), bases: new Set(), pending: [...wanted] };
  const roots = new Map<number, number>();
  if (baseList) for (let index = 0; index < table.readUInt32BE(baseList); index++) roots.set(table.readUInt16BE(baseList + 4 + 6 * index), baseList + table.readUInt32BE(baseList + 6 + 6 * index));
  const v0 = readV0(table);
  while (walk.pending.length > 0) {
    const glyph = walk.pending.pop()!;
    if (walk.bases.has(glyph)) continue;
    const root = roots.get(glyph);
    const layers = v0.get(glyph);
    if (root === undefined && !layers) continue;
    walk.bases.add(glyph);
    if (root !== undefined) visit(walk, root, 'paint');
    for (const layer of layers ?? []) walk.glyphs.add(layer.glyph);
  }
  const glyphs = new Set([...walk.glyphs, ...walk.bases]);
  // A variable colour font's paints index its variation data: keep the table whole (glyph ids are kept, so it stays valid).
  const variable = version >= 1 && (table.readUInt32BE(26) !== 0 || table.readUInt32BE(30) !== 0);
  return { table: variable ? table : write(walk, roots, v0), glyphs };
}

/** Version 0 colour glyphs: each a list of layers (glyph, palette entry). */
function readV0(table: Buffer): Map<number, Array<{ glyph: number; palette: number }>> {
  const glyphs = new Map<number, Array<{ glyph: number; palette: number }>>();
  const [count, records, layers] = [table.readUInt16BE(2), table.readUInt32BE(4), table.readUInt32BE(8)];
  for (let index = 0; index < count; index++) {
    const at = records + 6 * index;
    const [first, number] = [table.readUInt16BE(at + 2), table.readUInt16BE(at + 4)];
    const list = Array.from({ length: number }, (_, layer) => ({ glyph: table.readUInt16BE(layers + 4 * (first + layer)), palette: table.readUInt16BE(layers + 4 * (first + layer) + 2) }));
    glyphs.set(table.readUInt16BE(at), list);
  }
  return glyphs;
}

/** Record the table at `at` and everything it reaches. */
function visit(walk: Walk, at: number, kind: Kind): Node {
  const known = walk.nodes.get(at);
  if (known) return known;
  const { table } = walk;
  const node: Node = { at, size: 0, links: [] };
  walk.nodes.set(at, node);
  if (kind === 'colorLine' || kind === 'varColorLine') node.size = 3 + table.readUInt16BE(at + 1) * (kind === 'colorLine' ? 6 : 10);
  else if (kind === 'affine' || kind === 'varAffine') node.size = kind === 'affine' ? 24 : 28;
  else {
    const format = table[at]!;
    const shape = paints[format];
    if (!shape) throw new Error(`Unknown COLR paint format ${format}`);
    node.size = shape[0];
    for (const [field, child] of shape[1]) node.links.push({ field, target: visit(walk, at + offset24(table, at + field), child) });
    if (format === 10) walk.glyphs.add(table.readUInt16BE(at + 4));
    if (format === 11) walk.pending.push(table.readUInt16BE(at + 1));
    if (format === 1) {
      node.layers = { first: table.readUInt32BE(at + 2), count: table[at + 1]! };
      for (let layer = 0; layer < node.layers.count; layer++) {
        const entry = walk.layerList + 4 + 4 * (node.layers.first + layer);
        visit(walk, walk.layerList + table.readUInt32BE(entry), 'paint');
      }
    }
  }
  return node;
}

/** The nodes in an order where every table comes after the tables pointing at it (offsets are unsigned). */
function ordered(nodes: Iterable<Node>): Node[] {
  const done = new Set<Node>();
  const order: Node[] = [];
  const place = (node: Node) => {
    if (done.has(node)) return;
    done.add(node);
    for (const link of node.links) place(link.target);
    order.push(node);
  };
  for (const node of nodes) place(node);
  return order.reverse();
}

/** Where everything goes in the new table. */
interface Layout {
  colour: number[];
  old: number[];
  oldLayers: number;
  /** The new first layer index of each layer range `first:count` of a PaintColrLayers. */
  ranges: Map<string, number>;
  /** The paints of the new layer list, by their old offset. */
  layerPaints: number[];
  clips: Array<{ start: number; end: number; box: number }>;
  /** Each clip box's offset from the clip list, by its old offset. */
  clipBoxAt: Map<number, number>;
  order: Node[];
  placed: Map<Node, number>;
  at: { v0Records: number; v0Layers: number; baseList: number; layerList: number; clipList: number };
  size: number;
}

/** The new table: header, v0 records, base glyph list, layer list, clip list, then every paint. */
function write(walk: Walk, roots: Map<number, number>, v0: ReturnType<typeof readV0>): Buffer {
  const plan = layout(walk, roots, v0);
  const out = Buffer.alloc(plan.size);
  const { at } = plan;
  out.writeUInt16BE(1, 0);
  out.writeUInt16BE(plan.old.length, 2);
  out.writeUInt32BE(plan.old.length > 0 ? at.v0Records : 0, 4);
  out.writeUInt32BE(plan.oldLayers > 0 ? at.v0Layers : 0, 8);
  out.writeUInt16BE(plan.oldLayers, 12);
  out.writeUInt32BE(at.baseList, 14);
  out.writeUInt32BE(at.layerList, 18);
  out.writeUInt32BE(plan.clips.length > 0 ? at.clipList : 0, 22);
  // Offsets 26 and 30 (variations) stay 0: a variable colour font keeps its whole table (see subsetColr).
  writeV0(out, plan, v0);
  out.writeUInt32BE(plan.colour.length, at.baseList);
  plan.colour.forEach((glyph, index) => {
    out.writeUInt16BE(glyph, at.baseList + 4 + 6 * index);
    out.writeUInt32BE(plan.placed.get(walk.nodes.get(roots.get(glyph)!)!)! - at.baseList, at.baseList + 6 + 6 * index);
  });
  out.writeUInt32BE(plan.layerPaints.length, at.layerList);
  plan.layerPaints.forEach((paint, index) => out.writeUInt32BE(plan.placed.get(walk.nodes.get(paint)!)! - at.layerList, at.layerList + 4 + 4 * index));
  writeClips(out, plan, walk.table);
  for (const node of plan.order) {
    const place = plan.placed.get(node)!;
    walk.table.copy(out, place, node.at, node.at + node.size);
    for (const link of node.links) out.writeUIntBE(plan.placed.get(link.target)! - place, place + link.field, 3);
    if (node.layers) out.writeUInt32BE(plan.ranges.get(`${node.layers.first}:${node.layers.count}`)!, place + 2);
  }
  return out;
}

function layout(walk: Walk, roots: Map<number, number>, v0: ReturnType<typeof readV0>): Layout {
  const { table } = walk;
  const bases = [...walk.bases].sort((a, b) => a - b);
  const colour = bases.filter((glyph) => roots.has(glyph));
  const old = bases.filter((glyph) => v0.has(glyph));
  const oldLayers = old.reduce((sum, glyph) => sum + v0.get(glyph)!.length, 0);
  // Layer ranges of PaintColrLayers, renumbered into a new layer list.
  const ranges = new Map<string, number>();
  const layerPaints: number[] = [];
  for (const node of walk.nodes.values()) {
    if (!node.layers || ranges.has(`${node.layers.first}:${node.layers.count}`)) continue;
    ranges.set(`${node.layers.first}:${node.layers.count}`, layerPaints.length);
    for (let layer = 0; layer < node.layers.count; layer++) layerPaints.push(walk.layerList + table.readUInt32BE(walk.layerList + 4 + 4 * (node.layers.first + layer)));
  }
  const clips = clipsOf(table, new Set(colour));
  const v0Records = 34;
  const v0Layers = v0Records + 6 * old.length;
  const baseList = v0Layers + 4 * oldLayers;
  const layerList = baseList + 4 + 6 * colour.length;
  const clipList = layerList + 4 + 4 * layerPaints.length;
  const clipBoxAt = new Map<number, number>();
  let cursor = clipList + 5 + 7 * clips.length;
  for (const box of new Set(clips.map((clip) => clip.box))) {
    clipBoxAt.set(box, cursor - clipList);
    cursor += table[box] === 2 ? 13 : 9;
  }
  const order = ordered(walk.nodes.values());
  const placed = new Map<Node, number>();
  for (const node of order) {
    placed.set(node, cursor);
    cursor += node.size;
  }
  return { colour, old, oldLayers, ranges, layerPaints, clips, clipBoxAt, order, placed, at: { v0Records, v0Layers, baseList, layerList, clipList }, size: cursor };
}

/** Version 0 colour glyphs: their records and layers. */
function writeV0(out: Buffer, plan: Layout, v0: ReturnType<typeof readV0>): void {
  let layerIndex = 0;
  plan.old.forEach((glyph, index) => {
    const layers = v0.get(glyph)!;
    const record = plan.at.v0Records + 6 * index;
    out.writeUInt16BE(glyph, record);
    out.writeUInt16BE(layerIndex, record + 2);
    out.writeUInt16BE(layers.length, record + 4);
    for (const layer of layers) {
      out.writeUInt16BE(layer.glyph, plan.at.v0Layers + 4 * layerIndex);
      out.writeUInt16BE(layer.palette, plan.at.v0Layers + 4 * layerIndex++ + 2);
    }
  });
}

/** The clip list and its boxes (copied as they were). */
function writeClips(out: Buffer, plan: Layout, table: Buffer): void {
  const { clipList } = plan.at;
  if (plan.clips.length === 0) return;
  out[clipList] = 1;
  out.writeUInt32BE(plan.clips.length, clipList + 1);
  plan.clips.forEach((clip, index) => {
    const record = clipList + 5 + 7 * index;
    out.writeUInt16BE(clip.start, record);
    out.writeUInt16BE(clip.end, record + 2);
    out.writeUIntBE(plan.clipBoxAt.get(clip.box)!, record + 4, 3);
  });
  for (const [box, offset] of plan.clipBoxAt) table.copy(out, clipList + offset, box, box + (table[box] === 2 ? 13 : 9));
}

/** The clip boxes of the glyphs `keep`: one clip per run of consecutive kept glyphs sharing a box. */
function clipsOf(table: Buffer, keep: Set<number>): Array<{ start: number; end: number; box: number }> {
  const list = table.readUInt32BE(22);
  if (!list) return [];
  const clips: Array<{ start: number; end: number; box: number }> = [];
  for (let index = 0; index < table.readUInt32BE(list + 1); index++) {
    const at = list + 5 + 7 * index;
    const [start, end, box] = [table.readUInt16BE(at), table.readUInt16BE(at + 2), list + offset24(table, at + 4)];
    for (let glyph = start; glyph <= end; glyph++) {
      if (!keep.has(glyph)) continue;
      const last = clips.at(-1);
      if (last && last.box === box && last.end === glyph - 1) last.end = glyph;
      else clips.push({ start: glyph, end: glyph, box });
    }
  }
  return clips.sort((a, b) => a.start - b.start);
}
