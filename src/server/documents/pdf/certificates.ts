/**
 * Certificates (Giấy khen, Bằng khen) as PDF.
 *
 * - `full`: the complete design on plain A4 landscape paper.
 * - `blank`: only the variable text, placed by per-field positions (mm) on a pre-printed phôi;
 *   positions are calibrated per unit with the test page (`renderCalibrationPdf`).
 *
 * Layout is computed by pure functions (`layoutCertificate`), so positions, fitting and the QR
 * payload are testable without parsing a PDF; drawing is a thin pass over the layout.
 */
import { type Readable } from 'node:stream';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { z } from 'zod';
import { HONOR_INFO, HONORS, type Honor } from '../../../shared/codes.js';
import { formatDateVi, formatLongDateVi, type DateInput } from '../../../shared/format-vi.js';
import { DocumentError } from '../errors.js';
import { resolvePdfFonts } from './fonts.js';

// ---- Input -----------------------------------------------------------------------------------

export interface CertificateData {
  /** Honor code (GK, BK_BO_TINH, BK_TTG…): decides the title. */
  form: Honor;
  /** Title override (e.g. "GIẤY CHỨNG NHẬN"); default from the form. */
  title?: string;
  /** The word above the title: "TẶNG" for an award (the default); a certificate of recognition says "CẤP". */
  verb?: string;
  /** Issuing authority, e.g. "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH CAO BẰNG". */
  issuer: string;
  /** "Ông Nguyễn Văn Đức" or the collective's name. */
  recipientName: string;
  /** Position and unit, e.g. "Chuyên viên Văn phòng Sở". */
  recipientDetail?: string;
  /** "Đã có thành tích xuất sắc trong …". */
  achievement: string;
  decisionNumber: string;
  decisionDate: DateInput;
  /** Place for the date line ("Cao Bằng"). */
  place: string;
  /** Date of the date line; defaults to the decision date. */
  signDate?: DateInput;
  /** "GIÁM ĐỐC", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC". */
  signerTitle: string;
  signerName: string;
  /** Number in the sổ vàng register, unique per certificate. */
  registerNumber: string;
  /** Public verification URL encoded in the QR code (e.g. `${baseUrl}/xac-minh/${code}`). */
  verificationUrl: string;
}

const dateInput = z.union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}/)]);
const certificateSchema = z.object({
  form: z.enum(HONORS),
  title: z.string().optional(),
  /** The word above the title: "TẶNG" for an award (the default); a certificate of recognition says "CẤP". */
  verb: z.string().optional(),
  issuer: z.string(),
  recipientName: z.string().min(1),
  recipientDetail: z.string().optional(),
  achievement: z.string(),
  decisionNumber: z.string().min(1),
  decisionDate: dateInput,
  place: z.string(),
  signDate: dateInput.optional(),
  signerTitle: z.string(),
  signerName: z.string(),
  registerNumber: z.string().min(1),
  verificationUrl: z.string().url(),
});

/** "GIẤY KHEN" / "BẰNG KHEN" / the honor label in capitals. */
export function certificateTitle(form: Honor): string {
  if (form === 'GK') return 'GIẤY KHEN';
  if (form.startsWith('BK_')) return 'BẰNG KHEN';
  return HONOR_INFO[form].label.toLocaleUpperCase('vi');
}

// ---- Calibration -----------------------------------------------------------------------------

export const CERTIFICATE_FIELDS = [
  'issuer',
  'recipientName',
  'recipientDetail',
  'achievement',
  'decision',
  'placeDate',
  'signerTitle',
  'signerName',
  'registerNumber',
] as const;
export type CertificateField = (typeof CERTIFICATE_FIELDS)[number];

export const CERTIFICATE_FIELD_LABELS: Record<CertificateField, string> = {
  issuer: 'Cấp khen',
  recipientName: 'Họ tên / tên tập thể',
  recipientDetail: 'Chức vụ, đơn vị',
  achievement: 'Thành tích',
  decision: 'Số, ngày quyết định',
  placeDate: 'Địa danh, ngày tháng',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Họ tên người ký',
  registerNumber: 'Số sổ vàng',
};

export interface FieldPosition {
  /** Left edge and top of the text box, in mm from the page's top-left corner. */
  x: number;
  y: number;
  width: number;
  /** Font size in points (shrunk automatically down to 60 % when the text does not fit). */
  fontSize: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  italic?: boolean;
  /** Lines the box may hold (default 1). */
  lines?: number;
  color?: string;
}

