import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import PizZip from 'pizzip';
import { sanitiseDocx } from './sanitise-docx.js';
import { docxToPdf, pdfConversionAvailable } from './soffice.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A DOCX that reaches out to `base` in every way issue #20 names, plus a harmless PAGE field. */
function hostileDocx(base: string): Buffer {
  const zip = new PizZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="html" ContentType="text/html"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${R}/settings" Target="settings.xml"/><Relationship Id="rId5" Type="${R}/image" Target="${base}anh.png" TargetMode="External"/><Relationship Id="rId6" Type="${R}/hyperlink" Target="${base}trang" TargetMode="External"/><Relationship Id="rId7" Type="${R}/aFChunk" Target="chunk.html"/></Relationships>`,
  );
  zip.file('word/chunk.html', `<html><body><img src="${base}chunk.png"></body></html>`);
  zip.file(
    'word/_rels/settings.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${R}/attachedTemplate" Target="${base}mau.dotx" TargetMode="External"/></Relationships>`,
  );
  zip.file(
    'word/settings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:settings xmlns:w="${W}" xmlns:r="${R}"><w:attachedTemplate r:id="rId1"/><w:mailMerge><w:dataSource r:id="rId1"/></w:mailMerge></w:settings>`,
  );
  // The image is linked (r:link), the INCLUDEPICTURE instruction is split over runs and spelt
  // with a character reference, the INCLUDETEXT is a simple field under another prefix.
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:x="${W}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><w:body>` +
      `<w:p><w:r><w:t>Kính gửi Ban Thi đua</w:t></w:r></w:p>` +
      `<w:p><w:r><w:drawing><a:graphic><a:graphicData><a:blip r:link="rId5"/></a:graphicData></a:graphic></w:drawing></w:r></w:p>` +
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> INCLUDE</w:instrText></w:r><w:r><w:instrText>&#80;ICTURE "${base}truong.png" \\d</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>ảnh</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
      `<w:p><x:fldSimple x:instr=" INCLUDETEXT &quot;${base}van-ban.docx&quot; "><w:r><w:t>chèn</w:t></w:r></x:fldSimple></w:p>` +
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> LINK Excel.Sheet.12 "${base}bang.xlsx" "" \\a</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
      `<w:p><w:r><w:pict><v:shape><v:imagedata o:href="${base}vml.png"/></v:shape></w:pict></w:r></w:p>` +
      `<w:altChunk r:id="rId7"/>` +
      `<w:p><w:hyperlink r:id="rId6"><w:r><w:t>liên kết</w:t></w:r></w:hyperlink></w:p>` +
      `<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` +
      `<w:sectPr/></w:body></w:document>`,
  );
  return zip.generate({ type: 'nodebuffer' });
}

/** Every XML/rels part of the package, as text (the chunk's HTML is not counted once unreferenced). */
function xmlParts(docx: Buffer): Record<string, string> {
  const zip = new PizZip(docx);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (/\.(xml|rels)$/.test(name)) out[name] = zip.file(name)?.asText() ?? '';
  return out;
}

test('the sanitiser removes every external reference and keeps the text and harmless fields', () => {
  const base = 'http://127.0.0.1:9/';
  const before = xmlParts(hostileDocx(base));
  assert.ok(
    Object.values(before).some((x) => x.includes('127.0.0.1')),
    'the sample must contain the links',
  );

  const { docx, report } = sanitiseDocx(hostileDocx(base));
  const parts = xmlParts(docx);
  for (const [name, xml] of Object.entries(parts)) assert.ok(!xml.includes('127.0.0.1'), `${name} still links out: ${xml}`);
  const doc = parts['word/document.xml'] ?? '';
  const rels = parts['word/_rels/document.xml.rels'] ?? '';
  assert.doesNotMatch(rels, /External|aFChunk/);
  assert.match(rels, /Target="settings.xml"/, 'internal relationships stay');
  assert.doesNotMatch(doc, /INCLUDE|LINK|P?ICTURE|altChunk|r:link=|r:id="rId[567]"/);
  assert.doesNotMatch(parts['word/settings.xml'] ?? '', /attachedTemplate|mailMerge/);
  assert.match(doc, /Kính gửi Ban Thi đua/);
  assert.match(doc, /<w:instrText> PAGE <\/w:instrText>/, 'a PAGE field is not touched');
  assert.match(doc, /<w:t>liên kết<\/w:t>/);
  assert.deepEqual(report, { relationships: 4, fields: 3, elements: 9 });
  // Idempotent, and a clean document comes out with the same parts.
  assert.deepEqual(xmlParts(sanitiseDocx(docx).docx), parts);
});

test('the sanitiser refuses what is not a zip', () => {
  assert.throws(() => sanitiseDocx(Buffer.from('không phải docx')));
});

test('a DOCX with an external image converted to PDF makes no request to its link', async (t) => {
  if (!pdfConversionAvailable() && !process.env.CI) {
    t.skip('LibreOffice (soffice) chưa được cài trên máy này');
    return;
  }
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.url ?? '');
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const pdf = await docxToPdf(hostileDocx(`http://127.0.0.1:${port}/`));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(seen, [], 'LibreOffice fetched a link of the document');
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
