import assert from 'node:assert/strict';
import { test } from 'node:test';
import PizZip from 'pizzip';
import { DocumentError } from '../errors.js';
import { defaultTemplate } from './default-templates.js';
import { FIELD_CATALOGS, TEMPLATE_KINDS } from './fields.js';
import { buildDocx, p, r, table, cell } from './ooxml.js';
import { renderDocument, renderDocx, validateTemplate } from './render.js';
import { sampleData, decisionData } from './sample-data.js';
import { headerLines } from './model.js';

function documentXml(docx: Buffer): string {
  return new PizZip(docx).file('word/document.xml')?.asText() ?? '';
}

function miniTemplate(paragraphs: string[]): Buffer {
  return buildDocx({
    title: 't',
    font: 'Times New Roman',
    fontSize: 14,
    section: { margins: { top: 20, bottom: 20, left: 30, right: 15 } },
    body: paragraphs.map((t) => p([r(t)])),
  });
}

test('every default template is a valid docx whose tags are all in its catalog', () => {
  for (const kind of TEMPLATE_KINDS) {
    const docx = defaultTemplate(kind);
    const result = validateTemplate(docx, kind);
    assert.ok(result.ok, `${kind}: ${result.ok ? '' : result.message}`);
    const xml = documentXml(docx);
    assert.match(xml, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"\/>/, 'A4');
    assert.match(xml, /w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/, 'NĐ 30 margins 20/15/20/30 mm');
    // Every catalog field appears in the default template (the catalog has no dead entries).
    for (const name of Object.keys(FIELD_CATALOGS[kind])) assert.ok(result.ok && result.tags.includes(name), `${kind} lacks {${name}}`);
  }
});

test('rendered documents contain the data, with one table row per list item', () => {
  for (const kind of TEMPLATE_KINDS) {
    const xml = documentXml(renderDocument(kind, sampleData(kind)));
    assert.doesNotMatch(xml, /\{[#/]?[a-zA-Z.]+\}/, `${kind}: unreplaced tag`);
    assert.match(xml, /Nguyễn Văn Đức|Văn phòng Sở|Sở Khoa học/);
  }
  const xml = documentXml(renderDocument('quyet_dinh_khen_thuong', decisionData(37)));
  const list = xml.slice(xml.indexOf('DANH SÁCH'));
  // header + 37 awardees + total row
  assert.equal((list.match(/<w:tr>/g) ?? []).length, 39);
  assert.match(list, /Nguyễn Văn Đức 37/);
  assert.match(xml, /Số: 125\/QĐ-SKHCN/);
  assert.match(xml, /Sơn La, ngày 26 tháng 6 năm 2021/);
});

// Its speed (target ≤ 2 s) is measured by `npm run bench -- documents`, never asserted here.
test('a decision with 1,000 awardees renders every one of them', () => {
  const out = renderDocument('quyet_dinh_khen_thuong', decisionData(1000));
  assert.ok(out.length > 10_000);
  const xml = documentXml(out);
  const list = xml.slice(xml.indexOf('DANH SÁCH'));
  // header + 1,000 awardees + total row
  assert.equal((list.match(/<w:tr>/g) ?? []).length, 1002);
  assert.match(list, /Nguyễn Văn Đức 1000/);
});

test('broken templates are refused with a Vietnamese message naming the problem', () => {
  const unknown = validateTemplate(miniTemplate(['Kính gửi', 'Họ tên: {hoTenn}']), { hoTen: { type: 'text', label: 'Họ tên' } });
  assert.equal(unknown.ok, false);
  assert.match(unknown.ok ? '' : unknown.message, /Mẫu có trường không hợp lệ: \{hoTenn\} \(đoạn thứ 2\)/);

  const unclosed = validateTemplate(miniTemplate(['{#ds}', '{hoTen}']), {
    ds: { type: 'table', label: 'ds', columns: { hoTen: 'Họ tên' } },
  });
  assert.equal(unclosed.ok, false);
  assert.match(unclosed.ok ? '' : unclosed.message, /Vòng lặp \{#ds\} chưa được đóng/);

  const mismatch = validateTemplate(miniTemplate(['{#ds}', '{/dss}']), FIELD_CATALOGS.to_trinh);
  assert.equal(mismatch.ok, false);

  const listAsText = validateTemplate(miniTemplate(['{danhSach}']), 'to_trinh');
  assert.match(listAsText.ok ? '' : listAsText.message, /là danh sách/);

  const column = validateTemplate(miniTemplate(['{hoTen}']), 'to_trinh');
  assert.match(column.ok ? '' : column.message, /\{hoTen\}/, 'a loop column outside its loop is unknown');

  const notDocx = validateTemplate(Buffer.from('xin chào'), 'to_trinh');
  assert.match(notDocx.ok ? '' : notDocx.message, /không phải là tệp Word/);

  assert.throws(() => renderDocx(Buffer.from('PK\u0003\u0004garbage'), {}), DocumentError);
});

test('a table-row loop in a user template repeats the row', () => {
  const docx = buildDocx({
    title: 't',
    font: 'Times New Roman',
    fontSize: 14,
    section: { margins: { top: 20, bottom: 20, left: 30, right: 15 } },
    body: [table([20, 60], [{ cells: [cell('{#ds}{stt}'), cell('{hoTen}{/ds}')] }])],
  });
  assert.ok(validateTemplate(docx, { ds: { type: 'table', label: 'ds', columns: { stt: 'STT', hoTen: 'Họ tên' } } }).ok);
  const xml = documentXml(
    renderDocx(docx, {
      ds: [
        { stt: 1, hoTen: 'A' },
        { stt: 2, hoTen: 'B' },
        { stt: 3, hoTen: 'C' },
      ],
    }),
  );
  assert.equal((xml.match(/<w:tr>/g) ?? []).length, 3);
});

test('a template that drops a mandatory NĐ 30 element is refused with a message naming it', () => {
  const zip = new PizZip(defaultTemplate('quyet_dinh_khen_thuong'));
  const xml = zip.file('word/document.xml')!.asText();
  zip.file('word/document.xml', xml.replace('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'CỘNG HÒA').replace('{nguoiKy}', ''));
  const result = validateTemplate(zip.generate({ type: 'nodebuffer' }), 'quyet_dinh_khen_thuong');
  assert.equal(result.ok, false);
  assert.ok(!result.ok);
  assert.match(result.message, /thiếu thành phần bắt buộc theo Nghị định 30\/2020\/NĐ-CP: Quốc hiệu/);
  assert.match(result.message, /họ tên người ký \{nguoiKy\}/);
  // The default passes.
  assert.equal(validateTemplate(defaultTemplate('quyet_dinh_khen_thuong'), 'quyet_dinh_khen_thuong').ok, true);
});

test('a long issuing body is broken in two balanced lines, after a dash where there is one', () => {
  assert.equal(headerLines('SỞ KHOA HỌC VÀ CÔNG NGHỆ'), 'SỞ KHOA HỌC VÀ CÔNG NGHỆ', 'a name that fits stays on one line');
  assert.equal(headerLines('HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG'), 'HỘI ĐỒNG THI ĐUA -\nKHEN THƯỞNG');
  assert.equal(headerLines('TRUNG TÂM ỨNG DỤNG TIẾN BỘ KHOA HỌC VÀ CÔNG NGHỆ'), 'TRUNG TÂM ỨNG DỤNG TIẾN\nBỘ KHOA HỌC VÀ CÔNG NGHỆ');
  assert.equal(headerLines('BAN QUẢN LÝ\nKHU KINH TẾ'), 'BAN QUẢN LÝ\nKHU KINH TẾ', 'a break the agency typed is kept');
  const docx = renderDocument('bien_ban_kiem_phieu', { ...sampleData('bien_ban_kiem_phieu'), coQuanBanHanh: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG' });
  const xml = new PizZip(docx).file('word/document.xml')!.asText();
  assert.match(xml, /HỘI ĐỒNG THI ĐUA -<\/w:t>(?:<[^>]+>)*<w:br\/>(?:<[^>]+>)*KHEN THƯỞNG/u);
});
