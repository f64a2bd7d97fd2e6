/**
 * A light reader of a PDF's structure, for the incremental update of pdf-field.ts: the last
 * cross-reference section and those before it (classic tables, cross-reference streams, hybrid
 * files), the trailer, and the few objects a signature field changes (the catalog, the page tree
 * down to one page, the AcroForm and its arrays), parsed one at a time where the cross-reference
 * says they are, in the file or in an object stream. Nothing else of the file is read, so the cost
 * does not grow with the document.
 *
 * Whatever this reader does not handle (a filter other than Flate, a predictor other than PNG,
 * an offset that does not point at the object it names…) throws `LightPdfUnsupported`, and the
 * caller falls back to parsing the whole file with pdf-lib.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFObjectParser, PDFRawStream, PDFRef, type PDFContext, type PDFObject } from 'pdf-lib';

export class LightPdfUnsupported extends Error {}

type Entry = { kind: 'offset'; offset: number; gen: number } | { kind: 'stream'; stream: number; index: number } | { kind: 'free' };

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const MAX_SECTIONS = 256;

function fail(what: string): never {
  throw new LightPdfUnsupported(what);
}

function skipWs(b: Buffer, pos: number): number {
  for (;;) {
    while (pos < b.length && WS.has(b[pos]!)) pos++;
    if (b[pos] !== 0x25) return pos; // %: a comment to the end of the line
    while (pos < b.length && b[pos] !== 0x0a && b[pos] !== 0x0d) pos++;
  }
}

function readInt(b: Buffer, pos: number): [number, number] {
  const start = pos;
  let n = 0;
  while (pos < b.length && b[pos]! >= 0x30 && b[pos]! <= 0x39) n = n * 10 + (b[pos++]! - 0x30);
  if (pos === start) fail(`number expected at ${start}`);
  return [n, pos];
}

const startsWith = (b: Buffer, pos: number, word: string) => b.toString('latin1', pos, pos + word.length) === word;

/** The number of the last `startxref`, which the file must end with (%%EOF). */
export function lastStartXref(pdf: Buffer): number | null {
  const tail = pdf.subarray(Math.max(0, pdf.length - 2048)).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/u.exec(tail);
  return m ? Number(m[1]) : null;
}

const num = (o: PDFObject | undefined): number | undefined => (o instanceof PDFNumber ? o.asNumber() : undefined);

/** Flate (or no filter) with an optional PNG predictor: what cross-reference and object streams use. */
function decodeStream(stream: PDFRawStream): Buffer {
  const filter = stream.dict.get(PDFName.of('Filter'));
  const names = filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : [];
  let data = Buffer.from(stream.getContents());
  let parms = stream.dict.get(PDFName.of('DecodeParms'));
  if (parms instanceof PDFArray) parms = parms.get(0);
  if (names.length > 1 || (names.length === 1 && names[0] !== PDFName.of('FlateDecode'))) fail('stream filter');
  if (names.length === 1) {
    try {
      data = inflateSync(data);
    } catch {
      fail('flate data');
    }
  }
  if (!(parms instanceof PDFDict)) return data;
  const predictor = num(parms.get(PDFName.of('Predictor'))) ?? 1;
  if (predictor === 1) return data;
  if (predictor < 10) fail('TIFF predictor');
  if ((num(parms.get(PDFName.of('Colors'))) ?? 1) !== 1 || (num(parms.get(PDFName.of('BitsPerComponent'))) ?? 8) !== 8) fail('predictor parameters');
  const columns = num(parms.get(PDFName.of('Columns'))) ?? 1;
  const rowIn = columns + 1;
  const rows = Math.floor(data.length / rowIn);
  const out = Buffer.alloc(rows * columns);
  for (let r = 0; r < rows; r++) {
    const type = data[r * rowIn]!;
    for (let c = 0; c < columns; c++) {
      const x = data[r * rowIn + 1 + c]!;
      const left = c > 0 ? out[r * columns + c - 1]! : 0;
      const up = r > 0 ? out[(r - 1) * columns + c]! : 0;
      const upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1]! : 0;
      let v: number;
      if (type === 0) v = x;
      else if (type === 1) v = x + left;
      else if (type === 2) v = x + up;
      else if (type === 3) v = x + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else fail('PNG predictor type');
      out[r * columns + c] = v & 0xff;
    }
  }
  return out;
}

