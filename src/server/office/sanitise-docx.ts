/**
 * Strips every external reference from a DOCX before LibreOffice opens it, so that a document
 * cannot make the server fetch a URL of the sender's choosing (issue #20, SSRF):
 *
 * - relationships with `TargetMode="External"`, or whose target is an absolute URL, a
 *   protocol-relative or UNC path, in every `*.rels` part — and the attributes of the owning part
 *   that point at them (`r:link`, `r:id`, `r:embed`, …);
 * - the field codes that load content (`INCLUDEPICTURE`, `INCLUDETEXT`, `LINK`, `IMPORT`, `DDE`,
 *   `DDEAUTO`), simple (`w:fldSimple`) or complex (`w:instrText` between `w:fldChar`s): their
 *   instruction is emptied, the cached result stays;
 * - `w:attachedTemplate`, `w:mailMerge` (an external data source) and `w:altChunk` (an embedded
 *   HTML/MHT chunk that can itself link out), with the relationships of the chunks;
 * - VML `o:href`/`src` attributes holding a URL.
 *
 * The matching ignores the namespace prefix (a document may bind WordprocessingML to any prefix)
 * and decodes character references before comparing field instructions.
 */
import PizZip from 'pizzip';

const FETCHING_FIELDS = /^\s*(INCLUDEPICTURE|INCLUDETEXT|LINK|IMPORT|DDEAUTO|DDE)\b/i;
/** An absolute URL (`http:`, `file:`, `smb:`…), protocol-relative `//host`, or a UNC `\\host` path. */
const OUTSIDE_TARGET = /^\s*(?:[a-z][a-z0-9+.-]*:|\/\/|\\\\)/i;
const ALT_CHUNK_TYPE = /\/aFChunk$/i;

export interface SanitiseReport {
  /** Relationships removed (external, or of an altChunk). */
  relationships: number;
  /** Field instructions emptied. */
  fields: number;
  /** Elements removed (attachedTemplate, mailMerge, altChunk) and URL attributes dropped. */
  elements: number;
}

function decodeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : undefined;
}

/** The part a relationships file belongs to: `word/_rels/document.xml.rels` → `word/document.xml`. */
function ownerOf(relsPath: string): string {
  const m = /^(.*?)_rels\/([^/]+)\.rels$/.exec(relsPath);
  return m ? `${m[1] ?? ''}${m[2] ?? ''}` : '';
}

const P = '(?:[\\w.-]+:)?'; // any namespace prefix, or none

/** Removes the relationships that leave the package (or feed an altChunk); returns their ids. */
function stripRelationships(xml: string): { xml: string; removed: Set<string> } {
  const removed = new Set<string>();
  const out = xml.replace(new RegExp(`<${P}Relationship\\b[^>]*?(?:/>|>[\\s\\S]*?</${P}Relationship\\s*>)`, 'g'), (tag) => {
    const mode = attr(tag, 'TargetMode') ?? '';
    const target = attr(tag, 'Target') ?? '';
    const type = attr(tag, 'Type') ?? '';
    if (/^external$/i.test(mode.trim()) || OUTSIDE_TARGET.test(target) || ALT_CHUNK_TYPE.test(type)) {
      const id = attr(tag, 'Id');
      if (id) removed.add(id);
      return '';
    }
    return tag;
  });
  return { xml: out, removed };
}

/** Drops attributes (`r:link="rId5"`, `r:id`, …) that point at removed relationships. */
function dropReferences(xml: string, ids: Set<string>): { xml: string; count: number } {
  if (ids.size === 0) return { xml, count: 0 };
  let count = 0;
  const out = xml.replace(/\s[\w.-]+:[\w.-]+\s*=\s*(?:"([^"]*)"|'([^']*)')/g, (whole, d?: string, s?: string) => {
    if (ids.has(decodeXml(d ?? s ?? ''))) {
      count++;
      return '';
    }
    return whole;
  });
  return { xml: out, count };
}