export interface CertificateCalibration {
  /** Sheet size in mm (A4 landscape by default). */
  pageWidth: number;
  pageHeight: number;
  /** Printer shift applied to every field, in mm (positive = right / down). */
  offsetX: number;
  offsetY: number;
  /** Fields printed on the phôi; a field left out is not printed (pre-printed or unused). */
  fields: Partial<Record<CertificateField, FieldPosition>>;
  /** QR code square; left out = no QR (not recommended: verification needs it). */
  qr?: { x: number; y: number; size: number };
}

const fieldPositionSchema = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().positive(),
  fontSize: z.number().min(4).max(96),
  align: z.enum(['left', 'center', 'right']).optional(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  lines: z.number().int().min(1).max(10).optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
});
/** A unit's calibration of its phôi, as stored and sent (validateCalibration also checks the page bounds). */
export const calibrationSchema = z.object({
  pageWidth: z.number().min(50).max(600),
  pageHeight: z.number().min(50).max(600),
  offsetX: z.number().min(-50).max(50),
  offsetY: z.number().min(-50).max(50),
  fields: z.partialRecord(z.enum(CERTIFICATE_FIELDS), fieldPositionSchema),
  qr: z.object({ x: z.number(), y: z.number(), size: z.number().min(10).max(80) }).optional(),
});

const PT_PER_MM = 72 / 25.4;
/** Height of a text box in mm: lines × 1.2 × font size. */
export function fieldHeightMm(f: FieldPosition): number {
  return ((f.lines ?? 1) * f.fontSize * 1.2) / PT_PER_MM;
}

/**
 * Check a calibration: structure, and every field and the QR inside the sheet once the printer
 * shift is applied. Throws `DocumentError` naming each offending field, in Vietnamese.
 */
export function validateCalibration(input: unknown): CertificateCalibration {
  const parsed = calibrationSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new DocumentError('calibration_invalid', `Thông số căn chỉnh phôi không hợp lệ: ${issues}`, parsed.error.issues);
  }
  const cal = parsed.data;
  const problems: string[] = [];
  const check = (label: string, x: number, y: number, w: number, h: number): void => {
    const left = x + cal.offsetX;
    const top = y + cal.offsetY;
    const round = (n: number): string => String(Math.round(n * 10) / 10);
    if (left < 0) problems.push(`«${label}» lệch ra ngoài mép trái (x = ${round(left)} mm)`);
    if (top < 0) problems.push(`«${label}» lệch ra ngoài mép trên (y = ${round(top)} mm)`);
    if (left + w > cal.pageWidth) {
      problems.push(`«${label}» vượt mép phải: ${round(left)} + ${round(w)} = ${round(left + w)} mm > ${cal.pageWidth} mm`);
    }
    if (top + h > cal.pageHeight) {
      problems.push(`«${label}» vượt mép dưới: ${round(top)} + ${round(h)} = ${round(top + h)} mm > ${cal.pageHeight} mm`);
    }
  };
  for (const key of CERTIFICATE_FIELDS) {
    const f = cal.fields[key];
    if (f) check(CERTIFICATE_FIELD_LABELS[key], f.x, f.y, f.width, fieldHeightMm(f));
  }
  if (cal.qr) check('Mã QR', cal.qr.x, cal.qr.y, cal.qr.size, cal.qr.size);
  if (problems.length) {
    throw new DocumentError('calibration_off_page', `Căn chỉnh phôi đặt trường ra ngoài trang giấy: ${problems.join('; ')}.`, problems);
  }
  return cal;
}

/** Positions of the full design (A4 landscape), also the starting point for a phôi calibration. */
export const FULL_DESIGN_LAYOUT: CertificateCalibration = {
  pageWidth: 297,
  pageHeight: 210,
  offsetX: 0,
  offsetY: 0,
  fields: {
    issuer: { x: 30, y: 42, width: 237, fontSize: 15, align: 'center', bold: true },
    recipientName: { x: 30, y: 82, width: 237, fontSize: 22, align: 'center', bold: true, color: '#1f3a93' },
    recipientDetail: { x: 30, y: 93, width: 237, fontSize: 14, align: 'center', italic: true },
    achievement: { x: 40, y: 102, width: 217, fontSize: 15, align: 'center', lines: 3 },
    placeDate: { x: 160, y: 136, width: 110, fontSize: 13, align: 'center', italic: true },
    signerTitle: { x: 160, y: 143, width: 110, fontSize: 13, align: 'center', bold: true, lines: 2 },
    signerName: { x: 160, y: 178, width: 110, fontSize: 14, align: 'center', bold: true },
    decision: { x: 52, y: 160, width: 100, fontSize: 10.5, align: 'left', lines: 2 },
    registerNumber: { x: 52, y: 172, width: 100, fontSize: 10.5, align: 'left', bold: true },
  },
  qr: { x: 24, y: 158, size: 24 },
};

