/**
 * Default DOCX templates, built from code at runtime (and cached). Building them from code keeps
 * the layout reviewable in diffs and lets the field catalog and the templates be checked
 * together in tests; `write-default-templates.ts` writes them out as files for users who want
 * to start editing from the defaults.
 *
 * Layout follows NĐ 30/2020/NĐ-CP Phụ lục I: A4, margins top/bottom 20 mm, left 30 mm, right
 * 15 mm; Times New Roman; a borderless two-column header (issuing body | national motto), the
 * number line and the place-and-date line on the same row; the signature block on the right and
 * "Nơi nhận" on the left at the bottom.
 */
import { buildDocx, cell, p, r, table, type Block, type Paragraph, type Row, type RunProps } from './ooxml.js';
import type { TemplateKind } from './fields.js';

const FONT = 'Times New Roman';
const BODY_SIZE = 14;
/** Text width: 210 − 30 − 15 mm. */
const TEXT_WIDTH = 165;
const MARGINS = { top: 20, bottom: 20, left: 30, right: 15 };

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

// ---- Building blocks -------------------------------------------------------------------------

const centered = (runs: Parameters<typeof p>[0], props: Parameters<typeof p>[1] = {}): Paragraph => p(runs, { align: 'center', ...props });

/** A short centred rule of `width` mm inside a column of `columnWidth` mm. */
function rule(width: number, columnWidth: number): Paragraph {
  const side = (columnWidth - width) / 2;
  return p([], { indentLeft: side, indentRight: side, bottomRule: true, markRun: { size: 4 } });
}

/** A body paragraph: justified, first-line indent, 6 pt after (NĐ 30: ≥ 6 pt between paragraphs). */
function body(runs: Parameters<typeof p>[0], props: Parameters<typeof p>[1] = {}): Paragraph {
  return p(runs, { align: 'both', firstLine: 10, after: 6, line: 1.1, ...props });
}

/** One paragraph per item of a string list: `{#name}` and `{/name}` on their own paragraphs
 * (removed by docxtemplater's paragraphLoop), the item paragraph in between. */
function listParagraphs(name: string, item: Paragraph): Paragraph[] {
  return [p(`{#${name}}`), item, p(`{/${name}}`)];
}

function bodyList(name: string, props: RunProps = {}, paraProps: Parameters<typeof p>[1] = {}): Paragraph[] {
  return listParagraphs(name, body([r('{.}', props)], paraProps));
}

/** A paragraph printed only when the text field `name` is not empty (the tags sit on their own
 * paragraphs, which docxtemplater's paragraphLoop removes). */
function optional<B extends Block>(name: string, ...blocks: B[]): (B | Paragraph)[] {
  return [p(`{#${name}}`), ...blocks, p(`{/${name}}`)];
}

/** The rule under the Tiêu ngữ: as long as the motto (13 pt bold ≈ 62 mm). */
const TIEU_NGU_RULE = 62;

/** Header of a numbered administrative document (issuing body | national motto, number | date). */
function adminHeader(): Block[] {
  // 75 | 90 mm: the issuing body gets room for ~25 capitals per line; the national name at
  // 12 pt bold needs ~89 mm.
  const left = 75;
  const right = TEXT_WIDTH - left;
  const rows: Row[] = [
    {
      cells: [
        cell([
          // No superior: no empty first line (the issuing body then stands level with the Quốc hiệu).
          ...optional('coQuanChuQuan', centered([r('{coQuanChuQuan}', { size: 13 })])),
          centered([r('{coQuanBanHanh}', { size: 13, bold: true })]),
          rule(25, left),
        ]),
        cell([centered([r(QUOC_HIEU, { size: 12, bold: true })]), centered([r(TIEU_NGU, { size: 13, bold: true })]), rule(TIEU_NGU_RULE, right)]),
      ],
    },
    {
      cells: [
        cell(centered([r('Số: {so}/{kyHieu}', { size: 13 })], { before: 6 })),
        cell(centered([r('{diaDanh}, {ngayThang}', { size: 14, italic: true })], { before: 6 })),
      ],
    },
  ];
  return [table([left, right], rows, { borders: false })];
}

/** Header of a report signed by a person (no number): the national motto centred, date right. */
function nationalHeader(): Block[] {
  return [
    centered([r(QUOC_HIEU, { size: 13, bold: true })]),
    centered([r(TIEU_NGU, { size: 14, bold: true })]),
    rule(TIEU_NGU_RULE + 4, TEXT_WIDTH),
    p([r('{diaDanh}, {ngayThang}', { size: 14, italic: true })], { align: 'right', before: 12, after: 12 }),
  ];
}

/** Document type name and summary line (e.g. "KẾ HOẠCH" / trích yếu) with the rule below. */
function titleBlock(typeName: string, summary: string): Block[] {
  return [
    centered([r(typeName, { size: 14, bold: true })], { before: 18, keepNext: true }),
    centered([r(summary, { size: 14, bold: true })], { keepNext: true }),
    rule(35, TEXT_WIDTH),
    p([], { after: 6 }),
  ];
}

/** "Nơi nhận" on the left, signer on the right (NĐ 30: nơi nhận 12 pt bold italic, items 11 pt). */
function signatureBlock(): Block[] {
  const left = 75;
  const right = TEXT_WIDTH - left;
  return [
    // Kept with the block below: the signature never stands alone at the top of a page.
    p([], { after: 6, keepNext: true }),
    table(
      [left, right],
      [
        {
          cantSplit: true,
          cells: [
            cell([p([r('Nơi nhận:', { size: 12, bold: true, italic: true })]), ...listParagraphs('noiNhan', p([r('- {.}', { size: 11 })]))]),
            cell([
              // KT. / TM. / Q. / TL. / TUQ. line, then the signer's position; the space for the
              // signature and seal is left blank (no hint is printed on the issued copy).
              ...optional('quyenHan', centered([r('{quyenHan}', { size: 14, bold: true })])),
              ...optional('chucVuNguoiKy', centered([r('{chucVuNguoiKy}', { size: 14, bold: true })])),
              p([], { after: 70 }),
              centered([r('{nguoiKy}', { size: 14, bold: true })]),
            ]),
          ],
        },
      ],
      { borders: false },
    ),
  ];
}