/** Empties the instruction of the fields that load content from outside. */
function neutraliseFields(xml: string): { xml: string; count: number } {
  let count = 0;
  // Simple fields: the instruction is an attribute.
  let out = xml.replace(new RegExp(`(<${P}fldSimple\\b[^>]*?\\s${P}instr\\s*=\\s*)("[^"]*"|'[^']*')`, 'g'), (whole, head: string, quoted: string) => {
    if (!FETCHING_FIELDS.test(decodeXml(quoted.slice(1, -1)))) return whole;
    count++;
    return `${head}""`;
  });
  // Complex fields: begin … instrText… separate … end, possibly nested and split over runs.
  const token = new RegExp(
    `<${P}fldChar\\b[^>]*?${P}fldCharType\\s*=\\s*["'](begin|separate|end)["'][^>]*>|(<${P}instrText\\b[^>]*>)([\\s\\S]*?)(</${P}instrText\\s*>)|<${P}instrText\\b[^>]*/>`,
    'g',
  );
  interface Field {
    parts: { start: number; end: number }[];
    text: string;
    collecting: boolean;
  }
  const stack: Field[] = [];
  const blank: { start: number; end: number }[] = [];
  const close = (f: Field): void => {
    if (FETCHING_FIELDS.test(f.text)) {
      blank.push(...f.parts);
      count++;
    }
  };
  for (let m = token.exec(out); m; m = token.exec(out)) {
    const kind = m[1];
    const top = stack[stack.length - 1];
    if (kind === 'begin') stack.push({ parts: [], text: '', collecting: true });
    else if (kind === 'separate') {
      if (top?.collecting) {
        top.collecting = false;
        close(top);
      }
    } else if (kind === 'end') {
      const f = stack.pop();
      if (f?.collecting) close(f);
    } else if (m[2] !== undefined && top?.collecting) {
      const start = m.index + m[2].length;
      top.parts.push({ start, end: start + (m[3] ?? '').length });
      top.text += decodeXml(m[3] ?? '');
    }
  }
  for (const f of stack) if (f.collecting) close(f); // unterminated fields: judge what was read
  blank.sort((a, b) => b.start - a.start);
  for (const r of blank) out = out.slice(0, r.start) + out.slice(r.end);
  return { xml: out, count };
}

/** Removes attachedTemplate, mailMerge and altChunk elements, and VML attributes holding URLs. */
function dropElements(xml: string): { xml: string; count: number } {
  let count = 0;
  const hit = (): string => {
    count++;
    return '';
  };
  let out = xml;
  for (const name of ['attachedTemplate', 'altChunk', 'mailMerge']) {
    out = out.replace(new RegExp(`<${P}${name}\\b[^>]*?/>`, 'g'), hit);
    out = out.replace(new RegExp(`<(${P})${name}\\b[^>]*>[\\s\\S]*?</\\1${name}\\s*>`, 'g'), hit);
  }
  out = out.replace(/\s(?:[\w.-]+:)?(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/g, (whole, d?: string, s?: string) =>
    OUTSIDE_TARGET.test(decodeXml(d ?? s ?? '')) ? hit() : whole,
  );
  return { xml: out, count };
}

/** Returns a copy of the DOCX with no external reference left, and what was removed. */
export function sanitiseDocx(docx: Buffer): { docx: Buffer; report: SanitiseReport } {
  const zip = new PizZip(docx);
  const report: SanitiseReport = { relationships: 0, fields: 0, elements: 0 };
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
  const removedByOwner = new Map<string, Set<string>>();
  for (const name of names.filter((n) => /\.rels$/i.test(n))) {
    const { xml, removed } = stripRelationships(zip.file(name)?.asText() ?? '');
    if (removed.size === 0) continue;
    zip.file(name, xml);
    report.relationships += removed.size;
    removedByOwner.set(ownerOf(name), removed);
  }
  for (const name of names.filter((n) => /\.xml$/i.test(n) && !n.startsWith('[Content_Types]'))) {
    const before = zip.file(name)?.asText() ?? '';
    let xml = before;
    const refs = dropReferences(xml, removedByOwner.get(name) ?? new Set());
    const fields = neutraliseFields(refs.xml);
    const elements = dropElements(fields.xml);
    xml = elements.xml;
    report.fields += fields.count;
    report.elements += refs.count + elements.count;
    if (xml !== before) zip.file(name, xml);
  }
  return { docx: zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }), report };
}
