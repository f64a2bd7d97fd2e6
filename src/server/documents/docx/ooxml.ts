/**
 * A small WordprocessingML (OOXML) builder: just enough to produce the default administrative
 * templates as real .docx files that Word and LibreOffice open and users can edit. We build the
 * XML by hand rather than pulling in a docx-writing library: the subset is small and we control
 * exactly how placeholders end up in runs (docxtemplater needs each `{tag}` readable as text).
 */
import PizZip from 'pizzip';

// ---- Units -----------------------------------------------------------------------------------

/** Millimetres to twentieths of a point (twips), the unit of page geometry in OOXML. */
export const mm = (value: number): number => Math.round((value * 1440) / 25.4);
/** Points to half-points, the unit of font sizes (`w:sz`). */
export const pt = (value: number): number => Math.round(value * 2);

// ---- Model -----------------------------------------------------------------------------------

export interface RunProps {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Font size in points. */
  size?: number;
  caps?: boolean;
  color?: string;
}

export interface Run extends RunProps {
  type: 'run';
  text: string;
}

export interface Break {
  type: 'break';
  kind: 'line' | 'page';
}

export interface Field {
  type: 'field';
  /** A simple field instruction, e.g. `PAGE`. */
  instr: string;
  props?: RunProps;
}

export type Inline = Run | Break | Field;

export type Align = 'left' | 'center' | 'right' | 'both';

export interface ParagraphProps {
  align?: Align;
  /** Space before/after in points. */
  before?: number;
  after?: number;
  /** Line spacing multiple (1 = single). */
  line?: number;
  /** First-line indent in millimetres. */
  firstLine?: number;
  /** Left/right indents in millimetres. */
  indentLeft?: number;
  indentRight?: number;
  /** A bottom border: with indents, draws the short rule NĐ 30 puts under headings. */
  bottomRule?: boolean;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /** Run properties applied to the paragraph mark (keeps empty paragraphs at the right size). */
  markRun?: RunProps;
  /** This paragraph ends a section with these properties (the next section starts on a new page). */
  sectionEnd?: SectionProps;
}

export interface Paragraph extends ParagraphProps {
  type: 'paragraph';
  children: Inline[];
}

export interface Cell {
  paragraphs: Paragraph[];
  /** Horizontal span over grid columns. */
  span?: number;
  vAlign?: 'top' | 'center' | 'bottom';
  shade?: string;
}

export interface Row {
  cells: Cell[];
  /** Repeat as a header row on every page (long lists of awardees). */
  header?: boolean;
  cantSplit?: boolean;
}

export interface Table {
  type: 'table';
  /** Column widths in millimetres; their sum is the table width. */
  columns: number[];
  rows: Row[];
  borders: boolean;
  align?: 'left' | 'center';
}

export type Block = Paragraph | Table;

export interface SectionProps {
  /** Page width/height in millimetres (default A4 portrait 210 × 297). */
  width?: number;
  height?: number;
  margins: { top: number; bottom: number; left: number; right: number };
  /** Page number centred in the header from page 2 on (NĐ 30/2020, Phụ lục I, mục II.9). */
  pageNumbers?: boolean;
  /** Numbering starts again at 1 in this section (an annex numbers its own pages). */
  restartNumbering?: boolean;
}

export interface DocumentSpec {
  title: string;
  body: Block[];
  section: SectionProps;
  /** Base font family and size (points). */
  font: string;
  fontSize: number;
}

// ---- Construction helpers --------------------------------------------------------------------

/** A run of text; newlines are not interpreted (use `br()`). */
export function r(text: string, props: RunProps = {}): Run {
  return { type: 'run', text, ...props };
}

export function br(kind: 'line' | 'page' = 'line'): Break {
  return { type: 'break', kind };
}

export function p(children: Inline[] | string, props: ParagraphProps = {}): Paragraph {
  const kids = typeof children === 'string' ? [r(children)] : children;
  return { type: 'paragraph', children: kids, ...props };
}

export function cell(content: Paragraph[] | Paragraph | string, opts: Omit<Cell, 'paragraphs'> = {}): Cell {
  const paragraphs = typeof content === 'string' ? [p(content)] : Array.isArray(content) ? content : [content];
  return { paragraphs, ...opts };
}