/** One signature column: title, the hint the form prints (may be ''), the name. */
interface SignatureColumn {
  title: string;
  note: string;
  name: string;
}

/**
 * Two signatures side by side (minutes, reports). Each part is its own row, so the two names
 * stand level however many lines a title takes; the rows never split from one another.
 */
function twoSignatures(left: SignatureColumn, right: SignatureColumn): Block[] {
  const half = TEXT_WIDTH / 2;
  const both = (make: (c: SignatureColumn) => Paragraph[]): Row => ({ cantSplit: true, cells: [cell(make(left)), cell(make(right))] });
  return [
    p([], { after: 12, keepNext: true }),
    table(
      [half, half],
      [
        both((c) => [centered([r(c.title, { size: 13, bold: true })], { keepNext: true })]),
        both((c) => [centered(c.note ? [r(c.note, { size: 13, italic: true })] : [], { keepNext: true, after: 60 })]),
        both((c) => [centered([r(c.name, { size: 14, bold: true })])]),
      ],
      { borders: false },
    ),
  ];
}

interface Column {
  title: string;
  width: number;
  /** docxtemplater tag printed in the data row. */
  tag: string;
  align?: 'left' | 'center' | 'right';
}

/** A bordered table with a repeated header row and one looping data row (`{#loop}` … `{/loop}`). */
function loopTable(loop: string, columns: Column[], extraRows: Row[] = [], size = 13, keepNext = false): Block {
  const header: Row = {
    header: true,
    cantSplit: true,
    cells: columns.map((c) => cell(centered([r(c.title, { size, bold: true })], { keepNext }), { vAlign: 'center' })),
  };
  const dataRow: Row = {
    cantSplit: true,
    cells: columns.map((c, i) => {
      const open = i === 0 ? `{#${loop}}` : '';
      const close = i === columns.length - 1 ? `{/${loop}}` : '';
      return cell(p([r(`${open}${c.tag}${close}`, { size })], { align: c.align ?? 'left', keepNext }), { vAlign: 'center' });
    }),
  };
  return table(
    columns.map((c) => c.width),
    [header, dataRow, ...extraRows],
  );
}

function heading(text: string): Paragraph {
  return p([r(text, { bold: true })], { align: 'both', after: 6, before: 6, keepNext: true, firstLine: 10 });
}

function labelled(label: string, tag: string): Paragraph {
  return body([r(`${label}: `), r(tag)], { after: 3 });
}

// ---- Templates -------------------------------------------------------------------------------

function keHoach(): Block[] {
  return [
    ...adminHeader(),
    ...titleBlock('KẾ HOẠCH', '{trichYeu}'),
    ...bodyList('canCu', { italic: true }),
    ...bodyList('noiDung'),
    // Sections of the plan: a heading and its paragraphs (line breaks inside `noiDung`).
    p('{#phan}'),
    heading('{tieuDe}'),
    body([r('{noiDung}')]),
    p('{/phan}'),
    // The task table only when the plan has tasks (no bare header row).
    ...optional(
      'coNhiemVu',
      heading('{tieuDeNhiemVu}'),
      loopTable('nhiemVu', [
        { title: 'TT', width: 10, tag: '{stt}', align: 'center' },
        { title: 'Nội dung công việc', width: 62, tag: '{noiDung}' },
        { title: 'Chủ trì', width: 30, tag: '{chuTri}' },
        { title: 'Phối hợp', width: 33, tag: '{phoiHop}' },
        { title: 'Thời gian', width: 30, tag: '{thoiGian}', align: 'center' },
      ]),
      p([], { after: 6 }),
    ),
    ...bodyList('ketLuan', {}, { keepNext: true }),
    ...signatureBlock(),
  ];
}

function toTrinh(): Block[] {
  return [
    ...adminHeader(),
    ...titleBlock('TỜ TRÌNH', '{trichYeu}'),
    centered([r('Kính gửi: {kinhGui}')], { after: 12 }),
    ...bodyList('noiDung'),
    loopTable('danhSach', [
      { title: 'STT', width: 12, tag: '{stt}', align: 'center' },
      { title: 'Họ và tên', width: 45, tag: '{hoTen}' },
      { title: 'Chức vụ, đơn vị', width: 50, tag: '{chucVuDonVi}' },
      { title: 'Hình thức đề nghị', width: 35, tag: '{hinhThuc}' },
      { title: 'Ghi chú', width: 23, tag: '{ghiChu}' },
    ]),
    p([], { after: 6 }),
    ...bodyList('ketLuan', {}, { keepNext: true }),
    ...signatureBlock(),
  ];
}

function bienBanHopXet(): Block[] {
  return [
    ...adminHeader(),
    ...titleBlock('BIÊN BẢN', '{trichYeu}'),
    labelled('Thời gian', '{thoiGian}'),
    labelled('Địa điểm', '{diaDiem}'),
    labelled('Chủ trì', '{chuTri}{chucVuChuTri}'),
    labelled('Thư ký', '{thuKy}{chucVuThuKy}'),
    labelled('Số thành viên có mặt', '{soCoMat}/{tongSoThanhVien}'),
    body([r('Thành viên có mặt:')], { after: 3 }),
    ...listParagraphs('thanhPhan', body([r('- {.}')], { after: 0 })),
    body([r('Thành viên vắng mặt:')], { after: 3, before: 3 }),
    ...listParagraphs('vangMat', body([r('- {.}')], { after: 0 })),
    heading('I. CHƯƠNG TRÌNH'),
    ...listParagraphs('chuongTrinh', body([r('- {.}')], { after: 0 })),
    heading('II. NỘI DUNG'),
    ...bodyList('noiDung'),
    heading('III. Ý KIẾN THẢO LUẬN'),
    ...bodyList('yKien'),
    heading('IV. KẾT QUẢ BỎ PHIẾU'),
    loopTable('danhSach', [
      { title: 'TT', width: 10, tag: '{stt}', align: 'center' },
      { title: 'Họ và tên', width: 42, tag: '{hoTen}' },
      { title: 'Chức vụ, đơn vị', width: 45, tag: '{chucVuDonVi}' },
      { title: 'Hình thức', width: 30, tag: '{hinhThuc}' },
      { title: 'Số phiếu', width: 18, tag: '{soPhieu}', align: 'center' },
      { title: 'Tỷ lệ', width: 20, tag: '{tyLe}', align: 'center' },
    ]),
    p([], { after: 6 }),
    body([r('Cuộc họp kết thúc {ketThuc}, biên bản đã được thông qua trước cuộc họp./.')], { keepNext: true }),
    ...twoSignatures({ title: 'THƯ KÝ', note: '', name: '{thuKy}' }, { title: 'CHỦ TRÌ', note: '', name: '{chuTri}' }),
    // The names of the lists voted as a whole, as an annex (only when the session voted a list).
    ...optional(
      'coPhuLuc',
      centered([r('PHỤ LỤC', { bold: true })], { pageBreakBefore: true }),
      centered([r('{tieuDePhuLuc}', { bold: true })], { after: 6 }),
      loopTable('phuLuc', [
        { title: 'TT', width: 12, tag: '{stt}', align: 'center' },
        { title: 'Họ và tên', width: 50, tag: '{hoTen}' },
        { title: 'Chức vụ, đơn vị', width: 60, tag: '{chucVuDonVi}' },
        { title: 'Hình thức', width: 43, tag: '{hinhThuc}' },
      ]),
    ),
  ];
}

