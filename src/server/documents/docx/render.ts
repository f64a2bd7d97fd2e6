/**
 * Render and validate DOCX templates (docxtemplater syntax: `{field}`, loops `{#rows}…{/rows}`).
 */
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { DocumentError } from '../errors.js';
import { dataSchemaFor, FIELD_CATALOGS, type FieldCatalog, type TemplateKind } from './fields.js';
import { defaultTemplate } from './default-templates.js';
import { withDerivedFields } from './sections.js';

export interface TemplateProblem {
  code: string;
  message: string;
  /** 1-based paragraph number in the part (table cells count as paragraphs), when known. */
  paragraph?: number;
  /** Zip entry (e.g. `word/document.xml`). */
  file?: string;
}

export type TemplateValidation = { ok: true; tags: string[] } | { ok: false; problems: TemplateProblem[]; message: string };

// ---- Opening ---------------------------------------------------------------------------------

function openZip(template: Buffer): PizZip {
  // A .docx is a zip: refuse anything else before docxtemplater produces an English error.
  if (template.length < 4 || template.readUInt32LE(0) !== 0x04034b50) {
    throw new DocumentError('template_not_docx', 'Tệp mẫu không phải là tệp Word (.docx).');
  }
  let zip: PizZip;
  try {
    zip = new PizZip(template);
  } catch {
    throw new DocumentError('template_not_docx', 'Tệp mẫu bị hỏng, không mở được như tệp Word (.docx).');
  }
  if (!zip.file('word/document.xml')) {
    throw new DocumentError('template_not_docx', 'Tệp mẫu không phải là tệp Word (.docx): thiếu phần nội dung word/document.xml.');
  }
  return zip;
}

function decodeXmlText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Text of each paragraph of an XML part, in document order (used to locate problems). */
export function paragraphTexts(xml: string): string[] {
  const out: string[] = [];
  const paraRe = /<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g;
  for (const m of xml.matchAll(paraRe)) {
    const inner = m[1] ?? '';
    let text = '';
    for (const t of inner.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) text += decodeXmlText(t[1] ?? '');
    out.push(text);
  }
  return out;
}

/** Paragraph (1-based) holding character `offset` of the part's concatenated text. */
function paragraphAtOffset(texts: string[], offset: number): number | undefined {
  let acc = 0;
  for (let i = 0; i < texts.length; i++) {
    acc += (texts[i] ?? '').length;
    if (offset < acc) return i + 1;
  }
  return undefined;
}

/** Paragraph (1-based) whose text contains `needle`. */
function paragraphContaining(texts: string[], needle: string): number | undefined {
  const i = texts.findIndex((t) => t.includes(needle));
  return i >= 0 ? i + 1 : undefined;
}

// ---- docxtemplater errors in Vietnamese ---------------------------------------------------------

interface DxtErrorProperties {
  id?: string;
  xtag?: string;
  offset?: number | number[];
  file?: string;
  explanation?: string;
  openingtag?: string;
  closingtag?: string;
  lastPair?: { left: string; right: string };
  errors?: Array<{ properties?: DxtErrorProperties; message?: string }>;
}

function hasProperties(e: unknown): e is { properties: DxtErrorProperties; message?: string } {
  return typeof e === 'object' && e !== null && 'properties' in e && typeof e.properties === 'object';
}

function vietnameseFor(props: DxtErrorProperties): string {
  const tag = props.xtag ?? '';
  switch (props.id) {
    case 'unclosed_loop':
      return `Vòng lặp {#${tag}} chưa được đóng (thiếu {/${tag}})`;
    case 'unopened_loop':
      return `Thẻ đóng {/${tag}} không có thẻ mở {#${tag}} tương ứng`;
    case 'closing_tag_does_not_match_opening_tag':
      return `Vòng lặp {#${props.openingtag ?? ''}} lại được đóng bằng {/${props.closingtag ?? ''}}`;
    case 'unbalanced_loop_tags':
      return `Vòng lặp {#${props.lastPair?.left ?? ''}} đan chéo với vòng lặp khác (mở và đóng phải cùng một cấp, ví dụ cùng một dòng của bảng)`;
    case 'loop_position_invalid':
      return `Vòng lặp {#${tag}} đặt sai vị trí: thẻ mở và thẻ đóng phải cùng trong một bảng hoặc cùng ngoài bảng`;
    case 'unclosed_tag':
      return `Trường "{${tag}" thiếu dấu đóng "}"`;
    case 'unopened_tag':
      return `Dấu "}" thừa sau "${tag}", không có dấu "{" tương ứng`;
    case 'duplicate_open_tag':
      return `Trường có hai dấu mở liền nhau: "${tag}"`;
    case 'duplicate_close_tag':
      return `Trường có hai dấu đóng liền nhau: "${tag}"`;
    case 'raw_xml_tag_should_be_only_text_in_paragraph':
      return `Trường {@${tag}} không được phép trong mẫu`;
    case 'malformed_xml':
    case 'file_has_invalid_xml':
      return 'Tệp mẫu có nội dung XML bị hỏng';
    default:
      return `Mẫu không hợp lệ (${props.id ?? 'lỗi không xác định'}${props.explanation ? `: ${props.explanation}` : ''})`;
  }
}

