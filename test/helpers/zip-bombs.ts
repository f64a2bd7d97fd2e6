/**
 * Hostile spreadsheets for the import-bomb test and bench (issue 20): a small .xlsx that unpacks to
 * hundreds of megabytes, a directory that lies about its sizes, a 1000:1 ratio, a sheet of a million
 * rows and a sheet whose second row is numbered 1,000,000. Built from a real workbook here.
 */
import { createDeflateRaw, crc32, inflateRawSync } from 'node:zlib';
import { makeXlsx } from './app.js';
import { readZipDirectory } from '../../src/server/imports/xlsx-guard.js';

export interface Part {
  name: string;
  /** Deflated bytes. */
  data: Buffer;
  crc: number;
  size: number;
  /** What the directory claims (a lying header when it differs from `size`). */
  declared?: number;
}

/** Deflates chunks as they are produced, keeping only the compressed output. */
export async function deflateParts(name: string, chunks: Iterable<Buffer>, declared?: number): Promise<Part> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflater.on('end', resolve);
    deflater.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for (const c of chunks) {
    crc = crc32(c, crc);
    size += c.length;
    if (!deflater.write(c)) await new Promise((r) => deflater.once('drain', r));
  }
  deflater.end();
  await done;
  return { name, data: Buffer.concat(out), crc, size, ...(declared !== undefined ? { declared } : {}) };
}

/** Writes a zip (deflate entries, no zip64) from parts, in order. */
function writeZip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declared ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data);
    centrals.push(central, name);
    offset += 30 + name.length + p.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** The entries of a real workbook, re-deflated, with `replace` swapped in (by name) and `extra` appended. */
export async function rebuild(base: Buffer, replace: Part[], extra: Part[] = []): Promise<Buffer> {
  const parts: Part[] = [];
  for (const e of readZipDirectory(base)) {
    const swapped = replace.find((r) => r.name === e.name);
    if (swapped) {
      parts.push(swapped);
      continue;
    }
    const start = e.localHeaderOffset + 30 + base.readUInt16LE(e.localHeaderOffset + 26) + base.readUInt16LE(e.localHeaderOffset + 28);
    const raw = base.subarray(start, start + e.compressedSize);
    const plain = e.method === 8 ? inflateRawSync(raw) : raw;
    parts.push(await deflateParts(e.name, [plain]));
  }
  return writeZip([...parts, ...extra]);
}

function* zeros(totalMb: number): Generator<Buffer> {
  const mb = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < totalMb; i++) yield mb;
}

/** A sheet of `n` one-cell rows, as small as the format allows (the finding's 5 MB / million rows). */
export function* sheetRows(n: number, firstRowNumber = 1): Generator<Buffer> {
  yield Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  yield Buffer.from(`<row r="${firstRowNumber}"><c r="A${firstRowNumber}" t="inlineStr"><is><t>Họ và tên</t></is></c></row>`);
  let batch: string[] = [];
  let seed = 20;
  for (let i = 1; i < n; i++) {
    const r = firstRowNumber + i;
    // Values that vary as real data does (a repeated value would compress past the ratio limit first).
    seed = (seed * 1103515245 + 12345) % 2147483648;
    batch.push(`<row r="${r}"><c><v>${seed % 100_000}</v></c></row>`);
    if (batch.length === 10_000) {
      yield Buffer.from(batch.join(''));
      batch = [];
    }
  }
  yield Buffer.from(batch.join('') + '</sheetData></worksheet>');
}

export type BombName = 'bomb' | 'liar' | 'ratio' | 'million' | 'farRow';

/** The five hostile files, each with its expected refusal. */
export async function bombFiles(): Promise<Record<BombName, Buffer>> {
  const files = {} as Record<BombName, Buffer>;
  const base = await makeXlsx([
    ['Họ và tên', 'Số CCCD'],
    ['Nông Văn A', ''],
  ]);
  // 300 MB of zeros in one entry, sizes declared honestly: the finding's 312 KB file.
  const bomb = await deflateParts('xl/media/image9.bin', zeros(300));
  files.bomb = await rebuild(base, [], [bomb]);
  // The same entry with a header that claims 40 KB: caught while inflating, not by the directory.
  files.liar = await rebuild(base, [], [{ ...bomb, declared: 40 * 1024 }]);
  // 40 MB of zeros: under the per-entry size, but a ratio of about 1000:1.
  files.ratio = await rebuild(base, [], [await deflateParts('xl/media/image9.bin', zeros(40))]);
  // A million rows in the sheet (about 40 MB of XML, 5 MB compressed).
  files.million = await rebuild(base, [await deflateParts('xl/worksheets/sheet1.xml', sheetRows(1_000_000))]);
  // Two rows, but the second one numbered 1,000,000: a reader would build every row in between.
  files.farRow = await rebuild(base, [
    await deflateParts('xl/worksheets/sheet1.xml', [
      Buffer.from(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row><row r="1000000"><c r="A1000000" t="inlineStr"><is><t>Nông Văn B</t></is></c></row></sheetData></worksheet>',
      ),
    ]),
  ]);
  return files;
}