function bienBanKiemPhieu(): Block[] {
  return [
    ...adminHeader(),
    ...titleBlock('BIÊN BẢN KIỂM PHIẾU', '{trichYeu}'),
    labelled('Thời gian', '{thoiGian}'),
    labelled('Địa điểm', '{diaDiem}'),
    labelled('Số thành viên Hội đồng có mặt', '{soCoMat}'),
    body([r('Ban kiểm phiếu do Hội đồng bầu tại phiên họp gồm:')], { after: 3 }),
    p('{#banKiemPhieu}'),
    body([r('- {hoTen}: {nhiemVu}')], { after: 0 }),
    p('{/banKiemPhieu}'),
    labelled('Số phiếu phát ra', '{soPhieuPhatRa}'),
    labelled('Số phiếu thu về', '{soPhieuThuVe}'),
    labelled('Số phiếu hợp lệ', '{soPhieuHopLe}'),
    labelled('Số phiếu không hợp lệ', '{soPhieuKhongHopLe}'),
    heading('KẾT QUẢ KIỂM PHIẾU'),
    loopTable(
      'ketQua',
      [
        { title: 'TT', width: 9, tag: '{stt}', align: 'center' },
        { title: 'Họ và tên', width: 35, tag: '{hoTen}' },
        { title: 'Đơn vị', width: 28, tag: '{donVi}' },
        { title: 'Hình thức', width: 23, tag: '{hinhThuc}' },
        { title: 'Phiếu phát ra', width: 15, tag: '{soPhieuPhatRa}', align: 'center' },
        { title: 'Đồng ý', width: 14, tag: '{soPhieuDongY}', align: 'center' },
        { title: 'Tỷ lệ', width: 19, tag: '{tyLe}', align: 'center' },
        { title: 'Kết quả', width: 22, tag: '{ketQua}', align: 'center' },
      ],
      [],
      12,
    ),
    p([], { after: 6 }),
    body([r('Việc kiểm phiếu kết thúc {ketThuc}. Biên bản kiểm phiếu được lập và thông qua trước Hội đồng./.')], { keepNext: true }),
    ...boardSignatures(),
  ];
}

/**
 * The Ban kiểm phiếu signs: its members on the left, each with a gap of their own above their
 * name (so each can sign, by hand or digitally, on their own line), its head on the right.
 */
function boardSignatures(): Block[] {
  const half = TEXT_WIDTH / 2;
  const title = (t: string) => centered([r(t, { size: 13, bold: true })], { keepNext: true });
  const gap = () => centered([], { keepNext: true, after: 60 });
  const name = (tag: string) => centered([r(tag, { size: 14, bold: true })], { keepNext: true });
  return [
    p([], { after: 12, keepNext: true }),
    table(
      [half, half],
      [
        {
          cantSplit: true,
          cells: [
            // Titles on two lines each: the columns' titles stay apart (and level), as the names do.
            cell([title('CÁC THÀNH VIÊN'), title('BAN KIỂM PHIẾU'), p('{#thanhVienBanKy}'), gap(), name('{.}'), p('{/thanhVienBanKy}')]),
            cell([title('TRƯỞNG BAN'), title('KIỂM PHIẾU'), gap(), name('{truongBan}')]),
          ],
        },
      ],
      { borders: false },
    ),
  ];
}

/** The awardees' table of a decision's list "kèm theo", with its total row, and the total in words. */
function awardeeTable(): Block[] {
  const totalRow: Row = {
    cantSplit: true,
    cells: [cell(centered([r('Tổng cộng', { size: 13, bold: true })]), { span: 4 }), cell(p([r('{tongTien}', { size: 13, bold: true })], { align: 'right' }))],
  };
  return [
    rule(35, TEXT_WIDTH),
    p([], { after: 6 }),
    loopTable(
      'danhSach',
      [
        { title: 'STT', width: 12, tag: '{stt}', align: 'center' },
        { title: 'Họ và tên', width: 44, tag: '{hoTen}' },
        { title: 'Chức vụ, đơn vị', width: 53, tag: '{chucVuDonVi}' },
        { title: 'Hình thức', width: 28, tag: '{hinhThuc}' },
        { title: 'Số tiền (đồng)', width: 28, tag: '{soTien}', align: 'right' },
      ],
      [totalRow],
    ),
    body([r('Bằng chữ: ', { italic: true }), r('{tongTienBangChu}', { italic: true })], { before: 6 }),
  ];
}