export function table(columns: number[], rows: Row[], opts: { borders?: boolean; align?: 'left' | 'center' } = {}): Table {
  return { type: 'table', columns, rows, borders: opts.borders ?? true, align: opts.align ?? 'center' };
}

// ---- Serialisation ---------------------------------------------------------------------------

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function runPropsXml(props: RunProps): string {
  let x = '';
  if (props.bold) x += '<w:b/><w:bCs/>';
  if (props.italic) x += '<w:i/><w:iCs/>';
  if (props.caps) x += '<w:caps/>';
  if (props.color) x += `<w:color w:val="${props.color}"/>`;
  if (props.size !== undefined) x += `<w:sz w:val="${pt(props.size)}"/><w:szCs w:val="${pt(props.size)}"/>`;
  if (props.underline) x += '<w:u w:val="single"/>';
  return x ? `<w:rPr>${x}</w:rPr>` : '';
}

function inlineXml(node: Inline): string {
  switch (node.type) {
    case 'run':
      return `<w:r>${runPropsXml(node)}<w:t xml:space="preserve">${escapeXml(node.text)}</w:t></w:r>`;
    case 'break':
      return node.kind === 'page' ? '<w:r><w:br w:type="page"/></w:r>' : '<w:r><w:br/></w:r>';
    case 'field': {
      const rp = runPropsXml(node.props ?? {});
      return (
        `<w:r>${rp}<w:fldChar w:fldCharType="begin"/></w:r>` +
        `<w:r>${rp}<w:instrText xml:space="preserve"> ${escapeXml(node.instr)} </w:instrText></w:r>` +
        `<w:r>${rp}<w:fldChar w:fldCharType="separate"/></w:r>` +
        `<w:r>${rp}<w:t>2</w:t></w:r>` +
        `<w:r>${rp}<w:fldChar w:fldCharType="end"/></w:r>`
      );
    }
  }
}

function paragraphXml(para: Paragraph): string {
  // Child order matters: Word rejects a pPr whose children are out of schema order.
  let pPr = '';
  if (para.keepNext) pPr += '<w:keepNext/>';
  if (para.pageBreakBefore) pPr += '<w:pageBreakBefore/>';
  if (para.bottomRule) pPr += '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>';
  const before = para.before ?? 0;
  const after = para.after ?? 0;
  const line = Math.round((para.line ?? 1) * 240);
  pPr += `<w:spacing w:before="${Math.round(before * 20)}" w:after="${Math.round(after * 20)}" w:line="${line}" w:lineRule="auto"/>`;
  if (para.firstLine !== undefined || para.indentLeft !== undefined || para.indentRight !== undefined) {
    const left = para.indentLeft !== undefined ? ` w:left="${mm(para.indentLeft)}"` : '';
    const right = para.indentRight !== undefined ? ` w:right="${mm(para.indentRight)}"` : '';
    const first = para.firstLine !== undefined ? ` w:firstLine="${mm(para.firstLine)}"` : '';
    pPr += `<w:ind${left}${right}${first}/>`;
  }
  if (para.align) pPr += `<w:jc w:val="${para.align}"/>`;
  if (para.markRun) pPr += runPropsXml(para.markRun);
  if (para.sectionEnd) pPr += sectionXml(para.sectionEnd, true);
  return `<w:p><w:pPr>${pPr}</w:pPr>${para.children.map(inlineXml).join('')}</w:p>`;
}