function problemsFromDxtError(e: unknown, zip: PizZip): TemplateProblem[] {
  if (!hasProperties(e)) return [{ code: 'template_invalid', message: 'Mẫu không hợp lệ' }];
  const list = e.properties.errors?.length ? e.properties.errors : [e];
  const textsByFile = new Map<string, string[]>();
  return list.map((err) => {
    const props = err.properties ?? {};
    const file = props.file ?? 'word/document.xml';
    let texts = textsByFile.get(file);
    if (!texts) {
      texts = paragraphTexts(zip.file(file)?.asText() ?? '');
      textsByFile.set(file, texts);
    }
    const offset = Array.isArray(props.offset) ? props.offset[0] : props.offset;
    const paragraph = offset !== undefined ? paragraphAtOffset(texts, offset) : undefined;
    const problem: TemplateProblem = { code: props.id ?? 'template_invalid', message: vietnameseFor(props), file };
    if (paragraph !== undefined) problem.paragraph = paragraph;
    return problem;
  });
}

function withLocation(p: TemplateProblem): string {
  return p.paragraph !== undefined ? `${p.message} (đoạn thứ ${p.paragraph})` : p.message;
}

// ---- Tag walking -----------------------------------------------------------------------------

interface TagPart {
  type: string;
  value: string;
  module?: string;
  subparsed?: TagPart[];
  inverted?: boolean;
}

/** Placeholders of a postparsed tree (text and XML parts dropped), loops keeping their bodies. */
function asParts(x: unknown): TagPart[] {
  if (!Array.isArray(x)) return [];
  return (x as TagPart[]).filter((part) => part.type === 'placeholder');
}

/**
 * The compiled tag trees per templated part. docxtemplater's InspectModule would give the same
 * but requires lodash, which is not a dependency; `compiled[file].postparsed` is what it reads.
 */
function compiledParts(doc: Docxtemplater): Array<{ file: string; parts: TagPart[] }> {
  const compiled = (doc as unknown as { compiled?: Record<string, { postparsed?: unknown }> }).compiled ?? {};
  return Object.entries(compiled).map(([file, c]) => ({ file, parts: asParts(c.postparsed) }));
}

/** Check the tags of one part against the catalog; `scope` is the enclosing loop (if any). */
function checkTags(
  parts: TagPart[],
  catalog: FieldCatalog,
  scope: { fields: Set<string>; allowDot: boolean },
  report: (tag: string, message: string) => void,
  seen: Set<string>,
): void {
  for (const part of parts) {
    const name = part.value.trim();
    seen.add(name);
    if (part.module === 'rawxml') {
      report(`{@${name}}`, `Trường {@${name}} (chèn XML thô) không được phép trong mẫu`);
      continue;
    }
    const isLoop = part.module === 'loop';
    const display = isLoop ? `{#${name}}` : `{${name}}`;
    let inner = { fields: new Set<string>(), allowDot: false };
    if (name === '.') {
      if (!scope.allowDot) report(display, `Trường {.} chỉ dùng được bên trong một vòng lặp`);
    } else if (scope.fields.has(name)) {
      // A column of the enclosing table row; a loop on it is a condition, no new scope.
    } else {
      const spec = catalog[name];
      if (!spec) {
        report(display, `Mẫu có trường không hợp lệ: ${display}`);
      } else if (isLoop && spec.type === 'table') {
        inner = { fields: new Set(Object.keys(spec.columns)), allowDot: true };
      } else if (isLoop && spec.type === 'list') {
        inner = { fields: new Set(), allowDot: true };
      } else if (!isLoop && spec.type !== 'text') {
        report(display, `Trường ${display} là danh sách, phải dùng vòng lặp {#${name}}…{/${name}}`);
      }
    }
    if (isLoop && part.subparsed) {
      // docxtemplater resolves a name not found in the loop item from the outer scopes, so the
      // outer loop's columns remain usable inside a nested condition.
      const merged = { fields: new Set([...scope.fields, ...inner.fields]), allowDot: inner.allowDot || scope.allowDot };
      checkTags(asParts(part.subparsed), catalog, merged, report, seen);
    }
  }
}

function newDocxtemplater(zip: PizZip): Docxtemplater {
  return new Docxtemplater(zip, {
    paragraphLoop: true,
    linebreaks: true,
    // Errors are returned to the caller in Vietnamese; docxtemplater's console dump is noise.
    errorLogging: false,
    // A missing value prints nothing rather than "undefined" in an official document.
    nullGetter: () => '',
  });
}

// ---- NĐ 30 elements ----------------------------------------------------------------------------

interface MandatoryElement {
  label: string;
  tag?: string;
  text?: string;
}