function quyetDinh(): Block[] {
  return [
    ...adminHeader(),
    ...titleBlock('QUYẾT ĐỊNH', '{trichYeu}'),
    centered([r('{thamQuyen}', { bold: true })], { after: 12 }),
    ...bodyList('canCu', { italic: true }),
    body([r('Theo đề nghị của {deNghi}.', { italic: true })]),
    centered([r('QUYẾT ĐỊNH:', { bold: true })], { before: 6, after: 12 }),
    body([r('Điều 1. ', { bold: true }), r('{dieu1}')]),
    body([r('Điều 2. ', { bold: true }), r('{dieu2}')]),
    body([r('Điều 3. ', { bold: true }), r('{dieu3}')], { keepNext: true }),
    ...signatureBlock(),
    // The list "kèm theo" is a section of its own: it starts on a new page and numbers its pages
    // from 1 (the decision's numbering does not run on into it).
    p([], { sectionEnd: { margins: MARGINS, pageNumbers: true } }),
    centered([r('{tieuDeDanhSach}', { bold: true })]),
    centered([
      r('(Kèm theo Quyết định số {so}/{kyHieu} ngày {ngayBanHanh}', { italic: true }),
      r('{#coQuanKemTheo} của {coQuanKemTheo}{/coQuanKemTheo}', { italic: true }),
      r(')', { italic: true }),
    ]),
    ...awardeeTable(),
  ];
}

/**
 * A higher authority's decision as it wrote it (Chủ tịch UBND tỉnh, Thủ tướng, Chủ tịch nước): its own
 * căn cứ, its proposing line in full, its articles (the one that pays names the funding route, the last
 * its executors) and its signing authority lines; the list kèm theo on a section of its own.
 */
function quyetDinhCapTren(): Block[] {
  return [
    ...adminHeader(),
    ...titleBlock('QUYẾT ĐỊNH', '{trichYeu}'),
    centered([r('{thamQuyen}', { bold: true })], { after: 12 }),
    ...bodyList('canCu', { italic: true }),
    ...optional('deNghi', body([r('{deNghi}', { italic: true })])),
    centered([r('QUYẾT ĐỊNH:', { bold: true })], { before: 6, after: 12 }),
    ...listParagraphs('dieuKhoan', body([r('Điều {so}. ', { bold: true }), r('{noiDung}')])),
    ...signatureBlock(),
    p([], { sectionEnd: { margins: MARGINS, pageNumbers: true } }),
    centered([r('{tieuDeDanhSach}', { bold: true })]),
    centered([r('(Kèm theo Quyết định số {so}/{kyHieu} ngày {ngayBanHanh} của {coQuanKemTheo})', { italic: true })]),
    ...awardeeTable(),
  ];
}

function awardHistory(): Block[] {
  const cols = (loop: string, keepNext = false): Block =>
    loopTable(
      loop,
      [
        { title: 'Năm', width: 18, tag: '{nam}', align: 'center' },
        { title: 'Danh hiệu / hình thức', width: 55, tag: '{noiDung}' },
        { title: 'Số, ngày, tháng, năm của quyết định', width: 45, tag: '{soNgayQuyetDinh}' },
        { title: 'Cơ quan ban hành', width: 47, tag: '{coQuanBanHanh}' },
      ],
      [],
      12,
      keepNext,
    );
  return [
    heading('III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG'),
    body([r('1. Danh hiệu thi đua:')], { after: 3, keepNext: true }),
    cols('danhHieu'),
    body([r('2. Hình thức khen thưởng:')], { after: 3, before: 6, keepNext: true }),
    // The last table keeps with the signatures below: they never stand alone on a page.
    cols('khenThuong', true),
  ];
}

/** The form's number, top right ("Mẫu số 03 …"), when the regime's catalog gives one. */
function formNumber(): Paragraph[] {
  return optional('mauSo', p([r('{mauSo}', { size: 12, italic: true })], { align: 'right', after: 6 }));
}

/** Part II after its fixed items: the ratings of the years (a table, "Không có" when empty), then biện pháp and sáng kiến when written. */
function achievementParts(): Block[] {
  return [
    body([r('{mucKetQua}')], { after: 3, keepNext: true }),
    loopTable(
      'xepLoai',
      [
        { title: 'Năm', width: 25, tag: '{nam}', align: 'center' },
        { title: 'Xếp loại chất lượng', width: 80, tag: '{xepLoai}' },
        { title: 'Ghi chú', width: 60, tag: '{ghiChu}' },
      ],
      [],
      12,
    ),
    ...optional('mucBienPhap', body([r('{mucBienPhap}')], { after: 3, before: 6, keepNext: true })),
    ...bodyList('bienPhap'),
    ...optional('mucSangKien', body([r('{mucSangKien}')], { after: 3, before: 6, keepNext: true })),
    ...bodyList('sangKien'),
  ];
}

/** Header of a collective's report: its superior and its own name left, the national motto right, the date below right. */
function unitReportHeader(): Block[] {
  const left = 75;
  const right = TEXT_WIDTH - left;
  return [
    table(
      [left, right],
      [
        {
          cells: [
            cell([
              ...optional('coQuanChuQuan', centered([r('{coQuanChuQuan}', { size: 13 })])),
              centered([r('{coQuanBanHanh}', { size: 13, bold: true })]),
              rule(25, left),
            ]),
            cell([centered([r(QUOC_HIEU, { size: 12, bold: true })]), centered([r(TIEU_NGU, { size: 13, bold: true })]), rule(TIEU_NGU_RULE, right)]),
          ],
        },
        { cells: [cell(p([])), cell(centered([r('{diaDanh}, {ngayThang}', { size: 14, italic: true })], { before: 6 }))] },
      ],
      { borders: false },
    ),
  ];
}

function baoCaoCaNhan(): Block[] {
  return [
    ...formNumber(),
    ...nationalHeader(),
    ...titleBlock('BÁO CÁO THÀNH TÍCH', 'ĐỀ NGHỊ TẶNG {hinhThucDeNghi}'),
    heading('I. SƠ LƯỢC LÝ LỊCH'),
    labelled('- Họ và tên', '{hoTen}'),
    labelled('- Giới tính', '{gioiTinh}'),
    labelled('- Ngày, tháng, năm sinh', '{ngaySinh}'),
    labelled('- Quê quán', '{queQuan}'),
    labelled('- Trú quán', '{truQuan}'),
    labelled('- Đơn vị công tác', '{donViCongTac}'),
    labelled('- Chức vụ (Đảng, chính quyền, đoàn thể)', '{chucVu}'),
    labelled('- Trình độ chuyên môn, nghiệp vụ', '{trinhDo}'),
    labelled('- Học hàm, học vị, danh hiệu, giải thưởng', '{hocHam}'),
    heading('II. THÀNH TÍCH ĐẠT ĐƯỢC'),
    body([r('1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận:')], { after: 3, keepNext: true }),
    ...bodyList('nhiemVu'),
    body([r('2. Thành tích đạt được:')], { after: 3, keepNext: true }),
    ...bodyList('thanhTich'),
    ...achievementParts(),
    ...awardHistory(),
    ...twoSignatures(
      { title: 'THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ', note: '(Ký, đóng dấu)', name: '{thuTruong}' },
      { title: 'NGƯỜI BÁO CÁO THÀNH TÍCH', note: '(Ký, ghi rõ họ tên)', name: '{hoTen}' },
    ),
  ];
}

