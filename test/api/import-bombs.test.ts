// Issue #20, import bombs: a small .xlsx that unpacks to hundreds of megabytes, and a sheet of a
// million rows, must be refused quickly (< 2 s) and without the server growing (< 200 MB), by every
// importer (staff, ratings, award history). The files are generated here, from a real workbook.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDeflateRaw, crc32, inflateRawSync } from 'node:zlib';
import { createTestApp, makeXlsx, type Client, type TestApp } from '../helpers/app.js';
import { guardXlsx, readZipDirectory } from '../../src/server/imports/xlsx-guard.js';

interface Part {
  name: string;
  /** Deflated bytes. */
  data: Buffer;
  crc: number;
  size: number;
  /** What the directory claims (a lying header when it differs from `size`). */
  declared?: number;
}

/** Deflates chunks as they are produced, keeping only the compressed output. */
async function deflateParts(name: string, chunks: Iterable<Buffer>, declared?: number): Promise<Part> {
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
async function rebuild(base: Buffer, replace: Part[], extra: Part[] = []): Promise<Buffer> {
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
function* sheetRows(n: number, firstRowNumber = 1): Generator<Buffer> {
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

describe('import bombs: refused before parsing, quickly, without memory growth', () => {
  let t: TestApp;
  let clerk: Client;
  const files: Record<string, Buffer> = {};

  before(async () => {
    t = await createTestApp();
    clerk = await t.login('donvi');
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
  });
  after(async () => t.close());

  it('the generated files are what they claim to be', async () => {
    assert.ok(files.bomb!.length < 1024 * 1024, `the bomb is small: ${files.bomb!.length} bytes`);
    const declared = readZipDirectory(files.bomb!).reduce((n, e) => n + e.uncompressedSize, 0);
    assert.ok(declared > 300 * 1024 * 1024, 'and unpacks to more than 300 MB');
    assert.ok(files.million!.length < 10 * 1024 * 1024, `the million-row file fits an upload: ${files.million!.length} bytes`);
    const sheet = readZipDirectory(files.million!).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    assert.ok(
      sheet.uncompressedSize < 50 * 1024 * 1024 && sheet.uncompressedSize < 100 * sheet.compressedSize,
      'its sizes pass the directory check: the row count refuses it',
    );
  });

  const cases: [string, RegExp][] = [
    ['bomb', /giải nén ra quá lớn/],
    ['liar', /giải nén ra quá lớn/],
    ['ratio', /giải nén ra quá lớn/],
    ['million', /quá nhiều dòng: mỗi lần chỉ nhập tối đa/],
    ['farRow', /quá nhiều dòng/],
  ];
  const routes: [string, Record<string, string>][] = [
    ['/api/people/import/preview', {}],
    ['/api/records/import/preview', { kind: 'ratings' }],
    ['/api/records/import/preview', { kind: 'honors' }],
  ];
  for (const [file, message] of cases) {
    it(`refuses the ${file} file in every importer within 2 s and 200 MB`, async () => {
      for (const [url, fields] of routes) {
        global.gc?.();
        const rss = process.memoryUsage().rss;
        const r = await clerk.upload(url, files[file]!, fields);
        const grown = process.memoryUsage().rss - rss;
        assert.equal(r.status, 400, `${url} ${JSON.stringify(fields)}: ${JSON.stringify(r.body)}`);
        assert.match(r.body.message, message);
        assert.ok(grown < 200 * 1024 * 1024, `${url} grew the process by ${Math.round(grown / 1048576)} MB`);
      }
    });
  }

  it('the row limit depends on the import kind: 20,000 staff rows, 50,000 ratings rows', async () => {
    const base = await makeXlsx([['Họ và tên'], ['A']]);
    const staffOver = await rebuild(base, [await deflateParts('xl/worksheets/sheet1.xml', sheetRows(20_000 + 12))]);
    const ratingsUnder = await rebuild(base, [await deflateParts('xl/worksheets/sheet1.xml', sheetRows(30_000))]);
    await assert.rejects(guardXlsx(staffOver, 'staff'), /tối đa 20\.000 dòng/);
    assert.equal(Object.values((await guardXlsx(ratingsUnder, 'ratings')).rows)[0], 30_000);
    await assert.rejects(guardXlsx(ratingsUnder, 'staff'), /tối đa 20\.000 dòng/);
    // A sheet hidden at a path exceljs would still read as one (its test is unanchored) is counted too.
    const hidden = await rebuild(base, [], [await deflateParts('extra/xl/worksheets/sheet7.xml', sheetRows(30_000))]);
    await assert.rejects(guardXlsx(hidden, 'staff'), /tối đa 20\.000 dòng/);
  });

  it('an ordinary workbook passes the guard and imports as before', async () => {
    const ok = await makeXlsx([
      ['Họ và tên', 'Giới tính'],
      ['Nông Văn Thường', 'Nam'],
    ]);
    const r = await clerk.importFile('/api/people/import/preview', ok, { unitId: t.demo.rootUnitId });
    assert.notEqual(r.status, 400, JSON.stringify(r.body));
  });
});