/** A reasonable start for a pre-printed phôi: the same positions, calibrate from there. */
export const DEFAULT_BLANK_CALIBRATION: CertificateCalibration = {
  ...FULL_DESIGN_LAYOUT,
  fields: { ...FULL_DESIGN_LAYOUT.fields },
};

// ---- Layout ----------------------------------------------------------------------------------

export interface TextItem {
  field: CertificateField;
  text: string;
  /** Points, origin top-left. */
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
  font: 'regular' | 'bold' | 'italic' | 'boldItalic';
  align: 'left' | 'center' | 'right';
  color: string;
}

export interface CertificateLayout {
  widthPt: number;
  heightPt: number;
  texts: TextItem[];
  qr?: { payload: string; x: number; y: number; size: number };
}

function fieldText(cert: CertificateData, field: CertificateField): string {
  switch (field) {
    case 'issuer':
      return cert.issuer;
    case 'recipientName':
      return cert.recipientName;
    case 'recipientDetail':
      return cert.recipientDetail ?? '';
    case 'achievement':
      return cert.achievement;
    case 'decision':
      return `Quyết định số ${cert.decisionNumber} ngày ${formatDateVi(cert.decisionDate)}`;
    case 'placeDate':
      return `${cert.place}, ${formatLongDateVi(cert.signDate ?? cert.decisionDate)}`;
    case 'signerTitle':
      return cert.signerTitle;
    case 'signerName':
      return cert.signerName;
    case 'registerNumber':
      return `Số sổ vàng: ${cert.registerNumber}`;
  }
}

function fontOf(f: FieldPosition): TextItem['font'] {
  if (f.bold && f.italic) return 'boldItalic';
  if (f.bold) return 'bold';
  if (f.italic) return 'italic';
  return 'regular';
}

/** Pure layout: where each piece of text and the QR code go, in points. */
export function layoutCertificate(cert: CertificateData, calibration: CertificateCalibration): CertificateLayout {
  const texts: TextItem[] = [];
  for (const field of CERTIFICATE_FIELDS) {
    const pos = calibration.fields[field];
    if (!pos) continue;
    const text = fieldText(cert, field);
    if (!text) continue;
    texts.push({
      field,
      text,
      x: (pos.x + calibration.offsetX) * PT_PER_MM,
      y: (pos.y + calibration.offsetY) * PT_PER_MM,
      width: pos.width * PT_PER_MM,
      height: fieldHeightMm(pos) * PT_PER_MM,
      fontSize: pos.fontSize,
      font: fontOf(pos),
      align: pos.align ?? 'left',
      color: pos.color ?? '#000000',
    });
  }
  const layout: CertificateLayout = {
    widthPt: calibration.pageWidth * PT_PER_MM,
    heightPt: calibration.pageHeight * PT_PER_MM,
    texts,
  };
  if (calibration.qr) {
    layout.qr = {
      payload: cert.verificationUrl,
      x: (calibration.qr.x + calibration.offsetX) * PT_PER_MM,
      y: (calibration.qr.y + calibration.offsetY) * PT_PER_MM,
      size: calibration.qr.size * PT_PER_MM,
    };
  }
  return layout;
}

// ---- Drawing ---------------------------------------------------------------------------------

type Doc = PDFKit.PDFDocument;