/** The structure of a PDF as far as an incremental update needs it. */
export class LightPdf {
  readonly entries = new Map<number, Entry>();
  readonly trailer: PDFDict;
  /** Where the last cross-reference section starts (the update's /Prev). */
  readonly startXref: number;
  /** The last section is a cross-reference stream (then the update writes one too). */
  readonly lastIsStream: boolean;
  private readonly objects = new Map<number, PDFObject>();
  private readonly objectStreams = new Map<number, { data: Buffer; offsets: Map<number, number> }>();

  constructor(
    private readonly bytes: Buffer,
    readonly context: PDFContext,
  ) {
    const start = lastStartXref(bytes);
    if (start === null || start >= bytes.length) fail('startxref');
    this.startXref = start;
    let trailer: PDFDict | null = null;
    let lastIsStream = false;
    const seen = new Set<number>();
    for (let at: number | undefined = start, i = 0; at !== undefined; i++) {
      if (i > MAX_SECTIONS || seen.has(at) || at >= bytes.length) fail('cross-reference chain');
      seen.add(at);
      const pos = skipWs(bytes, at);
      let dict: PDFDict;
      if (startsWith(bytes, pos, 'xref')) {
        dict = this.readTable(pos + 4);
        const stm = num(dict.get(PDFName.of('XRefStm')));
        if (stm !== undefined) this.readStream(stm);
      } else {
        dict = this.readStream(at);
        if (i === 0) lastIsStream = true;
      }
      trailer ??= dict;
      at = num(dict.get(PDFName.of('Prev')));
    }
    this.trailer = trailer!;
    this.lastIsStream = lastIsStream;
    if (this.trailer.get(PDFName.of('Encrypt'))) fail('encrypted');
  }

  get size(): number {
    const declared = num(this.trailer.get(PDFName.of('Size'))) ?? 0;
    return Math.max(declared, ...[...this.entries.keys()].map((n) => n + 1));
  }

  private setEntry(n: number, e: Entry): void {
    if (!this.entries.has(n)) this.entries.set(n, e);
  }

  /** A classic table from just after `xref`; answers its trailer. */
  private readTable(pos: number): PDFDict {
    const b = this.bytes;
    for (;;) {
      pos = skipWs(b, pos);
      if (startsWith(b, pos, 'trailer')) break;
      let first: number;
      let count: number;
      [first, pos] = readInt(b, pos);
      pos = skipWs(b, pos);
      [count, pos] = readInt(b, pos);
      for (let k = 0; k < count; k++) {
        let offset: number;
        let gen: number;
        pos = skipWs(b, pos);
        [offset, pos] = readInt(b, pos);
        pos = skipWs(b, pos);
        [gen, pos] = readInt(b, pos);
        pos = skipWs(b, pos);
        const type = b[pos++];
        if (type === 0x6e) this.setEntry(first + k, { kind: 'offset', offset, gen });
        else if (type === 0x66) this.setEntry(first + k, { kind: 'free' });
        else fail('cross-reference entry');
      }
    }
    const dict = PDFObjectParser.forBytes(b.subarray(skipWs(b, pos + 'trailer'.length)), this.context).parseObject();
    if (!(dict instanceof PDFDict)) fail('trailer');
    return dict;
  }

  /** A cross-reference stream at `offset`; answers its dictionary (the trailer of its section). */
  private readStream(offset: number): PDFDict {
    const stream = this.parseAt(offset, null);
    if (!(stream instanceof PDFRawStream) || stream.dict.get(PDFName.of('Type')) !== PDFName.of('XRef')) fail('cross-reference stream');
    const dict = stream.dict;
    const w = dict.get(PDFName.of('W'));
    if (!(w instanceof PDFArray) || w.size() !== 3) fail('/W');
    const widths = w.asArray().map((x) => num(x) ?? -1);
    if (widths.some((x) => x < 0 || x > 8)) fail('/W');
    const index = dict.get(PDFName.of('Index'));
    const ranges = index instanceof PDFArray ? index.asArray().map((x) => num(x) ?? -1) : [0, num(dict.get(PDFName.of('Size'))) ?? 0];
    if (ranges.length % 2 || ranges.some((x) => x < 0)) fail('/Index');
    const data = decodeStream(stream);
    const rowLength = widths[0]! + widths[1]! + widths[2]!;
    let p = 0;
    const field = (width: number, fallback: number) => {
      if (width === 0) return fallback;
      let v = 0;
      for (let k = 0; k < width; k++) v = v * 256 + data[p++]!;
      return v;
    };
    for (let r = 0; r < ranges.length; r += 2) {
      for (let k = 0; k < ranges[r + 1]!; k++) {
        if (p + rowLength > data.length) fail('cross-reference stream data');
        const type = field(widths[0]!, 1);
        const a = field(widths[1]!, 0);
        const c = field(widths[2]!, 0);
        const n = ranges[r]! + k;
        if (type === 0) this.setEntry(n, { kind: 'free' });
        else if (type === 1) this.setEntry(n, { kind: 'offset', offset: a, gen: c });
        else if (type === 2) this.setEntry(n, { kind: 'stream', stream: a, index: c });
      }
    }
    return dict;
  }

