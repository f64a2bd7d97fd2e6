/**
 * The guard every .xlsx import passes before a spreadsheet library reads the file.
 *
 * An .xlsx is a zip: a 300 KB upload can unpack to gigabytes (a zip bomb), and a 5 MB sheet can
 * hold a million rows that an in-memory reader would build in full before anyone counts them.
 * So, before any parse:
 *  1. the zip's central directory is read (no decompression): entry count, each entry's declared
 *     uncompressed size, the total, and the compression ratio are checked;
 *  2. every entry is inflated as a stream, its output counted and discarded: an entry that yields
 *     more than it declared (a lying header) is refused the moment it does;
 *  3. while the worksheets stream by, their rows and cells are counted (and the highest row
 *     number read), and the file is refused as soon as the import kind's row limit is passed.
 * Only a file that passed is handed to the reader, whose memory is then bounded by these limits.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { badRequest } from '../errors.js';

/** Rows one import may carry, per import kind (data rows; a few header rows come on top). */
export const IMPORT_ROW_LIMITS = { staff: 20_000, ratings: 50_000, honors: 50_000, candidates: 10_000 } as const;
export type ImportKind = keyof typeof IMPORT_ROW_LIMITS;

export const XLSX_LIMITS = {
  /** Declared uncompressed size of one entry. */
  maxEntryBytes: 50 * 1024 * 1024,
  /** Declared uncompressed size of all entries together. */
  maxTotalBytes: 100 * 1024 * 1024,
  /** Uncompressed : compressed, for an entry (or the whole) above `ratioFloorBytes`. Real sheets stay near 10:1. */
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 5_000,
  /** Header rows and notes above the table (the readers look for the header in the first 10 rows). */
  headerRows: 10,
  /** Cells per allowed row, on average over the workbook (the widest import sheet has 10 columns). */
  cellsPerRow: 16,
};

const TOO_BIG = 'Tệp Excel giải nén ra quá lớn hoặc có tỉ lệ nén bất thường (có thể là tệp độc hại). Hãy lưu lại tệp bằng Excel rồi tải lên lại.';
const UNREADABLE = 'Không đọc được tệp: tệp không phải là bảng tính Excel (.xlsx) hoặc đã bị hỏng.';

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  // Sizes beyond 2^53 are absurd for an upload of 10 MB: treat them as "too big".
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

/**
 * Reads the central directory of a zip held in memory, decompressing nothing. Throws a
 * Vietnamese 400 when the structure is not a readable zip.
 */
export function readZipDirectory(buf: Buffer): ZipEntry[] {
  const unreadable = () => badRequest(UNREADABLE);
  // The end-of-central-directory record is in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable();
  let count = buf.readUInt16LE(eocd + 10);
  let dirSize = buf.readUInt32LE(eocd + 12);
  let dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirSize === MAX32 || dirOffset === MAX32) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== ZIP64_LOCATOR) throw unreadable();
    const at = u64(buf, loc + 8);
    if (at + 56 > buf.length || buf.readUInt32LE(at) !== ZIP64_EOCD) throw unreadable();
    count = u64(buf, at + 32);
    dirSize = u64(buf, at + 40);
    dirOffset = u64(buf, at + 48);
  }
  if (count > XLSX_LIMITS.maxEntries) throw badRequest(TOO_BIG);
  if (dirOffset + dirSize > buf.length) throw unreadable();
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw unreadable();
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    if (p + 46 + nameLen + extraLen > buf.length) throw unreadable();
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    // Zip64: the 0xFFFFFFFF fields are in the extra field 0x0001, in this order, only those that overflowed.
    if (uncompressedSize === MAX32 || compressedSize === MAX32 || localHeaderOffset === MAX32) {
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      let found = false;
      while (e + 4 <= end) {
        const id = buf.readUInt16LE(e);
        const size = buf.readUInt16LE(e + 2);
        if (e + 4 + size > end) throw unreadable();
        if (id === 0x0001) {
          let q = e + 4;
          const take = () => {
            if (q + 8 > e + 4 + size) throw unreadable();
            const v = u64(buf, q);
            q += 8;
            return v;
          };
          if (uncompressedSize === MAX32) uncompressedSize = take();
          if (compressedSize === MAX32) compressedSize = take();
          if (localHeaderOffset === MAX32) localHeaderOffset = take();
          found = true;
          break;
        }
        e += 4 + size;
      }
      if (!found) throw unreadable();
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The declared sizes and ratios are within the limits (nothing is decompressed). */
export function checkZipDirectory(entries: readonly ZipEntry[]): void {
  let total = 0;
  let compressed = 0;
  for (const e of entries) {
    if (e.flags & 0x1) throw badRequest('Tệp Excel được bảo vệ bằng mật khẩu: hãy bỏ mật khẩu rồi tải lên lại.');
    if (e.method !== 0 && e.method !== 8) throw badRequest(UNREADABLE);
    if (e.uncompressedSize > XLSX_LIMITS.maxEntryBytes) throw badRequest(TOO_BIG);
    if (e.uncompressedSize > XLSX_LIMITS.ratioFloorBytes && e.uncompressedSize > XLSX_LIMITS.maxRatio * Math.max(1, e.compressedSize))
      throw badRequest(TOO_BIG);
    total += e.uncompressedSize;
    compressed += e.compressedSize;
  }
  if (total > XLSX_LIMITS.maxTotalBytes) throw badRequest(TOO_BIG);
  if (total > XLSX_LIMITS.ratioFloorBytes && total > XLSX_LIMITS.maxRatio * Math.max(1, compressed)) throw badRequest(TOO_BIG);
}

/** The compressed bytes of an entry, located through its local header. */
function entryData(buf: Buffer, e: ZipEntry): Buffer {
  const at = e.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw badRequest(UNREADABLE);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + e.compressedSize > buf.length) throw badRequest(UNREADABLE);
  return buf.subarray(start, start + e.compressedSize);
}

