/**
 * A signature field added to a PDF as an **incremental update**: the original bytes are kept as
 * they are and the new objects (signature dictionary, widget, its appearance, images, font) are
 * appended with their own cross-reference section, so that an earlier signature stays valid when
 * the agency's signature follows the competent person's.
 *
 * The file is not parsed as a whole: a light reader (pdf-xref.ts) follows its cross-reference
 * sections to the catalog, the page and the AcroForm, the only objects that change; pdf-lib builds
 * the new objects in a scratch document (the appearance's image kept ready per image, the font
 * file parsed once, so that a batch does not decode and compress the same PNG a thousand times),
 * and the update is written here, with a classic cross-reference table, or a cross-reference
 * stream after one. A file the light reader does not handle is parsed whole by pdf-lib as before
 * (an unsigned one rewritten once with a classic table). The signature value is a fixed-size hole
 * (`/Contents <00…>`) and the byte range is known as soon as the update is written:
 * `addSignatureField` answers the bytes to sign, `embedSignature` puts the CMS into the hole.
 */
import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFInvalidObject,
  PDFContext,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
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
import { LightPdf, LightPdfUnsupported, lastStartXref } from './pdf-xref.js';
import { Lru, digestOf } from './memo.js';

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

/** Whether the file already carries a signature (then it may only grow by incremental updates). */
export function hasSignature(pdf: Buffer): boolean {
  return pdf.includes('/ByteRange');
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

function signatureDictionary(spec: FieldSpec): PDFInvalidObject {
  // Written by hand: the byte range and the hole are fixed-width placeholders whose offsets we know.
  const zeros = '0'.repeat(BYTE_RANGE_WIDTH);
  const text =
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ` +
    `/ByteRange [0 ${zeros} ${zeros} ${zeros}] ` +
    `/Contents <${'0'.repeat(SIGNATURE_BYTES * 2)}> ` +
    `/M (${pdfDateVn(spec.signingTime)}) /Name ${PDFHexString.fromText(spec.name).toString()} ` +
    `/Reason ${PDFHexString.fromText(spec.reason).toString()} /Location ${PDFHexString.fromText(spec.location).toString()} ` +
    `/Prop_Build << /App << /Name /TDKT >> >> >>`;
  return PDFInvalidObject.of(Buffer.from(text, 'latin1'));
}

/** An embedded PNG ready to copy into any document: decoding and compressing it is done once per image. */
const imageTemplates = new Lru<Promise<{ context: PDFContext; ref: PDFRef }>>(32);

function imageTemplate(png: Buffer): Promise<{ context: PDFContext; ref: PDFRef }> {
  return imageTemplates.getOrMake(digestOf(png), async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const image = await doc.embedPng(png);
    await doc.flush();
    return { context: doc.context, ref: image.ref };
  });
}

/** fontkit parses a font file once (the subset of each signature is still made from it). */
const parsedFonts = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>();
const cachingFontkit: typeof fontkit = {
  create(data: Uint8Array, postscriptName?: string) {
    if (postscriptName) return fontkit.create(data, postscriptName);
    let font = parsedFonts.get(data);
    if (!font) {
      font = fontkit.create(data);
      parsedFonts.set(data, font);
    }
    return font;
  },
};

/**
 * The italic font subset for some lines of text, embedded once: a batch writes the same agency
 * and signing time on every certificate.
 */
const fontTemplates = new Lru<Promise<{ context: PDFContext; ref: PDFRef; encoded: Map<string, PDFHexString> }>>(16);

function fontTemplate(lines: string[]): Promise<{ context: PDFContext; ref: PDFRef; encoded: Map<string, PDFHexString> }> {
  return fontTemplates.getOrMake(lines.join('\n'), async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(cachingFontkit);
    const font = await doc.embedFont(resolvePdfFonts().italic, { subset: true });
    const encoded = new Map(lines.map((t) => [t, font.encodeText(t)]));
    await doc.flush();
    return { context: doc.context, ref: font.ref, encoded };
  });
}

/** The new objects of a signature field, numbered from `firstNew` in a scratch document. */
async function newObjects(spec: FieldSpec, firstNew: number, pageRef: PDFRef): Promise<{ doc: PDFDocument; sigRef: PDFRef; widgetRef: PDFRef }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.context.largestObjectNumber = Math.max(doc.context.largestObjectNumber, firstNew - 1);
  const [x1, y1, x2, y2] = spec.rect;
  const width = Math.max(0, x2 - x1);
  const height = Math.max(0, y2 - y1);
  const sigRef = doc.context.register(signatureDictionary(spec));
  const resources: Record<string, PDFRef | Record<string, PDFRef>> = {};
  const imageNames: string[] = [];
  const xobjects: Record<string, PDFRef> = {};
  for (const [i, img] of spec.images.entries()) {
    const template = await imageTemplate(img.png);
    const ref = PDFObjectCopier.for(template.context, doc.context).copy(template.ref);
    imageNames.push(`Im${i + 1}`);
    xobjects[`Im${i + 1}`] = ref;
  }
  if (imageNames.length) resources.XObject = xobjects;
  let font = null;
  if (spec.lines.length) {
    const template = await fontTemplate(spec.lines.map((l) => l.text));
    resources.Font = { F1: PDFObjectCopier.for(template.context, doc.context).copy(template.ref) };
    font = { encodeText: (t: string) => template.encoded.get(t)! };
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
    P: pageRef,
    AP: { N: apRef },
  });
  const widgetRef = doc.context.register(widget);
  await doc.flush();
  return { doc, sigRef, widgetRef };
}

interface UpdateObject {
  ref: PDFRef;
  obj: PDFObject;
}

interface Trailer {
  size: number;
  root: PDFRef;
  prev: number;
  info: PDFObject | undefined;
  id: PDFObject | undefined;
}

/**
 * Append the objects after `base` with their cross-reference section (a classic table, or a
 * stream when `asStream`) and fill in the byte range: everything but the hole (its angle brackets
 * included in the hole).
 */
function writeUpdate(base: Buffer, objects: UpdateObject[], sigNum: number, trailer: Trailer, asStream: boolean): PreparedPdf {
  const head = base[base.length - 1] === 0x0a ? base : Buffer.concat([base, Buffer.from('\n', 'latin1')]);
  const parts: Buffer[] = [];
  let offset = head.length;
  const offsets = new Map<number, { offset: number; gen: number }>();
  let sigOffset = -1;
  for (const { ref, obj } of [...objects].sort((a, b) => a.ref.objectNumber - b.ref.objectNumber)) {
    const bytes = serialise(ref, obj);
    offsets.set(ref.objectNumber, { offset, gen: ref.generationNumber });
    if (ref.objectNumber === sigNum) sigOffset = offset;
    parts.push(bytes);
    offset += bytes.length;
  }
  const xrefAt = offset;
  let size = trailer.size;
  const xrefNum = size;
  if (asStream) {
    offsets.set(xrefNum, { offset: xrefAt, gen: 0 });
    size++;
  }
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (let i = 0; i < nums.length;) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    runs.push([i, j]);
    i = j + 1;
  }
  const dict = PDFContext.create().obj({ Size: size, Root: trailer.root, Prev: trailer.prev });
  if (trailer.info) dict.set(PDFName.of('Info'), trailer.info);
  if (trailer.id) dict.set(PDFName.of('ID'), trailer.id);
  let xref: Buffer;
  if (asStream) {
    const rows = Buffer.alloc(nums.length * 7);
    nums.forEach((n, k) => {
      const e = offsets.get(n)!;
      rows.writeUInt8(1, k * 7);
      rows.writeUInt32BE(e.offset, k * 7 + 1);
      rows.writeUInt16BE(e.gen, k * 7 + 5);
    });
    const index = runs.map(([i, j]) => `${nums[i]} ${j - i + 1}`).join(' ');
    const text = dict.toString().replace(/>>\s*$/u, `/Type /XRef /W [1 4 2] /Index [${index}] /Length ${rows.length} >>`);
    xref = Buffer.concat([
      Buffer.from(`${xrefNum} 0 obj\n${text}\nstream\n`, 'latin1'),
      rows,
      Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'),
    ]);
  } else {
    let text = 'xref\n';
    for (const [i, j] of runs) {
      text += `${nums[i]} ${j - i + 1}\n`;
      for (let k = i; k <= j; k++) {
        const e = offsets.get(nums[k]!)!;
        text += `${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n\r\n`;
      }
    }
    text += `trailer\n${dict.toString()}\nstartxref\n${xrefAt}\n%%EOF\n`;
    xref = Buffer.from(text, 'latin1');
  }
  const pdf = Buffer.concat([head, ...parts, xref]);

  const sigBytes = pdf.subarray(sigOffset);
  const contentsAt = sigOffset + sigBytes.indexOf('/Contents <') + '/Contents '.length;
  const contentsEnd = contentsAt + SIGNATURE_BYTES * 2 + 2;
  const byteRange: [number, number, number, number] = [0, contentsAt, contentsEnd, pdf.length - contentsEnd];
  const rangeAt = sigOffset + sigBytes.indexOf('/ByteRange [');
  const rangeText = `/ByteRange [0 ${byteRange
    .slice(1)
    .map((n) => String(n).padEnd(BYTE_RANGE_WIDTH, ' '))
    .join(' ')}]`;
  pdf.write(rangeText, rangeAt, 'latin1');
  return { pdf, byteRange, digest: createHash('sha256').update(coveredBytes(pdf, byteRange)).digest('hex') };
}

/**
 * The objects a new field changes in a document: the page's /Annots (the array, or the page that
 * holds it), the AcroForm's /Fields (the array, the AcroForm, or the catalog that holds it), and
 * /SigFlags. `lookup` reads an existing object; what changes is answered with its reference.
 */
function changedObjects(
  ctx: PDFContext,
  lookup: (ref: PDFRef) => PDFObject | undefined,
  page: { ref: PDFRef; dict: PDFDict },
  catalog: { ref: PDFRef; dict: PDFDict },
  widgetRef: PDFRef,
): UpdateObject[] {
  const changed = new Map<number, UpdateObject>();
  const annotsEntry = page.dict.get(PDFName.of('Annots'));
  const annots = annotsEntry instanceof PDFRef ? lookup(annotsEntry) : undefined;
  if (annotsEntry instanceof PDFRef && annots instanceof PDFArray) {
    annots.push(widgetRef);
    changed.set(annotsEntry.objectNumber, { ref: annotsEntry, obj: annots });
  } else {
    const arr = annotsEntry instanceof PDFArray ? annotsEntry : ctx.obj([]);
    arr.push(widgetRef);
    page.dict.set(PDFName.of('Annots'), arr);
    changed.set(page.ref.objectNumber, { ref: page.ref, obj: page.dict });
  }
  const acroEntry = catalog.dict.get(PDFName.of('AcroForm'));
  const acroObj = acroEntry instanceof PDFRef ? lookup(acroEntry) : undefined;
  let acro: PDFDict;
  if (acroEntry instanceof PDFRef && acroObj instanceof PDFDict) {
    acro = acroObj;
    changed.set(acroEntry.objectNumber, { ref: acroEntry, obj: acro });
  } else {
    acro = acroEntry instanceof PDFDict ? acroEntry : ctx.obj({});
    catalog.dict.set(PDFName.of('AcroForm'), acro);
    changed.set(catalog.ref.objectNumber, { ref: catalog.ref, obj: catalog.dict });
  }
  const fieldsEntry = acro.get(PDFName.of('Fields'));
  const fields = fieldsEntry instanceof PDFRef ? lookup(fieldsEntry) : undefined;
  if (fieldsEntry instanceof PDFRef && fields instanceof PDFArray) {
    fields.push(widgetRef);
    changed.set(fieldsEntry.objectNumber, { ref: fieldsEntry, obj: fields });
  } else {
    const arr = fieldsEntry instanceof PDFArray ? fieldsEntry : ctx.obj([]);
    arr.push(widgetRef);
    acro.set(PDFName.of('Fields'), arr);
  }
  acro.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  return [...changed.values()];
}

const scratchObjects = (doc: PDFDocument, firstNew: number): UpdateObject[] =>
  doc.context
    .enumerateIndirectObjects()
    .filter(([ref]) => ref.objectNumber >= firstNew)
    .map(([ref, obj]) => ({ ref, obj }));

/** Append a signature field with its appearance; answers the PDF with the hole and the byte range filled in. */
export async function addSignatureField(original: Buffer, spec: FieldSpec): Promise<PreparedPdf> {
  if (original.subarray(0, 1024).indexOf('%PDF-') < 0) throw new PdfNotSignable('Tệp không phải là tệp PDF.');
  let light: LightPdf | null = null;
  try {
    light = new LightPdf(original, PDFContext.create());
  } catch (e) {
    if (!(e instanceof LightPdfUnsupported)) throw e;
  }
  if (light) {
    try {
      return await withLightReader(original, light, spec);
    } catch (e) {
      if (!(e instanceof LightPdfUnsupported)) throw e;
    }
  }
  return withPdfLib(original, spec);
}

/** The update from the few objects the light reader finds. */
async function withLightReader(base: Buffer, pdf: LightPdf, spec: FieldSpec): Promise<PreparedPdf> {
  const rootRef = pdf.trailer.get(PDFName.of('Root'));
  if (!(rootRef instanceof PDFRef)) throw new LightPdfUnsupported('/Root');
  const catalog = { ref: rootRef, dict: pdf.dict(rootRef, 'catalog') };
  const page = pdf.page(spec.pageIndex);
  if (!page) throw new PdfNotSignable(`Tệp PDF không có trang ${spec.pageIndex + 1} để đặt chữ ký.`);
  const firstNew = pdf.size;
  const { doc, sigRef, widgetRef } = await newObjects(spec, firstNew, page.ref);
  const changed = changedObjects(pdf.context, (ref) => pdf.lookup(ref), page, catalog, widgetRef);
  return writeUpdate(
    base,
    [...changed, ...scratchObjects(doc, firstNew)],
    sigRef.objectNumber,
    {
      size: Math.max(doc.context.largestObjectNumber + 1, firstNew),
      root: rootRef,
      prev: pdf.startXref,
      info: pdf.trailer.get(PDFName.of('Info')),
      id: pdf.trailer.get(PDFName.of('ID')),
    },
    pdf.lastIsStream,
  );
}

async function loadPdf(pdf: Buffer): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: false });
  } catch {
    throw new PdfNotSignable('Không đọc được tệp PDF (tệp hỏng hoặc được mã hóa); không thể ký.');
  }
}

/**
 * The update from the whole file parsed by pdf-lib, for what the light reader does not handle. An
 * unsigned PDF is rewritten first with a classic cross-reference table (no object streams), so that
 * the update can be appended the same way.
 */
async function withPdfLib(original: Buffer, spec: FieldSpec): Promise<PreparedPdf> {
  const base = hasSignature(original)
    ? original
    : Buffer.from(await (await loadPdf(original)).save({ useObjectStreams: false, updateFieldAppearances: false }));
  const prevXref = lastStartXref(base);
  if (prevXref === null) throw new PdfNotSignable('Tệp PDF không có phần kết thúc hợp lệ (startxref/%%EOF); không thể ký.');
  const src = await loadPdf(base);
  const page = src.getPages()[spec.pageIndex];
  if (!page) throw new PdfNotSignable(`Tệp PDF không có trang ${spec.pageIndex + 1} để đặt chữ ký.`);
  const rootRef = src.context.trailerInfo.Root;
  if (!(rootRef instanceof PDFRef)) throw new PdfNotSignable('Tệp PDF không có mục lục (Root) hợp lệ.');
  const firstNew = src.context.largestObjectNumber + 1;
  const { doc, sigRef, widgetRef } = await newObjects(spec, firstNew, page.ref);
  const changed = changedObjects(
    src.context,
    (ref) => src.context.lookup(ref),
    { ref: page.ref, dict: page.node },
    { ref: rootRef, dict: src.catalog },
    widgetRef,
  );
  const info = src.context.trailerInfo;
  return writeUpdate(
    base,
    [...changed, ...scratchObjects(doc, firstNew)],
    sigRef.objectNumber,
    { size: Math.max(doc.context.largestObjectNumber + 1, firstNew), root: rootRef, prev: prevXref, info: info.Info, id: info.ID },
    false,
  );
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