function baoCaoTapThe(): Block[] {
  return [
    ...formNumber(),
    ...unitReportHeader(),
    ...titleBlock('BÁO CÁO THÀNH TÍCH', 'ĐỀ NGHỊ TẶNG {hinhThucDeNghi}'),
    centered([r('{tenTapThe}', { bold: true })], { after: 6 }),
    heading('I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH'),
    labelled('- Tên tập thể', '{tenTapThe}'),
    labelled('- Địa chỉ', '{diaChi}'),
    labelled('- Điện thoại, e-mail', '{dienThoai}'),
    body([r('1. Quá trình thành lập và phát triển:')], { after: 3, keepNext: true }),
    ...bodyList('quaTrinh'),
    body([r('2. Cơ cấu tổ chức, tổng số cán bộ, công chức, viên chức và người lao động:')], { after: 3, keepNext: true }),
    ...bodyList('coCau'),
    body([r('3. Chức năng, nhiệm vụ được giao:')], { after: 3, keepNext: true }),
    ...bodyList('nhiemVu'),
    heading('II. THÀNH TÍCH ĐẠT ĐƯỢC'),
    body([r('1. Kết quả thực hiện nhiệm vụ:')], { after: 3, keepNext: true }),
    ...bodyList('thanhTich'),
    ...achievementParts(),
    ...awardHistory(),
    ...twoSignatures(
      { title: 'THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP XÁC NHẬN, ĐỀ NGHỊ', note: '(Ký, đóng dấu)', name: '{thuTruongCapTren}' },
      { title: 'THỦ TRƯỞNG ĐƠN VỊ', note: '(Ký, đóng dấu)', name: '{thuTruong}' },
    ),
  ];
}

function baoCaoTongKet(): Block[] {
  return [
    ...adminHeader(),
    ...titleBlock('BÁO CÁO', '{loaiBaoCao} {trichYeu}'),
    heading('I. KẾT QUẢ THỰC HIỆN'),
    ...bodyList('noiDung'),
    // A table without rows and a section without text are left out (no bare header, no empty heading),
    // and the headings that remain are numbered in order (`reportSections`).
    ...optional(
      'coTongHop',
      body([r('Kết quả khen thưởng:')], { after: 3, keepNext: true }),
      loopTable('tongHop', [
        { title: 'STT', width: 12, tag: '{stt}', align: 'center' },
        { title: 'Danh hiệu / hình thức', width: 63, tag: '{hinhThuc}' },
        { title: 'Tập thể', width: 25, tag: '{tapThe}', align: 'center' },
        { title: 'Cá nhân', width: 25, tag: '{caNhan}', align: 'center' },
        { title: 'Ghi chú', width: 40, tag: '{ghiChu}' },
      ]),
    ),
    // The roll-up of a report request: what each unit reported.
    ...optional(
      'coTheoDonVi',
      body([r('Kết quả khen thưởng theo đơn vị:')], { after: 3, keepNext: true }),
      loopTable('theoDonVi', [
        { title: 'STT', width: 12, tag: '{stt}', align: 'center' },
        { title: 'Đơn vị', width: 66, tag: '{donVi}' },
        { title: 'Tập thể', width: 22, tag: '{tapThe}', align: 'center' },
        { title: 'Cá nhân', width: 22, tag: '{caNhan}', align: 'center' },
        { title: 'Tiền thưởng (đồng)', width: 43, tag: '{tienThuong}', align: 'right' },
      ]),
    ),
    ...optional(
      'coSoLieu',
      body([r('Số liệu khác:')], { after: 3, keepNext: true }),
      loopTable('soLieu', [
        { title: 'STT', width: 12, tag: '{stt}', align: 'center' },
        { title: 'Chỉ tiêu', width: 118, tag: '{chiTieu}' },
        { title: 'Số liệu', width: 35, tag: '{soLieu}', align: 'center' },
      ]),
    ),
    ...optional('mucTonTai', heading('{mucTonTai}')),
    ...bodyList('tonTai'),
    ...optional('mucBaiHoc', heading('{mucBaiHoc}')),
    ...bodyList('baiHoc'),
    ...optional('mucPhuongHuong', heading('{mucPhuongHuong}')),
    ...bodyList('phuongHuong', {}, { keepNext: true }),
    ...signatureBlock(),
  ];
}

/** Kế hoạch kiểm tra: purpose, content, team, then the schedule of the units inspected (one row each). */
function keHoachKiemTra(): Block[] {
  return [
    ...adminHeader(),
    ...titleBlock('KẾ HOẠCH', '{trichYeu}'),
    ...bodyList('canCu', { italic: true }),
    heading('I. MỤC ĐÍCH, YÊU CẦU'),
    ...bodyList('mucDich'),
    heading('II. NỘI DUNG KIỂM TRA'),
    ...bodyList('noiDungKiemTra'),
    heading('III. THÀNH PHẦN ĐOÀN KIỂM TRA'),
    ...bodyList('doanKiemTra'),
    heading('IV. THỜI GIAN, LỊCH KIỂM TRA'),
    ...bodyList('thoiGian', {}, { keepNext: true }),
    // 12 pt so that a member and the role ("Đàm Văn Long (Trưởng đoàn)") stand on one line.
    loopTable(
      'lichKiemTra',
      [
        { title: 'STT', width: 13, tag: '{stt}', align: 'center' },
        { title: 'Đơn vị được kiểm tra', width: 41, tag: '{donVi}' },
        { title: 'Thời gian', width: 27, tag: '{thoiGian}', align: 'center' },
        { title: 'Nội dung kiểm tra', width: 26, tag: '{noiDung}' },
        { title: 'Đoàn kiểm tra', width: 58, tag: '{doan}' },
      ],
      [],
      12,
    ),
    p([], { after: 6 }),
    heading('V. TỔ CHỨC THỰC HIỆN'),
    ...bodyList('toChucThucHien', {}, { keepNext: true }),
    ...signatureBlock(),
  ];
}

