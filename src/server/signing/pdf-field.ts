/**
 * A signature field added to a PDF as an **incremental update**: the original bytes are kept as
 * they are and the new objects (signature dictionary, widget, its appearance, images, font) are
 * appended with their own cross-reference section, so that an earlier signature stays valid when
 * the agency's signature follows the competent person's.
 *
 * pdf-lib parses the file and builds the new objects; it cannot save incrementally, so the update
 * is written here. The signature value is a fixed-size hole (`/Contents <00…>`) and the byte range
 * is known as soon as the update is written: `preparedOf` gives the bytes to sign, `embedSignature`
 * puts the CMS into the hole.
 */
import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFRef,
  beginText,
  concatTransformationMatrix,
  drawObject,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setFillingRgbColor,
  setFontAndSize,
  showText,
  moveText,
  type PDFObject,
  type PDFOperator,
} from 'pdf-lib';
import { resolvePdfFonts } from '../documents/pdf/fonts.js';
import { PdfNotSignable } from './errors.js';

/** Room for the CMS (bytes): a 4096-bit chain of four certificates fits with margin. */
export const SIGNATURE_BYTES = 16_384;
const BYTE_RANGE_WIDTH = 10;

export interface AppearanceImage {
  png: Buffer;
  /** Position and size inside the field, in points from its lower-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface AppearanceLine {
  text: string;
  x: number;
  y: number;
  size: number;
}

export interface FieldSpec {
  pageIndex: number;
  /** [x1, y1, x2, y2] on the page, points. A zero-size rect makes an invisible signature. */
  rect: [number, number, number, number];
  images: AppearanceImage[];
  lines: AppearanceLine[];
  fieldName: string;
  /** Shown by PDF readers in the signature panel. */
  name: string;
  reason: string;
  location: string;
  signingTime: Date;
}

export interface PreparedPdf {
  pdf: Buffer;
  byteRange: [number, number, number, number];
  /** SHA-256 of the covered bytes, hex (what a hash-signing client signs). */
  digest: string;
}