function tableXml(t: Table): string {
  const widths = t.columns.map(mm);
  const total = widths.reduce((a, b) => a + b, 0);
  const border = t.borders
    ? '<w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>'
    : '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>';
  const cellMargin = t.borders
    ? '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
    : '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>';
  const tblPr = `<w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="${t.align ?? 'center'}"/>${border}<w:tblLayout w:type="fixed"/>${cellMargin}<w:tblLook w:val="0000"/></w:tblPr>`;
  const grid = `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const rows = t.rows
    .map((row) => {
      let trPr = '';
      if (row.header) trPr += '<w:tblHeader/>';
      if (row.cantSplit) trPr += '<w:cantSplit/>';
      let col = 0;
      const cells = row.cells
        .map((c) => {
          const span = c.span ?? 1;
          const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          let tcPr = `<w:tcW w:w="${w}" w:type="dxa"/>`;
          if (span > 1) tcPr += `<w:gridSpan w:val="${span}"/>`;
          if (c.shade) tcPr += `<w:shd w:val="clear" w:color="auto" w:fill="${c.shade}"/>`;
          tcPr += `<w:vAlign w:val="${c.vAlign ?? 'top'}"/>`;
          // A cell must end with a paragraph, even if empty.
          const paras = c.paragraphs.length ? c.paragraphs : [p([])];
          return `<w:tc><w:tcPr>${tcPr}</w:tcPr>${paras.map(paragraphXml).join('')}</w:tc>`;
        })
        .join('');
      return `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cells}</w:tr>`;
    })
    .join('');
  return `<w:tbl>${tblPr}${grid}${rows}</w:tbl>`;
}

function blockXml(block: Block): string {
  return block.type === 'paragraph' ? paragraphXml(block) : tableXml(block);
}

const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function sectionXml(s: SectionProps, hasHeader: boolean): string {
  const w = mm(s.width ?? 210);
  const h = mm(s.height ?? 297);
  const m = s.margins;
  const header = hasHeader ? '<w:headerReference w:type="default" r:id="rIdHeader1"/><w:headerReference w:type="first" r:id="rIdHeader2"/>' : '';
  return (
    `<w:sectPr>${header}<w:pgSz w:w="${w}" w:h="${h}"/>` +
    `<w:pgMar w:top="${mm(m.top)}" w:right="${mm(m.right)}" w:bottom="${mm(m.bottom)}" w:left="${mm(m.left)}" w:header="${mm(10)}" w:footer="${mm(10)}" w:gutter="0"/>` +
    `${s.restartNumbering ? '<w:pgNumType w:start="1"/>' : ''}${hasHeader ? '<w:titlePg/>' : ''}</w:sectPr>`
  );
}

function stylesXml(font: string, size: number): string {
  // Times New Roman is what NĐ 30 asks for; LibreOffice substitutes metric-compatible
  // Liberation Serif when it is absent, so line breaks stay where Word puts them.
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:styles xmlns:w="${NS_W}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>` +
    `<w:sz w:val="${pt(size)}"/><w:szCs w:val="${pt(size)}"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
    `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
    `<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `</w:styles>`
  );
}

const CONTENT_TYPES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
  `<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
  `<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
  `<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>` +
  `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
  `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
  `</Types>`;

const ROOT_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
  `</Relationships>`;

const DOC_RELS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
  `<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
  `<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
  `<Relationship Id="rIdHeader2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>` +
  `</Relationships>`;

const SETTINGS =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<w:settings xmlns:w="${NS_W}"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
  `<w:compat><w:doNotExpandShiftReturn/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

function headerXml(withPageNumber: boolean, size: number): string {
  const para: Paragraph = withPageNumber ? p([{ type: 'field', instr: 'PAGE', props: { size } }], { align: 'center' }) : p([]);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr xmlns:w="${NS_W}" xmlns:r="${NS_R}">${paragraphXml(para)}</w:hdr>`;
}

function coreXml(title: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>TĐKT</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>`
  );
}

const APP_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>TĐKT</Application></Properties>`;

/** The `word/document.xml` part alone (exported for tests). */
export function documentXml(spec: DocumentSpec): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:document xmlns:w="${NS_W}" xmlns:r="${NS_R}"><w:body>` +
    spec.body.map(blockXml).join('') +
    sectionXml(spec.section, true) +
    `</w:body></w:document>`
  );
}

/** Package a document spec as a .docx file. */
export function buildDocx(spec: DocumentSpec): Buffer {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', ROOT_RELS);
  zip.file('word/_rels/document.xml.rels', DOC_RELS);
  zip.file('word/document.xml', documentXml(spec));
  zip.file('word/styles.xml', stylesXml(spec.font, spec.fontSize));
  zip.file('word/settings.xml', SETTINGS);
  // header1 = pages 2+ (page number), header2 = first page (empty): NĐ 30 numbers from page 2.
  zip.file('word/header1.xml', headerXml(spec.section.pageNumbers ?? false, spec.fontSize));
  zip.file('word/header2.xml', headerXml(false, spec.fontSize));
  zip.file('docProps/core.xml', coreXml(spec.title));
  zip.file('docProps/app.xml', APP_XML);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