function ketLuanKiemTra(): Block[] {
  return [
    ...adminHeader(),
    ...titleBlock('KẾT LUẬN KIỂM TRA', '{trichYeu}'),
    ...bodyList('canCu', { italic: true }),
    ...bodyList('noiDung'),
    heading('I. KẾT QUẢ KIỂM TRA'),
    loopTable('ketQua', [
      { title: 'STT', width: 12, tag: '{stt}', align: 'center' },
      { title: 'Nội dung kiểm tra', width: 55, tag: '{noiDung}' },
      { title: 'Kết quả', width: 25, tag: '{ketQua}', align: 'center' },
      { title: 'Nhận xét', width: 73, tag: '{ghiChu}' },
    ]),
    heading('II. KẾT LUẬN'),
    ...bodyList('ketLuan'),
    heading('III. TỒN TẠI VÀ KIẾN NGHỊ'),
    loopTable('kienNghi', [
      { title: 'STT', width: 12, tag: '{stt}', align: 'center' },
      { title: 'Tồn tại, hạn chế', width: 44, tag: '{tonTai}' },
      { title: 'Kiến nghị', width: 44, tag: '{kienNghi}' },
      { title: 'Chịu trách nhiệm', width: 41, tag: '{donVi}' },
      { title: 'Thời hạn', width: 24, tag: '{thoiHan}', align: 'center' },
    ]),
    heading('IV. TỔ CHỨC THỰC HIỆN'),
    ...bodyList('toChucThucHien', {}, { keepNext: true }),
    ...signatureBlock(),
  ];
}

/** Bản giao ước thi đua of a cụm, khối: signed by every member (a signature row each). */
function giaoUoc(): Block[] {
  return [
    ...adminHeader(),
    ...titleBlock('BẢN GIAO ƯỚC THI ĐUA', '{trichYeu}'),
    ...bodyList('canCu', { italic: true }),
    ...bodyList('noiDung'),
    heading('I. CHỈ TIÊU THI ĐUA CHUNG'),
    ...listParagraphs('chiTieuChung', body([r('- {.}')], { after: 3 })),
    heading('II. CHỈ TIÊU RIÊNG CỦA CÁC THÀNH VIÊN'),
    loopTable('chiTieuRieng', [
      { title: 'STT', width: 12, tag: '{stt}', align: 'center' },
      { title: 'Thành viên', width: 58, tag: '{thanhVien}' },
      { title: 'Chỉ tiêu', width: 95, tag: '{chiTieu}' },
    ]),
    p([], { after: 6 }),
    ...bodyList('ketLuan'),
    heading('ĐẠI DIỆN CÁC THÀNH VIÊN KÝ GIAO ƯỚC'),
    loopTable('thanhVien', [
      { title: 'STT', width: 12, tag: '{stt}', align: 'center' },
      { title: 'Cơ quan, đơn vị', width: 78, tag: '{ten}' },
      { title: 'Vai trò', width: 30, tag: '{vaiTro}', align: 'center' },
      { title: 'Ký, đóng dấu', width: 45, tag: '' },
    ]),
  ];
}

/** Bảng tổng hợp điểm of a cụm, khối: the ranking, then the table's items; signed by the head. */
function bangDiemCum(): Block[] {
  return [
    ...adminHeader(),
    ...titleBlock('BẢNG TỔNG HỢP ĐIỂM THI ĐUA', '{trichYeu}'),
    ...bodyList('noiDung'),
    heading('I. KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG (THANG {thangDiem} ĐIỂM)'),
    loopTable(
      'bangDiem',
      [
        { title: 'Hạng', width: 14, tag: '{hang}', align: 'center' },
        { title: 'Thành viên', width: 61, tag: '{thanhVien}' },
        { title: 'Điểm tiêu chí', width: 24, tag: '{diemTieuChi}', align: 'right' },
        { title: 'Điểm thưởng', width: 22, tag: '{diemThuong}', align: 'right' },
        { title: 'Điểm trừ', width: 20, tag: '{diemTru}', align: 'right' },
        { title: 'Tổng điểm', width: 24, tag: '{tongDiem}', align: 'right' },
      ],
      [],
      12,
    ),
    heading('II. BẢNG CHẤM ĐIỂM'),
    loopTable(
      'tieuChi',
      [
        { title: 'STT', width: 12, tag: '{stt}', align: 'center' },
        { title: 'Nhóm', width: 45, tag: '{nhom}' },
        { title: 'Tiêu chí', width: 83, tag: '{tieuChi}' },
        { title: 'Điểm', width: 25, tag: '{toiDa}', align: 'right' },
      ],
      [],
      12,
    ),
    p([], { after: 6 }),
    ...bodyList('ketLuan'),
    ...signatureBlock(),
  ];
}