/** What a template of the kind must keep: Quốc hiệu and Tiêu ngữ, and the fields its catalog has among the header and signature ones. */
export function mandatoryElements(kind: TemplateKind): MandatoryElement[] {
  const catalog = FIELD_CATALOGS[kind];
  const out: MandatoryElement[] = [
    { label: 'Quốc hiệu "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"', text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' },
    { label: 'Tiêu ngữ "Độc lập - Tự do - Hạnh phúc"', text: 'Độc lập - Tự do - Hạnh phúc' },
  ];
  const fields: [string, string][] = [
    ['coQuanBanHanh', 'tên cơ quan ban hành {coQuanBanHanh}'],
    ['so', 'số văn bản {so}'],
    ['kyHieu', 'ký hiệu văn bản {kyHieu}'],
    ['diaDanh', 'địa danh {diaDanh}'],
    ['ngayThang', 'ngày ban hành {ngayThang}'],
    ['trichYeu', 'trích yếu {trichYeu}'],
    ['noiNhan', 'nơi nhận {#noiNhan}'],
    ['nguoiKy', 'họ tên người ký {nguoiKy}'],
  ];
  for (const [tag, label] of fields) if (catalog[tag]) out.push({ label, tag });
  return out;
}

// ---- Public API ------------------------------------------------------------------------------

/**
 * Check an uploaded template: it must be a .docx, its tags must be balanced, and every
 * placeholder must be in the catalog (of a template kind, or an explicit catalog).
 */
export function validateTemplate(template: Buffer, allowedFields: FieldCatalog | TemplateKind): TemplateValidation {
  const catalog = typeof allowedFields === 'string' ? FIELD_CATALOGS[allowedFields] : allowedFields;
  let zip: PizZip;
  try {
    zip = openZip(template);
  } catch (e) {
    const message = e instanceof DocumentError ? e.message : 'Tệp mẫu không hợp lệ.';
    return { ok: false, problems: [{ code: 'template_not_docx', message }], message };
  }
  let doc: Docxtemplater;
  try {
    doc = newDocxtemplater(zip);
  } catch (e) {
    const problems = problemsFromDxtError(e, zip);
    return { ok: false, problems, message: problems.map(withLocation).join('; ') };
  }
  const problems: TemplateProblem[] = [];
  const seen = new Set<string>();
  for (const { file, parts } of compiledParts(doc)) {
    const texts = paragraphTexts(zip.file(file)?.asText() ?? '');
    const report = (tag: string, message: string): void => {
      const problem: TemplateProblem = { code: 'unknown_field', message, file };
      const paragraph = paragraphContaining(texts, tag);
      if (paragraph !== undefined) problem.paragraph = paragraph;
      problems.push(problem);
    };
    checkTags(parts, catalog, { fields: new Set(), allowDot: false }, report, seen);
  }
  if (typeof allowedFields === 'string') {
    // The elements NĐ 30/2020 (Phụ lục I) requires of the kind: an agency's edit may move them, not drop them.
    const text = paragraphTexts(zip.file('word/document.xml')?.asText() ?? '').join('\n');
    for (const m of mandatoryElements(allowedFields)) {
      const present = m.tag ? seen.has(m.tag) : text.includes(m.text ?? '');
      if (!present) problems.push({ code: 'nd30_element_missing', message: `Mẫu thiếu thành phần bắt buộc theo Nghị định 30/2020/NĐ-CP: ${m.label}` });
    }
  }
  if (problems.length) return { ok: false, problems, message: problems.map(withLocation).join('; ') };
  seen.delete('.');
  return { ok: true, tags: [...seen].sort() };
}

/** Throw a `DocumentError` (422, Vietnamese message) when the template is not acceptable. */
export function assertValidTemplate(template: Buffer, allowedFields: FieldCatalog | TemplateKind): void {
  const result = validateTemplate(template, allowedFields);
  if (!result.ok) throw new DocumentError('template_invalid', result.message, result.problems);
}

/** Fill a DOCX template with data (strings, numbers, arrays for loops). */
export function renderDocx(template: Buffer, data: object): Buffer {
  const zip = openZip(template);
  let doc: Docxtemplater;
  try {
    doc = newDocxtemplater(zip);
  } catch (e) {
    const problems = problemsFromDxtError(e, zip);
    throw new DocumentError('template_invalid', problems.map(withLocation).join('; '), problems);
  }
  try {
    doc.render(data);
  } catch (e) {
    const problems = problemsFromDxtError(e, zip);
    throw new DocumentError('render_failed', `Không tạo được văn bản từ mẫu: ${problems.map(withLocation).join('; ')}`, problems);
  }
  // docxtemplater types getZip() loosely; it is the PizZip instance given to it above.
  return (doc.getZip() as PizZip).generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * Render a document of a known kind: the data is checked against the kind's schema (missing
 * text → empty, missing lists → empty) and the unit's own template is used when given.
 */
export function renderDocument(kind: TemplateKind, data: Record<string, unknown>, template?: Buffer): Buffer {
  const parsed = dataSchemaFor(kind).safeParse(withDerivedFields(kind, data));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`).join('; ');
    throw new DocumentError('document_data_invalid', `Dữ liệu văn bản không hợp lệ: ${issues}`, parsed.error.issues);
  }
  return renderDocx(template ?? defaultTemplate(kind), parsed.data);
}