function newDoc(widthPt: number, heightPt: number, title: string): Doc {
  const fonts = resolvePdfFonts();
  const doc = new PDFDocument({
    size: [widthPt, heightPt],
    margin: 0,
    autoFirstPage: false,
    info: { Title: title, Creator: 'TĐKT' },
    lang: 'vi-VN',
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('italic', fonts.italic);
  doc.registerFont('boldItalic', fonts.boldItalic);
  return doc;
}

/** Shrink the font (down to 60 %) until the text fits its box. */
function fitFontSize(doc: Doc, item: TextItem): number {
  doc.font(item.font);
  const min = item.fontSize * 0.6;
  for (let size = item.fontSize; size > min; size -= 0.5) {
    doc.fontSize(size);
    if (doc.heightOfString(item.text, { width: item.width, lineGap: 0 }) <= item.height + 0.5) return size;
  }
  return min;
}

function drawText(doc: Doc, item: TextItem): void {
  const size = fitFontSize(doc, item);
  doc.font(item.font).fontSize(size).fillColor(item.color);
  doc.text(item.text, item.x, item.y, { width: item.width, height: item.height, align: item.align, lineGap: 0, ellipsis: true });
}

/** QR as vector squares (crisp at any print resolution, no image decoding). */
export function drawQr(doc: Doc, payload: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2; // modules of white border inside the box
  const cellSize = size / (n + 2 * quiet);
  doc.save().fillColor('#000000');
  for (let row = 0; row < n; row++) {
    let start = -1;
    for (let col = 0; col <= n; col++) {
      const dark = col < n && qr.modules.get(row, col) !== 0;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        // One rectangle per horizontal run keeps the page content small.
        doc.rect(x + (quiet + start) * cellSize, y + (quiet + row) * cellSize, (col - start) * cellSize + 0.05, cellSize + 0.05);
        start = -1;
      }
    }
  }
  doc.fill();
  doc.restore();
}

const RED = '#b00000';
const GOLD = '#b8860b';

/** The fixed parts of the full design: frame, national header, "TẶNG" (or the certificate's verb), title. */
function drawFullDecorations(doc: Doc, cert: CertificateData, w: number, h: number): void {
  const m = (v: number): number => v * PT_PER_MM;
  doc.save();
  doc
    .lineWidth(3)
    .strokeColor(RED)
    .rect(m(8), m(8), w - m(16), h - m(16))
    .stroke();
  doc
    .lineWidth(1)
    .strokeColor(GOLD)
    .rect(m(11), m(11), w - m(22), h - m(22))
    .stroke();
  // Corner ornaments: small filled diamonds.
  for (const [cx, cy] of [
    [m(11), m(11)],
    [w - m(11), m(11)],
    [m(11), h - m(11)],
    [w - m(11), h - m(11)],
  ] as const) {
    doc
      .fillColor(RED)
      .polygon([cx, cy - 6], [cx + 6, cy], [cx, cy + 6], [cx - 6, cy])
      .fill();
  }
  doc.restore();
  doc.fillColor('#000000');
  doc.font('bold').fontSize(13).text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 0, m(19), { width: w, align: 'center' });
  doc.font('bold').fontSize(13).text('Độc lập - Tự do - Hạnh phúc', 0, m(25.5), { width: w, align: 'center' });
  const mottoWidth = doc.widthOfString('Độc lập - Tự do - Hạnh phúc');
  doc
    .lineWidth(0.8)
    .strokeColor('#000000')
    .moveTo((w - mottoWidth) / 2, m(31.5))
    .lineTo((w + mottoWidth) / 2, m(31.5))
    .stroke();
  doc
    .font('bold')
    .fontSize(14)
    .text(cert.verb ?? 'TẶNG', 0, m(52), { width: w, align: 'center' });
  doc
    .font('bold')
    .fontSize(40)
    .fillColor(RED)
    .text(cert.title ?? certificateTitle(cert.form), 0, m(59), { width: w, align: 'center' });
  doc
    .fillColor('#555555')
    .font('italic')
    .fontSize(7)
    .text('Quét mã QR để xác minh', m(24), m(182.5), { width: m(30), align: 'center' });
  doc.fillColor('#000000');
}

function drawCertificatePage(doc: Doc, cert: CertificateData, mode: 'full' | 'blank', calibration: CertificateCalibration): void {
  const layout = layoutCertificate(cert, calibration);
  doc.addPage({ size: [layout.widthPt, layout.heightPt], margin: 0 });
  if (mode === 'full') drawFullDecorations(doc, cert, layout.widthPt, layout.heightPt);
  for (const item of layout.texts) drawText(doc, item);
  if (layout.qr) drawQr(doc, layout.qr.payload, layout.qr.x, layout.qr.y, layout.qr.size);
}

export interface CertificateRenderOptions {
  mode: 'full' | 'blank';
  /** Required positions for `blank` (the unit's calibration); ignored for `full`. */
  calibration?: CertificateCalibration;
}

function parseCertificate(input: CertificateData, index: number): CertificateData {
  const parsed = certificateSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new DocumentError('certificate_invalid', `Dữ liệu giấy khen thứ ${index + 1} không hợp lệ: ${issues}`, parsed.error.issues);
  }
  return input;
}