/** The score sheet of one council member for one initiative (no number: an internal form). */
function phieuChamSangKien(): Block[] {
  const left = 75;
  const right = TEXT_WIDTH - left;
  return [
    table(
      [left, right],
      [
        {
          cells: [
            cell([
              centered([r('{coQuanChuQuan}', { size: 13 })]),
              centered([r('{coQuanBanHanh}', { size: 13, bold: true })]),
              centered([r('{hoiDong}', { size: 13, bold: true })]),
              rule(22, left),
            ]),
            cell([centered([r(QUOC_HIEU, { size: 12, bold: true })]), centered([r(TIEU_NGU, { size: 13, bold: true, underline: true })])]),
          ],
        },
        { cells: [cell(p([])), cell(centered([r('{diaDanh}, {ngayThang}', { size: 14, italic: true })], { before: 6 }))] },
      ],
      { borders: false },
    ),
    ...titleBlock('PHIẾU CHẤM ĐIỂM SÁNG KIẾN', '{dotXet}'),
    labelled('Thành viên chấm', '{thanhVien} ({chucDanh})'),
    labelled('Tên sáng kiến', '{tenSangKien}'),
    labelled('Tác giả', '{tacGia}'),
    labelled('Đơn vị đề nghị', '{donVi}'),
    labelled('Thang điểm', '{thangDiem}'),
    p([], { after: 6 }),
    loopTable(
      'tieuChi',
      [
        { title: 'STT', width: 12, tag: '{stt}', align: 'center' },
        { title: 'Tiêu chí', width: 38, tag: '{tieuChi}' },
        { title: 'Các mức điểm', width: 75, tag: '{moTa}' },
        { title: 'Tối đa', width: 18, tag: '{toiDa}', align: 'center' },
        { title: 'Điểm chấm', width: 22, tag: '{diem}', align: 'center' },
      ],
      [
        {
          cantSplit: true,
          cells: [
            cell(centered([r('Tổng cộng', { size: 13, bold: true })]), { span: 3 }),
            cell(centered([r('{diemToiDa}', { size: 13, bold: true })])),
            cell(centered([r('{tongDiem}', { size: 13, bold: true })])),
          ],
        },
      ],
      12,
    ),
    body([r('Ý kiến: ', { bold: true }), r('{yKien}')], { before: 6 }),
    body([r('Nhận xét: ', { bold: true }), r('{nhanXet}')]),
    ...twoSignatures({ title: '', note: '', name: '' }, { title: 'THÀNH VIÊN HỘI ĐỒNG', note: '(Ký, ghi rõ họ tên)', name: '{thanhVien}' }),
  ];
}

/** Minutes of the initiative council's meeting: who sat, the thresholds, each initiative's scores and votes. */
function bienBanHoiDongSangKien(): Block[] {
  return [
    ...adminHeader(),
    ...titleBlock('BIÊN BẢN', '{trichYeu}'),
    labelled('Thời gian', '{thoiGian}'),
    labelled('Địa điểm', '{diaDiem}'),
    labelled('Chủ trì', '{chuTri}'),
    labelled('Thư ký', '{thuKy}'),
    body([r('Thành viên {hoiDong} ({tongSoThanhVien} thành viên):')], { after: 3 }),
    ...listParagraphs('thanhPhan', body([r('- {.}')], { after: 0 })),
    heading('NỘI DUNG'),
    body([r('{canCuDiem}')]),
    heading('KẾT QUẢ CHẤM ĐIỂM VÀ BIỂU QUYẾT'),
    loopTable(
      'ketQua',
      [
        { title: 'STT', width: 11, tag: '{stt}', align: 'center' },
        { title: 'Tên sáng kiến', width: 42, tag: '{tenSangKien}' },
        { title: 'Tác giả', width: 30, tag: '{tacGia}' },
        { title: 'Chấm / không chấm', width: 20, tag: '{soCham}', align: 'center' },
        { title: 'Điểm TB', width: 16, tag: '{diemTrungBinh}', align: 'center' },
        { title: 'Đồng ý', width: 18, tag: '{dongY}', align: 'center' },
        { title: 'Kết luận', width: 28, tag: '{ketLuan}' },
      ],
      [],
      12,
    ),
    p([], { after: 6 }),
    ...bodyList('noiDung'),
    body([r('Cuộc họp kết thúc {ketThuc}, biên bản đã được thông qua trước Hội đồng./.')]),
    ...twoSignatures({ title: 'THƯ KÝ', note: '', name: '{thuKy}' }, { title: 'CHỦ TỊCH HỘI ĐỒNG', note: '', name: '{chuTri}' }),
  ];
}

/** Quyết định công nhận sáng kiến with the list on its own page. */
function quyetDinhCongNhanSangKien(): Block[] {
  return [
    ...adminHeader(),
    ...titleBlock('QUYẾT ĐỊNH', '{trichYeu}'),
    centered([r('{thamQuyen}', { bold: true })], { after: 12 }),
    ...bodyList('canCu', { italic: true }),
    body([r('Theo đề nghị của {deNghi}.', { italic: true })]),
    centered([r('QUYẾT ĐỊNH:', { bold: true })], { before: 6, after: 12 }),
    body([r('Điều 1. ', { bold: true }), r('{dieu1}')]),
    body([r('Điều 2. ', { bold: true }), r('{dieu2}')]),
    body([r('Điều 3. ', { bold: true }), r('{dieu3}')]),
    ...signatureBlock(),
    centered([r('DANH SÁCH', { bold: true })], { pageBreakBefore: true }),
    centered([r('{tieuDeDanhSach}', { bold: true })]),
    centered([r('(Kèm theo Quyết định số {so}/{kyHieu} ngày {ngayBanHanh})', { italic: true })]),
    rule(35, TEXT_WIDTH),
    p([], { after: 6 }),
    loopTable(
      'danhSach',
      [
        { title: 'STT', width: 11, tag: '{stt}', align: 'center' },
        { title: 'Tên sáng kiến', width: 50, tag: '{tenSangKien}' },
        { title: 'Tác giả', width: 38, tag: '{tacGia}' },
        { title: 'Đơn vị áp dụng', width: 28, tag: '{donVi}' },
        { title: 'Phạm vi', width: 18, tag: '{phamVi}', align: 'center' },
        { title: 'Số giấy', width: 20, tag: '{soGiay}', align: 'center' },
      ],
      [],
      12,
    ),
  ];
}