/** The PDF date of an instant in Vietnam time: D:YYYYMMDDHHmmss+07'00'. */
export function pdfDateVn(d: Date): string {
  const vn = new Date(d.getTime() + 7 * 3600_000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(vn.getUTCFullYear(), 4)}${p(vn.getUTCMonth() + 1)}${p(vn.getUTCDate())}${p(vn.getUTCHours())}${p(vn.getUTCMinutes())}${p(vn.getUTCSeconds())}+07'00'`;
}

function lastStartXref(pdf: Buffer): number {
  const tail = pdf.subarray(Math.max(0, pdf.length - 2048)).toString('latin1');
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/u.exec(tail);
  if (!m) throw new PdfNotSignable('Tệp PDF không có phần kết thúc hợp lệ (startxref/%%EOF); không thể ký.');
  return Number(m[1]);
}

/** Whether the file already carries a signature (then it may only grow by incremental updates). */
export function hasSignature(pdf: Buffer): boolean {
  return pdf.includes('/ByteRange');
}

async function loadPdf(pdf: Buffer): Promise<PDFDocument> {
  if (pdf.subarray(0, 1024).indexOf('%PDF-') < 0) throw new PdfNotSignable('Tệp không phải là tệp PDF.');
  try {
    return await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: false });
  } catch {
    throw new PdfNotSignable('Không đọc được tệp PDF (tệp hỏng hoặc được mã hóa); không thể ký.');
  }
}

/**
 * An unsigned PDF is rewritten once with a classic cross-reference table (no object streams), so
 * that every later update can be appended the same way.
 */
async function normalised(pdf: Buffer): Promise<Buffer> {
  if (hasSignature(pdf)) return pdf;
  const doc = await loadPdf(pdf);
  return Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
}

function serialise(ref: PDFRef, obj: PDFObject): Buffer {
  const body = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(body, 0);
  return Buffer.concat([Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
}

function appearanceOperators(spec: FieldSpec, imageNames: string[], font: { encodeText(t: string): PDFHexString } | null): PDFOperator[] {
  const ops: PDFOperator[] = [];
  spec.images.forEach((img, i) => {
    ops.push(pushGraphicsState(), concatTransformationMatrix(img.width, 0, 0, img.height, img.x, img.y), drawObject(imageNames[i]!), popGraphicsState());
  });
  if (font) {
    for (const line of spec.lines) {
      ops.push(
        beginText(),
        setFillingRgbColor(0, 0, 0),
        setFontAndSize('F1', line.size),
        moveText(line.x, line.y),
        showText(font.encodeText(line.text)),
        endText(),
      );
    }
  }
  return ops;
}

/** Append a signature field with its appearance; answers the PDF with the hole and the byte range filled in. */
export async function addSignatureField(original: Buffer, spec: FieldSpec): Promise<PreparedPdf> {
  const base = await normalised(original);
  const prevXref = lastStartXref(base);
  const doc = await loadPdf(base);
  const firstNew = doc.context.largestObjectNumber + 1;
  const pages = doc.getPages();
  const page = pages[spec.pageIndex];
  if (!page) throw new PdfNotSignable(`Tệp PDF không có trang ${spec.pageIndex + 1} để đặt chữ ký.`);
  const [x1, y1, x2, y2] = spec.rect;
  const width = Math.max(0, x2 - x1);
  const height = Math.max(0, y2 - y1);

  // The signature dictionary is written by hand: the byte range and the hole are fixed-width
  // placeholders whose offsets we know.
  const zeros = '0'.repeat(BYTE_RANGE_WIDTH);
  const sigText =
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ` +
    `/ByteRange [0 ${zeros} ${zeros} ${zeros}] ` +
    `/Contents <${'0'.repeat(SIGNATURE_BYTES * 2)}> ` +
    `/M (${pdfDateVn(spec.signingTime)}) /Name ${PDFHexString.fromText(spec.name).toString()} ` +
    `/Reason ${PDFHexString.fromText(spec.reason).toString()} /Location ${PDFHexString.fromText(spec.location).toString()} ` +
    `/Prop_Build << /App << /Name /TDKT >> >> >>`;
  const sigRef = doc.context.register(PDFInvalidObject.of(Buffer.from(sigText, 'latin1')));

  const resources: Record<string, PDFRef | Record<string, PDFRef>> = {};
  const imageNames: string[] = [];
  const xobjects: Record<string, PDFRef> = {};
  for (const [i, img] of spec.images.entries()) {
    const embedded = await doc.embedPng(img.png);
    imageNames.push(`Im${i + 1}`);
    xobjects[`Im${i + 1}`] = embedded.ref;
  }
  if (imageNames.length) resources.XObject = xobjects;
  let font = null;
  if (spec.lines.length) {
    doc.registerFontkit(fontkit);
    font = await doc.embedFont(resolvePdfFonts().italic, { subset: true });
    resources.Font = { F1: font.ref };
  }
  const ap = doc.context.formXObject(appearanceOperators(spec, imageNames, font), { BBox: [0, 0, width, height], Resources: resources });
  const apRef = doc.context.register(ap);
  const widget = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [x1, y1, x2, y2],
    V: sigRef,
    T: PDFHexString.fromText(spec.fieldName),
    F: 4 | (width === 0 ? 2 : 0),
    P: page.ref,
    AP: { N: apRef },
  });
  const widgetRef = doc.context.register(widget);
  await doc.flush();

  // What changes: the page (or its /Annots array) and the AcroForm (or the catalog that holds it).
  const changed = new Map<number, [PDFRef, PDFObject]>();
  const annotsEntry = page.node.get(PDFName.of('Annots'));
  if (annotsEntry instanceof PDFRef) {
    const arr = doc.context.lookup(annotsEntry, PDFArray);
    arr.push(widgetRef);
    changed.set(annotsEntry.objectNumber, [annotsEntry, arr]);
  } else {
    const arr = annotsEntry instanceof PDFArray ? annotsEntry : doc.context.obj([]);
    arr.push(widgetRef);
    page.node.set(PDFName.of('Annots'), arr);
    changed.set(page.ref.objectNumber, [page.ref, page.node]);
  }
  const rootRef = doc.context.trailerInfo.Root;
  if (!(rootRef instanceof PDFRef)) throw new PdfNotSignable('Tệp PDF không có mục lục (Root) hợp lệ.');
  const acroEntry = doc.catalog.get(PDFName.of('AcroForm'));
  let acro: PDFDict;
  if (acroEntry instanceof PDFRef) {
    acro = doc.context.lookup(acroEntry, PDFDict);
    changed.set(acroEntry.objectNumber, [acroEntry, acro]);
  } else {
    acro = acroEntry instanceof PDFDict ? acroEntry : doc.context.obj({});
    doc.catalog.set(PDFName.of('AcroForm'), acro);
    changed.set(rootRef.objectNumber, [rootRef, doc.catalog]);
  }
  const fieldsEntry = acro.get(PDFName.of('Fields'));
  if (fieldsEntry instanceof PDFRef) {
    const arr = doc.context.lookup(fieldsEntry, PDFArray);
    arr.push(widgetRef);
    changed.set(fieldsEntry.objectNumber, [fieldsEntry, arr]);
  } else {
    const arr = fieldsEntry instanceof PDFArray ? fieldsEntry : doc.context.obj([]);
    arr.push(widgetRef);
    acro.set(PDFName.of('Fields'), arr);
  }
  acro.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (ref.objectNumber >= firstNew) changed.set(ref.objectNumber, [ref, obj]);
  }

  // Write the update: objects, then a classic xref section whose subsections follow the numbers.
  const head = base[base.length - 1] === 0x0a ? base : Buffer.concat([base, Buffer.from('\n', 'latin1')]);
  const parts: Buffer[] = [];
  let offset = head.length;
  const offsets = new Map<number, number>();
  let sigOffset = -1;
  for (const num of [...changed.keys()].sort((a, b) => a - b)) {
    const [ref, obj] = changed.get(num)!;
    const bytes = serialise(ref, obj);
    offsets.set(num, offset);
    if (num === sigRef.objectNumber) sigOffset = offset;
    parts.push(bytes);
    offset += bytes.length;
  }
  const xrefAt = offset;
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n';
  for (let i = 0; i < nums.length;) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    xref += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) xref += `${String(offsets.get(nums[k]!)).padStart(10, '0')} 00000 n\r\n`;
    i = j + 1;
  }
  const info = doc.context.trailerInfo;
  const size = Math.max(doc.context.largestObjectNumber + 1, firstNew);
  const trailerDict = doc.context.obj({ Size: size, Root: rootRef, Prev: prevXref });
  if (info.Info) trailerDict.set(PDFName.of('Info'), info.Info);
  if (info.ID) trailerDict.set(PDFName.of('ID'), info.ID);
  xref += `trailer\n${trailerDict.toString()}\nstartxref\n${xrefAt}\n%%EOF\n`;
  let pdf = Buffer.concat([head, ...parts, Buffer.from(xref, 'latin1')]);

  // Fill in the byte range: everything but the hole (its angle brackets included in the hole).
  const sigBytes = pdf.subarray(sigOffset);
  const contentsAt = sigOffset + sigBytes.indexOf('/Contents <') + '/Contents '.length;
  const contentsEnd = contentsAt + SIGNATURE_BYTES * 2 + 2;
  const byteRange: [number, number, number, number] = [0, contentsAt, contentsEnd, pdf.length - contentsEnd];
  const rangeAt = sigOffset + sigBytes.indexOf('/ByteRange [');
  const rangeText = `/ByteRange [0 ${byteRange
    .slice(1)
    .map((n) => String(n).padEnd(BYTE_RANGE_WIDTH, ' '))
    .join(' ')}]`;
  pdf = Buffer.from(pdf);
  pdf.write(rangeText, rangeAt, 'latin1');
  return { pdf, byteRange, digest: createHash('sha256').update(coveredBytes(pdf, byteRange)).digest('hex') };
}

/** The bytes a signature covers. */
export function coveredBytes(pdf: Buffer, [a, b, c, d]: readonly number[]): Buffer {
  return Buffer.concat([pdf.subarray(a, a! + b!), pdf.subarray(c, c! + d!)]);
}

/** Put the CMS into the hole of a prepared PDF. */
export function embedSignature(prepared: PreparedPdf, cms: Buffer): Buffer {
  const hex = cms.toString('hex');
  if (hex.length > SIGNATURE_BYTES * 2) throw new PdfNotSignable('Chữ ký quá lớn so với chỗ dành sẵn trong tệp PDF.');
  const pdf = Buffer.from(prepared.pdf);
  pdf.write(hex.padEnd(SIGNATURE_BYTES * 2, '0'), prepared.byteRange[1] + 1, 'latin1');
  return pdf;
}
