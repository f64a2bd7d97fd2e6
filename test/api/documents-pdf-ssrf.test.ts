/**
 * Issue #20: a Word file posted to `/api/documents/pdf` whose image, template, fields and chunks link to a
 * loopback listener: the server answers a PDF and the listener sees no request. Staff, who have no
 * `document: convert` grant, are refused. Runs against the real LibreOffice; outside CI it is skipped
 * when soffice is missing, under CI it fails (CI installs it).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { hostileDocx } from '../helpers/hostile-docx.js';
import { pdfConversionAvailable } from '../../src/server/office/soffice.js';

describe('PDF conversion of an uploaded Word file', () => {
  let t: TestApp;
  let server: Server;
  const seen: string[] = [];
  let base = '';

  before(async () => {
    t = await createTestApp();
    server = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await t.close();
  });

  it('staff may not convert documents', async () => {
    const staff = await t.login('canhan');
    const r = await staff.upload('/api/documents/pdf', hostileDocx(base), {}, 'to-trinh.docx');
    assert.equal(r.status, 403, JSON.stringify(r.body));
  });

  it('converts a hostile DOCX without fetching any of its links', async (ctx) => {
    if (!pdfConversionAvailable() && !process.env.CI) {
      ctx.skip('LibreOffice (soffice) chưa được cài trên máy này');
      return;
    }
    const clerk = await t.login('donvi');
    const r = await clerk.upload('/api/documents/pdf', hostileDocx(base), {}, 'to-trinh.docx');
    assert.equal(r.status, 200, typeof r.body === 'string' ? r.body.slice(0, 200) : JSON.stringify(r.body));
    assert.match(String(r.headers['content-type']), /application\/pdf/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(seen, [], 'the converter fetched a link of the document');
  });
});
