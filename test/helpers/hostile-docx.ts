/** A Word file built to make whoever opens it fetch URLs (issue #20): the sanitiser's and the PDF route's tests use it. */
import PizZip from 'pizzip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A DOCX that reaches out to `base` in every way issue #20 names, plus a harmless PAGE field. */
export function hostileDocx(base: string): Buffer {
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