/** An entry's uncompressed bytes, chunk by chunk (64 KB); stopping the iteration stops the inflater. */
async function* inflateEntry(buf: Buffer, e: ZipEntry): AsyncGenerator<Buffer> {
  const data = entryData(buf, e);
  if (e.method === 0) {
    for (let i = 0; i < data.length; i += 64 * 1024) yield data.subarray(i, i + 64 * 1024);
    return;
  }
  const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
  const source = Readable.from([data]);
  source.pipe(inflater);
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) yield chunk;
  } catch {
    throw badRequest(UNREADABLE);
  } finally {
    source.unpipe(inflater);
    source.destroy();
    inflater.destroy();
  }
}

/** Counts `<row …>` and `<c …>` elements (any namespace prefix) and the highest `r` of a row, across chunk boundaries. */
class SheetCounter {
  rows = 0;
  cells = 0;
  maxRowNumber = 0;
  private tail = '';

  feed(chunk: Buffer): void {
    // latin1 keeps one char per byte: the tags searched for are ASCII, and no multi-byte sequence is split.
    const text = this.tail + chunk.toString('latin1');
    // Everything up to the last '<' is complete; the rest waits for the next chunk.
    const cut = text.lastIndexOf('<');
    const done = cut > 0 ? text.slice(0, cut) : '';
    this.tail = cut > 0 ? text.slice(cut) : text;
    // A tag longer than this is padding, not a spreadsheet: keep its head (name and r="…"), drop the rest,
    // so that a file without '<' cannot make every chunk rescan a growing tail.
    if (this.tail.length > 4096) this.tail = this.tail.slice(0, 256);
    for (const m of done.matchAll(/<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)>/g)) {
      if (m[1] === 'c') {
        this.cells++;
        continue;
      }
      this.rows++;
      const r = / r\s*=\s*["'](\d{1,12})["']/.exec(m[2] ?? '');
      if (r) this.maxRowNumber = Math.max(this.maxRowNumber, Number(r[1]));
    }
  }
}

export interface XlsxGuardResult {
  entries: number;
  uncompressedBytes: number;
  /** Rows counted in each worksheet, by entry name. */
  rows: Record<string, number>;
}

/**
 * Refuses, with a Vietnamese 400 and before any spreadsheet library touches it, an .xlsx that
 * would unpack too large (declared or actual) or that carries more rows than the import kind takes.
 */
export async function guardXlsx(buf: Buffer, kind: ImportKind): Promise<XlsxGuardResult> {
  const limit = IMPORT_ROW_LIMITS[kind];
  const rowCap = limit + XLSX_LIMITS.headerRows;
  const cellCap = rowCap * XLSX_LIMITS.cellsPerRow;
  const tooManyRows = () =>
    badRequest(`Tệp có quá nhiều dòng: mỗi lần chỉ nhập tối đa ${limit.toLocaleString('vi-VN')} dòng. Hãy chia tệp thành nhiều phần rồi nhập lần lượt.`);
  const entries = readZipDirectory(buf);
  checkZipDirectory(entries);
  const rows: Record<string, number> = {};
  let cells = 0;
  let actualTotal = 0;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    // As loose as exceljs' own test (`/xl\/worksheets\/sheet(\d+)[.]xml/`, unanchored): whatever it would read as a sheet is counted.
    const isSheet = /worksheets\/[^/]*\.xml/i.test(e.name);
    const counter = isSheet ? new SheetCounter() : null;
    let produced = 0;
    for await (const chunk of inflateEntry(buf, e)) {
      produced += chunk.length;
      actualTotal += chunk.length;
      // A header that understates the size is a bomb too: stop as soon as the output passes it.
      if (produced > e.uncompressedSize || actualTotal > XLSX_LIMITS.maxTotalBytes) throw badRequest(TOO_BIG);
      if (counter) {
        const before = counter.cells;
        counter.feed(chunk);
        cells += counter.cells - before;
        if (counter.rows > rowCap || counter.maxRowNumber > rowCap || cells > cellCap) throw tooManyRows();
      }
    }
    if (counter) rows[e.name] = counter.rows;
  }
  return { entries: entries.length, uncompressedBytes: actualTotal, rows };
}
