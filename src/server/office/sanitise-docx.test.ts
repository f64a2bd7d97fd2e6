import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import PizZip from 'pizzip';
import { hostileDocx } from '../../../test/helpers/hostile-docx.js';
import { sanitiseDocx } from './sanitise-docx.js';
import { docxToPdf, pdfConversionAvailable } from './soffice.js';

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