/**
 * Render many certificates into one PDF, streamed: pages are written as the list is consumed
 * (an array or an async iterator over database rows). Errors in the data destroy the stream
 * with a `DocumentError`. Throws at once if the fonts or the calibration are unusable.
 */
export function renderCertificatesPdf(list: Iterable<CertificateData> | AsyncIterable<CertificateData>, options: CertificateRenderOptions): Readable {
  const calibration = options.mode === 'full' ? FULL_DESIGN_LAYOUT : validateCalibration(options.calibration ?? DEFAULT_BLANK_CALIBRATION);
  const doc = newDoc(calibration.pageWidth * PT_PER_MM, calibration.pageHeight * PT_PER_MM, 'Giấy khen, Bằng khen');
  void (async () => {
    let i = 0;
    try {
      for await (const cert of list) {
        drawCertificatePage(doc, parseCertificate(cert, i), options.mode, calibration);
        i++;
        // Let the consumer drain what is buffered every few pages (keeps memory flat).
        if (i % 50 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (i === 0) throw new DocumentError('certificate_list_empty', 'Danh sách giấy khen trống.');
      doc.end();
    } catch (e) {
      doc.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  return doc;
}

/** Test page for calibrating a phôi: a millimetre grid and each field's box, with its name. */
export function renderCalibrationPdf(calibrationInput: CertificateCalibration): Readable {
  const cal = validateCalibration(calibrationInput);
  const w = cal.pageWidth * PT_PER_MM;
  const h = cal.pageHeight * PT_PER_MM;
  const doc = newDoc(w, h, 'Trang in thử căn chỉnh phôi');
  doc.addPage({ size: [w, h], margin: 0 });
  const m = (v: number): number => v * PT_PER_MM;
  // Grid: 5 mm light, 10 mm darker with labels every 10 mm (from the sheet's corner, no offset).
  for (let x = 0; x <= cal.pageWidth; x += 5) {
    doc
      .lineWidth(x % 10 === 0 ? 0.4 : 0.15)
      .strokeColor(x % 10 === 0 ? '#999999' : '#cccccc')
      .moveTo(m(x), 0)
      .lineTo(m(x), h)
      .stroke();
  }
  for (let y = 0; y <= cal.pageHeight; y += 5) {
    doc
      .lineWidth(y % 10 === 0 ? 0.4 : 0.15)
      .strokeColor(y % 10 === 0 ? '#999999' : '#cccccc')
      .moveTo(0, m(y))
      .lineTo(w, m(y))
      .stroke();
  }
  doc.font('regular').fontSize(5).fillColor('#666666');
  for (let x = 10; x < cal.pageWidth; x += 10) doc.text(String(x), m(x) + 0.8, 1.5, { lineBreak: false });
  for (let y = 10; y < cal.pageHeight; y += 10) doc.text(String(y), 1.5, m(y) + 0.8, { lineBreak: false });
  doc
    .fillColor('#000000')
    .font('bold')
    .fontSize(9)
    .text(`TRANG IN THỬ CĂN CHỈNH PHÔI (đơn vị mm) — độ lệch máy in: ngang ${cal.offsetX} mm, dọc ${cal.offsetY} mm`, m(15), m(194), {
      width: m(267),
      align: 'center',
    });
  const box = (label: string, x: number, y: number, bw: number, bh: number): void => {
    const left = m(x + cal.offsetX);
    const top = m(y + cal.offsetY);
    doc.save().lineWidth(0.8).strokeColor('#d00000').dash(3, { space: 2 }).rect(left, top, m(bw), m(bh)).stroke().undash().restore();
    doc
      .font('italic')
      .fontSize(7)
      .fillColor('#d00000')
      .text(`${label} (x=${x}, y=${y}, rộng=${bw})`, left + 1.5, top + 1.5, {
        width: m(bw) - 3,
        lineBreak: false,
        ellipsis: true,
      });
  };
  for (const key of CERTIFICATE_FIELDS) {
    const f = cal.fields[key];
    if (f) box(CERTIFICATE_FIELD_LABELS[key], f.x, f.y, f.width, fieldHeightMm(f));
  }
  if (cal.qr) box('Mã QR', cal.qr.x, cal.qr.y, cal.qr.size, cal.qr.size);
  doc.end();
  return doc;
}

/** Collect a stream into a Buffer (tests and small documents). */
export async function streamToBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