/** Giấy chứng nhận sáng kiến: the header, the certificate's text, the signer, the register number and the verification code. */
function giayChungNhanSangKien(): Block[] {
  const left = 75;
  const right = TEXT_WIDTH - left;
  return [
    table(
      [left, right],
      [
        {
          cells: [
            cell([centered([r('{coQuanChuQuan}', { size: 13 })]), centered([r('{coQuanBanHanh}', { size: 13, bold: true })]), rule(22, left)]),
            cell([centered([r(QUOC_HIEU, { size: 12, bold: true })]), centered([r(TIEU_NGU, { size: 13, bold: true, underline: true })])]),
          ],
        },
      ],
      { borders: false },
    ),
    centered([r('{thamQuyen}', { size: 14, bold: true })], { before: 24 }),
    centered([r('CHỨNG NHẬN', { size: 16, bold: true })], { before: 12, after: 12 }),
    body([r('Tác giả: '), r('{tacGia}', { bold: true })]),
    body([r('Đơn vị: {donVi}')]),
    body([r('Là tác giả sáng kiến: '), r('{tenSangKien}', { bold: true })]),
    body([r('Được công nhận có phạm vi ảnh hưởng, hiệu quả áp dụng {phamVi} theo Quyết định số {quyetDinh}.')]),
    p([r('{diaDanh}, {ngayThang}', { size: 14, italic: true })], { align: 'right', before: 12 }),
    table(
      [left, right],
      [
        {
          cantSplit: true,
          cells: [
            cell([
              p([r('Số vào sổ: {soVaoSo}', { size: 12 })]),
              p([r('Mã xác minh: {maXacMinh}', { size: 12, bold: true })]),
              p([r('Tra cứu tại: {duongDanXacMinh}', { size: 11, italic: true })]),
            ]),
            cell([
              centered([r('{quyenHan}', { size: 14, bold: true })]),
              centered([r('{chucVuNguoiKy}', { size: 14, bold: true })]),
              centered([r('(Ký, ghi rõ họ tên và đóng dấu)', { size: 13, italic: true })], { after: 60 }),
              centered([r('{nguoiKy}', { size: 14, bold: true })]),
            ]),
          ],
        },
      ],
      { borders: false },
    ),
  ];
}

/**
 * Công văn (NĐ 30, Phụ lục I, mục II.6.b): the trích yếu "V/v …" stands under the number in the
 * left column, then "Kính gửi:" with one line per body, the text, the candidate list as a table.
 */
function congVanHiepY(): Block[] {
  const left = 75;
  const right = TEXT_WIDTH - left;
  return [
    ...adminHeader(),
    table([left, right], [{ cells: [cell(centered([r('V/v {trichYeu}', { size: 12 })], { before: 3 })), cell(p([]))] }], { borders: false }),
    p([], { after: 6 }),
    table(
      [35, TEXT_WIDTH - 35],
      [
        {
          cells: [
            cell(p([r('Kính gửi:', { size: 14 })], { align: 'right' })),
            cell(listParagraphs('kinhGui', p([r('- {.}', { size: 14 })], { indentLeft: 3 }))),
          ],
        },
      ],
      { borders: false },
    ),
    p([], { after: 6 }),
    ...bodyList('noiDung'),
    loopTable('danhSach', [
      { title: 'STT', width: 12, tag: '{stt}', align: 'center' },
      { title: 'Họ và tên (tên tập thể)', width: 45, tag: '{hoTen}' },
      { title: 'Chức vụ, đơn vị', width: 50, tag: '{chucVuDonVi}' },
      { title: 'Hình thức đề nghị', width: 35, tag: '{hinhThuc}' },
      { title: 'Ghi chú', width: 23, tag: '{ghiChu}' },
    ]),
    p([], { after: 6 }),
    ...bodyList('ketLuan', {}, { keepNext: true }),
    ...signatureBlock(),
  ];
}

const BUILDERS: Record<TemplateKind, { title: string; build: () => Block[] }> = {
  ke_hoach: { title: 'Kế hoạch', build: keHoach },
  to_trinh: { title: 'Tờ trình', build: toTrinh },
  bien_ban_hop_xet: { title: 'Biên bản họp xét khen thưởng', build: bienBanHopXet },
  bien_ban_kiem_phieu: { title: 'Biên bản kiểm phiếu', build: bienBanKiemPhieu },
  quyet_dinh_khen_thuong: { title: 'Quyết định khen thưởng', build: quyetDinh },
  bao_cao_thanh_tich_ca_nhan: { title: 'Báo cáo thành tích cá nhân', build: baoCaoCaNhan },
  bao_cao_thanh_tich_tap_the: { title: 'Báo cáo thành tích tập thể', build: baoCaoTapThe },
  bao_cao_tong_ket: { title: 'Báo cáo sơ kết, tổng kết', build: baoCaoTongKet },
  ke_hoach_kiem_tra: { title: 'Kế hoạch kiểm tra', build: keHoachKiemTra },
  ket_luan_kiem_tra: { title: 'Kết luận kiểm tra', build: ketLuanKiemTra },
  giao_uoc_thi_dua: { title: 'Bản giao ước thi đua', build: giaoUoc },
  bang_diem_cum: { title: 'Bảng tổng hợp điểm thi đua', build: bangDiemCum },
  phieu_cham_sang_kien: { title: 'Phiếu chấm điểm sáng kiến', build: phieuChamSangKien },
  bien_ban_hoi_dong_sang_kien: { title: 'Biên bản họp Hội đồng sáng kiến', build: bienBanHoiDongSangKien },
  quyet_dinh_cong_nhan_sang_kien: { title: 'Quyết định công nhận sáng kiến', build: quyetDinhCongNhanSangKien },
  giay_chung_nhan_sang_kien: { title: 'Giấy chứng nhận sáng kiến', build: giayChungNhanSangKien },
  cong_van_hiep_y: { title: 'Công văn xin ý kiến hiệp y', build: congVanHiepY },
  quyet_dinh_cap_tren: { title: 'Quyết định khen thưởng của cấp trên', build: quyetDinhCapTren },
};

const cache = new Map<TemplateKind, Buffer>();

/** The default .docx template of a kind (built once per process). */
export function defaultTemplate(kind: TemplateKind): Buffer {
  let buf = cache.get(kind);
  if (!buf) {
    const { title, build } = BUILDERS[kind];
    buf = buildDocx({
      title,
      body: build(),
      font: FONT,
      fontSize: BODY_SIZE,
      section: { margins: MARGINS, pageNumbers: true },
    });
    cache.set(kind, buf);
  }
  return buf;
}

/** Suggested download file name for a default template. */
export function defaultTemplateFileName(kind: TemplateKind): string {
  return `mau-${kind.replace(/_/g, '-')}.docx`;
}
