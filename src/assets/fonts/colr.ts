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
  return { table: write(walk, roots, v0), glyphs: new Set([...walk.glyphs, ...walk.bases]) };
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

/** Lay out the new table: header, v0 records, base glyph list, layer list, clip list, then every paint. */
function write(walk: Walk, roots: Map<number, number>, v0: ReturnType<typeof readV0>): Buffer {
  const { table } = walk;
  const bases = [...walk.bases].sort((a, b) => a - b);
  const colour = bases.filter((glyph) => roots.has(glyph));
  const old = bases.filter((glyph) => v0.has(glyph));
  const oldLayers = old.flatMap((glyph) => v0.get(glyph)!);
  // Layer ranges of PaintColrLayers, renumbered into a new layer list.
  const ranges = new Map<string, number>();
  const layerPaints: number[] = [];
  for (const node of walk.nodes.values()) {
    if (!node.layers || ranges.has(`${node.layers.first}:${node.layers.count}`)) continue;
    ranges.set(`${node.layers.first}:${node.layers.count}`, layerPaints.length);
    for (let layer = 0; layer < node.layers.count; layer++) layerPaints.push(walk.layerList + table.readUInt32BE(walk.layerList + 4 + 4 * (node.layers.first + layer)));
  }
  const clips = clipsOf(table, new Set(colour));
  const header = 34;
  const v0Records = header;
  const v0LayerRecords = v0Records + 6 * old.length;
  const baseList = v0LayerRecords + 4 * oldLayers.length;
  const layerList = baseList + 4 + 6 * colour.length;
  const clipList = layerList + 4 + 4 * layerPaints.length;
  const clipBoxes = [...new Set(clips.map((clip) => clip.box))];
  const clipBoxAt = new Map<number, number>();
  let cursor = clipList + 5 + 7 * clips.length;
  for (const box of clipBoxes) {
    clipBoxAt.set(box, cursor - clipList);
    cursor += table[box] === 2 ? 13 : 9;
  }
  const order = ordered(walk.nodes.values());
  const placed = new Map<Node, number>();
  for (const node of order) {
    placed.set(node, cursor);
    cursor += node.size;
  }
  const out = Buffer.alloc(cursor);
  out.writeUInt16BE(1, 0);
  out.writeUInt16BE(old.length, 2);
  out.writeUInt32BE(old.length > 0 ? v0Records : 0, 4);
  out.writeUInt32BE(oldLayers.length > 0 ? v0LayerRecords : 0, 8);
  out.writeUInt16BE(oldLayers.length, 12);
  out.writeUInt32BE(baseList, 14);
  out.writeUInt32BE(layerList, 18);
  out.writeUInt32BE(clips.length > 0 ? clipList : 0, 22);
  // No variations: a variable colour font keeps its whole table (see subsetColr's caller).
  let layerIndex = 0;
  old.forEach((glyph, index) => {
    const layers = v0.get(glyph)!;
    out.writeUInt16BE(glyph, v0Records + 6 * index);
    out.writeUInt16BE(layerIndex, v0Records + 6 * index + 2);
    out.writeUInt16BE(layers.length, v0Records + 6 * index + 4);
    for (const layer of layers) {
      out.writeUInt16BE(layer.glyph, v0LayerRecords + 4 * layerIndex);
      out.writeUInt16BE(layer.palette, v0LayerRecords + 4 * layerIndex++ + 2);
    }
  });
  out.writeUInt32BE(colour.length, baseList);
  colour.forEach((glyph, index) => {
    out.writeUInt16BE(glyph, baseList + 4 + 6 * index);
    out.writeUInt32BE(placed.get(walk.nodes.get(roots.get(glyph)!)!)! - baseList, baseList + 6 + 6 * index);
  });
  out.writeUInt32BE(layerPaints.length, layerList);
  layerPaints.forEach((at, index) => out.writeUInt32BE(placed.get(walk.nodes.get(at)!)! - layerList, layerList + 4 + 4 * index));
  if (clips.length > 0) {
    out[clipList] = 1;
    out.writeUInt32BE(clips.length, clipList + 1);
    clips.forEach((clip, index) => {
      const at = clipList + 5 + 7 * index;
      out.writeUInt16BE(clip.start, at);
      out.writeUInt16BE(clip.end, at + 2);
      out.writeUIntBE(clipBoxAt.get(clip.box)!, at + 4, 3);
    });
    for (const box of clipBoxes) table.copy(out, clipList + clipBoxAt.get(box)!, box, box + (table[box] === 2 ? 13 : 9));
  }
  for (const node of order) {
    const at = placed.get(node)!;
    table.copy(out, at, node.at, node.at + node.size);
    for (const link of node.links) out.writeUIntBE(placed.get(link.target)! - at, at + link.field, 3);
    if (node.layers) out.writeUInt32BE(ranges.get(`${node.layers.first}:${node.layers.count}`)!, at + 2);
  }
  return out;
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