  /** The indirect object at `offset`, checking its header names `expect` when given. */
  private parseAt(offset: number, expect: number | null): PDFObject {
    const b = this.bytes;
    const [n, afterNum] = readInt(b, skipWs(b, offset));
    let pos = skipWs(b, afterNum);
    [, pos] = readInt(b, pos);
    pos = skipWs(b, pos);
    if (!startsWith(b, pos, 'obj') || (expect !== null && n !== expect)) fail(`object ${expect ?? n} not at ${offset}`);
    try {
      return PDFObjectParser.forBytes(b.subarray(pos + 3), this.context).parseObject();
    } catch {
      fail(`object ${n}`);
    }
  }

  private objectStream(n: number): { data: Buffer; offsets: Map<number, number> } {
    const hit = this.objectStreams.get(n);
    if (hit) return hit;
    const e = this.entries.get(n);
    if (e?.kind !== 'offset') fail('object stream entry');
    const stream = this.parseAt(e.offset, n);
    if (!(stream instanceof PDFRawStream)) fail('object stream');
    const data = decodeStream(stream);
    const count = num(stream.dict.get(PDFName.of('N'))) ?? 0;
    const first = num(stream.dict.get(PDFName.of('First'))) ?? 0;
    const offsets = new Map<number, number>();
    let pos = 0;
    for (let k = 0; k < count; k++) {
      let objNum: number;
      let off: number;
      pos = skipWs(data, pos);
      [objNum, pos] = readInt(data, pos);
      pos = skipWs(data, pos);
      [off, pos] = readInt(data, pos);
      offsets.set(objNum, first + off);
    }
    const out = { data, offsets };
    this.objectStreams.set(n, out);
    return out;
  }

  /** The object `ref` names (parsed once), or undefined when it is free or missing. */
  lookup(ref: PDFRef): PDFObject | undefined {
    const n = ref.objectNumber;
    const known = this.objects.get(n);
    if (known) return known;
    const e = this.entries.get(n);
    let obj: PDFObject | undefined;
    if (e?.kind === 'offset') obj = this.parseAt(e.offset, n);
    else if (e?.kind === 'stream') {
      const s = this.objectStream(e.stream);
      const at = s.offsets.get(n);
      if (at === undefined) fail(`object ${n} not in its object stream`);
      try {
        obj = PDFObjectParser.forBytes(s.data.subarray(at), this.context).parseObject();
      } catch {
        fail(`object ${n}`);
      }
    }
    if (obj) this.objects.set(n, obj);
    return obj;
  }

  resolve(o: PDFObject | undefined): PDFObject | undefined {
    return o instanceof PDFRef ? this.lookup(o) : o;
  }

  dict(o: PDFObject | undefined, what: string): PDFDict {
    const d = this.resolve(o);
    if (!(d instanceof PDFDict)) fail(what);
    return d;
  }

  /** The page at `index` (0-based) by walking the page tree, or null when there are fewer pages. */
  page(index: number): { ref: PDFRef; dict: PDFDict } | null {
    const root = this.trailer.get(PDFName.of('Root'));
    if (!(root instanceof PDFRef)) fail('/Root');
    let node = this.dict(this.dict(root, 'catalog').get(PDFName.of('Pages')), 'page tree');
    let remaining = index;
    for (let depth = 0; depth < 64; depth++) {
      const kids = this.resolve(node.get(PDFName.of('Kids')));
      if (!(kids instanceof PDFArray)) fail('/Kids');
      let next: PDFDict | null = null;
      for (const kid of kids.asArray()) {
        if (!(kid instanceof PDFRef)) fail('page tree kid');
        const d = this.dict(kid, 'page tree node');
        if (d.get(PDFName.of('Kids'))) {
          const count = num(this.resolve(d.get(PDFName.of('Count'))));
          if (count === undefined) fail('/Count');
          if (remaining < count) {
            next = d;
            break;
          }
          remaining -= count;
        } else {
          if (remaining === 0) return { ref: kid, dict: d };
          remaining--;
        }
      }
      if (!next) return null;
      node = next;
    }
    fail('page tree depth');
  }
}
