/**
 * Field catalog per template kind: which placeholders a template of that kind may use. Upload
 * validation checks a user's edited template against it, the UI lists it as help, and the
 * render-time data schema (zod) is derived from it so the two cannot drift apart.
 */
import { z } from 'zod';

export const TEMPLATE_KINDS = [
  'ke_hoach',
  'to_trinh',
  'bien_ban_hop_xet',
  'bien_ban_kiem_phieu',
  'quyet_dinh_khen_thuong',
  'bao_cao_thanh_tich_ca_nhan',
  'bao_cao_thanh_tich_tap_the',
  'bao_cao_tong_ket',
  'ke_hoach_kiem_tra',
  'ket_luan_kiem_tra',
  'giao_uoc_thi_dua',
  'bang_diem_cum',
  'phieu_cham_sang_kien',
  'bien_ban_hoi_dong_sang_kien',
  'quyet_dinh_cong_nhan_sang_kien',
  'giay_chung_nhan_sang_kien',
  'cong_van_hiep_y',
  'quyet_dinh_cap_tren',
] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_KIND_LABELS: Record<TemplateKind, string> = {
  ke_hoach: 'Kế hoạch',
  to_trinh: 'Tờ trình đề nghị khen thưởng',
  bien_ban_hop_xet: 'Biên bản họp xét khen thưởng',
  bien_ban_kiem_phieu: 'Biên bản kiểm phiếu',
  quyet_dinh_khen_thuong: 'Quyết định khen thưởng (kèm danh sách)',
  bao_cao_thanh_tich_ca_nhan: 'Báo cáo thành tích (cá nhân)',
  bao_cao_thanh_tich_tap_the: 'Báo cáo thành tích (tập thể)',
  bao_cao_tong_ket: 'Báo cáo sơ kết/tổng kết',
  ke_hoach_kiem_tra: 'Kế hoạch kiểm tra công tác thi đua, khen thưởng (kèm lịch kiểm tra)',
  ket_luan_kiem_tra: 'Kết luận kiểm tra công tác thi đua, khen thưởng',
  giao_uoc_thi_dua: 'Bản giao ước thi đua (cụm, khối)',
  bang_diem_cum: 'Bảng tổng hợp điểm thi đua (cụm, khối)',
  phieu_cham_sang_kien: 'Phiếu chấm điểm sáng kiến (của một thành viên Hội đồng)',
  bien_ban_hoi_dong_sang_kien: 'Biên bản họp Hội đồng sáng kiến',
  quyet_dinh_cong_nhan_sang_kien: 'Quyết định công nhận sáng kiến (kèm danh sách)',
  giay_chung_nhan_sang_kien: 'Giấy chứng nhận sáng kiến',
  cong_van_hiep_y: 'Công văn xin ý kiến hiệp y khen thưởng (kèm danh sách)',
  quyet_dinh_cap_tren: 'Quyết định khen thưởng của cấp trên (Chủ tịch UBND, Thủ tướng, Chủ tịch nước) kèm danh sách',
};

/** `text`: `{ten}`; `list`: `{#ten}{.}{/ten}` over strings; `table`: `{#ten}{cot}{/ten}` over rows. */
export type FieldSpec =
  | { type: 'text'; label: string }
  | { type: 'list'; label: string }
  /** `emptyRow`: printed when the table has no row (never a bare header row). */
  | { type: 'table'; label: string; columns: Record<string, string>; emptyRow?: Record<string, string> };

export type FieldCatalog = Record<string, FieldSpec>;

const text = (label: string): FieldSpec => ({ type: 'text', label });
const list = (label: string): FieldSpec => ({ type: 'list', label });
const tbl = (label: string, columns: Record<string, string>, emptyRow?: Record<string, string>): FieldSpec =>
  emptyRow ? { type: 'table', label, columns, emptyRow } : { type: 'table', label, columns };

/** Header and signature block shared by documents with a number (NĐ 30/2020 Phụ lục I). */
const HEADER_FIELDS: FieldCatalog = {
  coQuanChuQuan: text('Tên cơ quan, tổ chức chủ quản trực tiếp'),
  coQuanBanHanh: text('Tên cơ quan, tổ chức ban hành văn bản'),
  so: text('Số văn bản'),
  kyHieu: text('Ký hiệu văn bản (vd. QĐ-SKHCN)'),
  diaDanh: text('Địa danh'),
  ngayThang: text('Ngày ban hành dạng "ngày … tháng … năm …"'),
  trichYeu: text('Trích yếu nội dung'),
};

/** Minutes are signed by the chair and the secretary instead: no nơi nhận, no signer block. */
const SIGNED_FIELDS: FieldCatalog = {
  ...HEADER_FIELDS,
  noiNhan: list('Nơi nhận'),
  quyenHan: text('Quyền hạn ký (TM., KT., Q., TL., TUQ.) và chức vụ người đứng đầu'),
  chucVuNguoiKy: text('Chức vụ người ký'),
  nguoiKy: text('Họ và tên người ký'),
};

const NOMINEE_COLUMNS = {
  stt: 'Số thứ tự',
  hoTen: 'Họ và tên (tên tập thể)',
  chucVuDonVi: 'Chức vụ, đơn vị',
  hinhThuc: 'Hình thức khen thưởng',
  ghiChu: 'Ghi chú',
};

const AWARD_HISTORY_COLUMNS = {
  nam: 'Năm',
  noiDung: 'Danh hiệu / hình thức khen thưởng',
  soNgayQuyetDinh: 'Số, ngày, tháng, năm của quyết định',
  coQuanBanHanh: 'Cơ quan ban hành quyết định',
};

const NO_AWARD_ROW = { nam: '', noiDung: 'Không có', soNgayQuyetDinh: '', coQuanBanHanh: '' };

/** Fields both achievement reports share: the form's number, the ratings table, the optional sections of part II. */
const ACHIEVEMENT_FIELDS: FieldCatalog = {
  mauSo: text('Số hiệu mẫu của chế độ áp dụng (vd. "Mẫu số 03 - Nghị định số 98/2023/NĐ-CP"; để trống: không in)'),
  xepLoai: tbl(
    'Kết quả xếp loại chất lượng các năm',
    { nam: 'Năm', xepLoai: 'Xếp loại chất lượng', ghiChu: 'Ghi chú' },
    { nam: '', xepLoai: 'Không có', ghiChu: '' },
  ),
  bienPhap: list('Các biện pháp, giải pháp đã thực hiện'),
  sangKien: list('Sáng kiến, đề tài được công nhận'),
  // Filled by the generator: a part of section II without content is left out and the rest renumbered.
  mucKetQua: text('Tiêu đề mục kết quả xếp loại kèm số (tự điền)'),
  mucBienPhap: text('Tiêu đề mục biện pháp, giải pháp kèm số (tự điền; trống khi không có nội dung)'),
  mucSangKien: text('Tiêu đề mục sáng kiến kèm số (tự điền; trống khi không có nội dung)'),
};

export const FIELD_CATALOGS: Record<TemplateKind, FieldCatalog> = {
  ke_hoach: {
    ...SIGNED_FIELDS,
    canCu: list('Căn cứ (mỗi dòng một đoạn)'),
    noiDung: list('Nội dung kế hoạch (mỗi phần tử một đoạn)'),
    nhiemVu: tbl('Bảng phân công nhiệm vụ', {
      stt: 'Số thứ tự',
      noiDung: 'Nội dung công việc',
      chuTri: 'Đơn vị chủ trì',
      phoiHop: 'Đơn vị phối hợp',
      thoiGian: 'Thời gian thực hiện',
    }),
    phan: tbl('Các phần của kế hoạch (tiêu đề và nội dung, xuống dòng giữa các đoạn)', { tieuDe: 'Tiêu đề phần', noiDung: 'Nội dung' }),
    coNhiemVu: text('Có bảng phân công (để trống: không in bảng)'),
    tieuDeNhiemVu: text('Tiêu đề bảng phân công'),
    ketLuan: list('Đoạn kết'),
  },
  to_trinh: {
    ...SIGNED_FIELDS,
    kinhGui: text('Kính gửi'),
    noiDung: list('Nội dung tờ trình'),
    danhSach: tbl('Danh sách đề nghị khen thưởng', NOMINEE_COLUMNS),
    ketLuan: list('Đoạn kết (kính đề nghị …)'),
  },
  bien_ban_hop_xet: {
    ...HEADER_FIELDS,
    thoiGian: text('Thời gian họp'),
    diaDiem: text('Địa điểm họp'),
    chuTri: text('Người chủ trì'),
    chucVuChuTri: text('Chức vụ của người chủ trì, sau dấu phẩy (", Chủ tịch Hội đồng")'),
    thuKy: text('Thư ký'),
    chucVuThuKy: text('Chức vụ của thư ký, sau dấu phẩy'),
    thanhPhan: list('Thành viên có mặt'),
    vangMat: list('Thành viên vắng mặt (lý do)'),
    chuongTrinh: list('Chương trình phiên họp'),
    yKien: list('Ý kiến thảo luận (thư ký ghi)'),
    soCoMat: text('Số thành viên có mặt'),
    tongSoThanhVien: text('Tổng số thành viên'),
    noiDung: list('Nội dung cuộc họp'),
    danhSach: tbl('Kết quả xét', {
      stt: 'Số thứ tự',
      hoTen: 'Họ và tên (tên tập thể)',
      chucVuDonVi: 'Chức vụ, đơn vị',
      hinhThuc: 'Hình thức khen thưởng',
      soPhieu: 'Số phiếu đồng ý',
      tyLe: 'Tỷ lệ',
    }),
    ketThuc: text('Thời điểm kết thúc cuộc họp'),
    coPhuLuc: text('Có phụ lục danh sách biểu quyết cả danh sách ("x") hay không ("")'),
    tieuDePhuLuc: text('Tiêu đề phụ lục'),
    phuLuc: tbl('Phụ lục: danh sách được biểu quyết cả danh sách', {
      stt: 'Số thứ tự',
      hoTen: 'Họ và tên (tên tập thể)',
      chucVuDonVi: 'Chức vụ, đơn vị',
      hinhThuc: 'Hình thức khen thưởng',
    }),
  },
  bien_ban_kiem_phieu: {
    ...HEADER_FIELDS,
    thoiGian: text('Thời gian kiểm phiếu'),
    diaDiem: text('Địa điểm'),
    soCoMat: text('Số thành viên có mặt'),
    banKiemPhieu: tbl('Thành viên Ban kiểm phiếu', { hoTen: 'Họ và tên', nhiemVu: 'Nhiệm vụ' }),
    soPhieuPhatRa: text('Số phiếu phát ra'),
    soPhieuThuVe: text('Số phiếu thu về'),
    soPhieuHopLe: text('Số phiếu hợp lệ'),
    soPhieuKhongHopLe: text('Số phiếu không hợp lệ'),
    ketQua: tbl('Kết quả kiểm phiếu', {
      stt: 'Số thứ tự',
      hoTen: 'Họ và tên (tên tập thể)',
      donVi: 'Đơn vị',
      hinhThuc: 'Hình thức khen thưởng',
      soPhieuPhatRa: 'Số phiếu phát ra cho nội dung này',
      soPhieuDongY: 'Số phiếu đồng ý',
      tyLe: 'Tỷ lệ so với tổng số thành viên',
      ketQua: 'Kết quả',
    }),
    ketThuc: text('Thời điểm kết thúc kiểm phiếu'),
    truongBan: text('Trưởng Ban kiểm phiếu'),
    thanhVienBanKy: list('Các thành viên Ban kiểm phiếu ký tên (mỗi người một chỗ ký)'),
  },
  quyet_dinh_khen_thuong: {
    ...SIGNED_FIELDS,
    thamQuyen: text('Thẩm quyền ban hành (vd. GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ)'),
    canCu: list('Căn cứ'),
    deNghi: text('Theo đề nghị của …'),
    dieu1: text('Điều 1'),
    dieu2: text('Điều 2'),
    dieu3: text('Điều 3'),
    tieuDeDanhSach: text('Tiêu đề danh sách kèm theo'),
    coQuanKemTheo: text('Người ban hành trong dòng "Kèm theo" (vd. Giám đốc Sở Khoa học và Công nghệ)'),
    ngayBanHanh: text('Ngày ban hành dạng dd/mm/yyyy'),
    danhSach: tbl('Danh sách khen thưởng', {
      stt: 'Số thứ tự',
      hoTen: 'Họ và tên (tên tập thể)',
      chucVuDonVi: 'Chức vụ, đơn vị',
      hinhThuc: 'Hình thức khen thưởng',
      soTien: 'Số tiền (đồng)',
    }),
    tongTien: text('Tổng số tiền'),
    tongTienBangChu: text('Tổng số tiền bằng chữ'),
  },
  quyet_dinh_cap_tren: {
    ...SIGNED_FIELDS,
    thamQuyen: text('Thẩm quyền ban hành (vd. CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH)'),
    canCu: list('Căn cứ của quyết định'),
    deNghi: text('Dòng đề nghị cả câu (vd. Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …)'),
    dieuKhoan: tbl('Các điều của quyết định', { so: 'Số điều', noiDung: 'Nội dung điều' }),
    tieuDeDanhSach: text('Tiêu đề danh sách kèm theo'),
    coQuanKemTheo: text('Người ban hành trong dòng "Kèm theo" (vd. Chủ tịch UBND tỉnh Quảng Ninh)'),
    ngayBanHanh: text('Ngày ban hành dạng dd/mm/yyyy'),
    danhSach: tbl('Danh sách khen thưởng', {
      stt: 'Số thứ tự',
      hoTen: 'Họ và tên (tên tập thể)',
      chucVuDonVi: 'Chức vụ, đơn vị',
      hinhThuc: 'Hình thức khen thưởng',
      soTien: 'Số tiền (đồng)',
    }),
    tongTien: text('Tổng số tiền'),
    tongTienBangChu: text('Tổng số tiền bằng chữ'),
  },
  bao_cao_thanh_tich_ca_nhan: {
    ...ACHIEVEMENT_FIELDS,
    diaDanh: text('Địa danh'),
    ngayThang: text('Ngày báo cáo dạng "ngày … tháng … năm …"'),
    hinhThucDeNghi: text('Hình thức đề nghị khen thưởng'),
    hoTen: text('Họ và tên'),
    gioiTinh: text('Giới tính'),
    ngaySinh: text('Ngày, tháng, năm sinh'),
    queQuan: text('Quê quán'),
    truQuan: text('Trú quán'),
    donViCongTac: text('Đơn vị công tác'),
    chucVu: text('Chức vụ (Đảng, chính quyền, đoàn thể)'),
    trinhDo: text('Trình độ chuyên môn, nghiệp vụ'),
    hocHam: text('Học hàm, học vị, danh hiệu, giải thưởng'),
    nhiemVu: list('Quyền hạn, nhiệm vụ được giao'),
    thanhTich: list('Thành tích đạt được'),
    danhHieu: tbl('Danh hiệu thi đua đã đạt', AWARD_HISTORY_COLUMNS, NO_AWARD_ROW),
    khenThuong: tbl('Hình thức khen thưởng đã nhận', AWARD_HISTORY_COLUMNS, NO_AWARD_ROW),
    thuTruong: text('Thủ trưởng đơn vị xác nhận'),
  },
  bao_cao_thanh_tich_tap_the: {
    ...ACHIEVEMENT_FIELDS,
    coQuanChuQuan: text('Tên đơn vị cấp trên trực tiếp'),
    coQuanBanHanh: text('Tên đơn vị báo cáo'),
    diaDanh: text('Địa danh'),
    ngayThang: text('Ngày báo cáo dạng "ngày … tháng … năm …"'),
    hinhThucDeNghi: text('Hình thức đề nghị khen thưởng'),
    tenTapThe: text('Tên tập thể'),
    diaChi: text('Địa chỉ'),
    dienThoai: text('Điện thoại, e-mail'),
    quaTrinh: list('Quá trình thành lập và phát triển'),
    coCau: list('Cơ cấu tổ chức, tổng số cán bộ'),
    nhiemVu: list('Chức năng, nhiệm vụ được giao'),
    thanhTich: list('Thành tích đạt được'),
    danhHieu: tbl('Danh hiệu thi đua đã đạt', AWARD_HISTORY_COLUMNS, NO_AWARD_ROW),
    khenThuong: tbl('Hình thức khen thưởng đã nhận', AWARD_HISTORY_COLUMNS, NO_AWARD_ROW),
    thuTruong: text('Thủ trưởng đơn vị'),
    thuTruongCapTren: text('Thủ trưởng đơn vị cấp trên xác nhận'),
  },
  bao_cao_tong_ket: {
    ...SIGNED_FIELDS,
    loaiBaoCao: text('SƠ KẾT hoặc TỔNG KẾT'),
    noiDung: list('Kết quả thực hiện'),
    tongHop: tbl('Tổng hợp kết quả khen thưởng', {
      stt: 'Số thứ tự',
      hinhThuc: 'Danh hiệu / hình thức',
      tapThe: 'Số tập thể',
      caNhan: 'Số cá nhân',
      ghiChu: 'Ghi chú',
    }),
    theoDonVi: tbl('Kết quả khen thưởng theo đơn vị (báo cáo tổng hợp từ báo cáo của các đơn vị)', {
      stt: 'Số thứ tự',
      donVi: 'Đơn vị',
      tapThe: 'Số lượt tập thể',
      caNhan: 'Số lượt cá nhân',
      tienThuong: 'Tiền thưởng',
    }),
    soLieu: tbl('Số liệu khác của kỳ báo cáo (phong trào, đăng ký, đối tượng được khen, tiền thưởng)', {
      stt: 'Số thứ tự',
      chiTieu: 'Chỉ tiêu',
      soLieu: 'Số liệu',
    }),
    tonTai: list('Tồn tại, hạn chế'),
    baiHoc: list('Bài học kinh nghiệm'),
    phuongHuong: list('Phương hướng, nhiệm vụ'),
    // Filled by `reportSections` (docx/sections.ts): a section without content is left out and the rest renumbered.
    coTongHop: text('Có bảng kết quả khen thưởng (tự điền; trống khi bảng không có dòng nào)'),
    coSoLieu: text('Có bảng số liệu khác (tự điền; trống khi bảng không có dòng nào)'),
    coTheoDonVi: text('Có bảng theo đơn vị (tự điền; trống khi không phải báo cáo tổng hợp)'),
    mucTonTai: text('Tiêu đề mục "Tồn tại, hạn chế" kèm số La Mã (tự điền; trống khi không có nội dung)'),
    mucBaiHoc: text('Tiêu đề mục "Bài học kinh nghiệm" kèm số La Mã (tự điền; trống khi không có nội dung)'),
    mucPhuongHuong: text('Tiêu đề mục "Phương hướng, nhiệm vụ" kèm số La Mã (tự điền; trống khi không có nội dung)'),
  },
  ke_hoach_kiem_tra: {
    ...SIGNED_FIELDS,
    canCu: list('Căn cứ (mỗi dòng một đoạn)'),
    mucDich: list('Mục đích, yêu cầu'),
    noiDungKiemTra: list('Nội dung kiểm tra (mỗi nội dung một đoạn, đã đánh số)'),
    doanKiemTra: list('Thành phần Đoàn kiểm tra (mỗi người một đoạn)'),
    thoiGian: list('Thời gian kiểm tra (đoạn trước lịch kiểm tra)'),
    lichKiemTra: tbl('Lịch kiểm tra các đơn vị', {
      stt: 'Số thứ tự',
      donVi: 'Đơn vị được kiểm tra',
      thoiGian: 'Thời gian kiểm tra',
      noiDung: 'Nội dung kiểm tra',
      doan: 'Đoàn kiểm tra',
    }),
    toChucThucHien: list('Tổ chức thực hiện'),
  },
  ket_luan_kiem_tra: {
    ...SIGNED_FIELDS,
    canCu: list('Căn cứ (kế hoạch kiểm tra, quyết định thành lập đoàn)'),
    noiDung: list('Phần mở đầu: thời gian, đơn vị được kiểm tra, đoàn kiểm tra'),
    ketQua: tbl('Kết quả kiểm tra theo nội dung', {
      stt: 'Số thứ tự',
      noiDung: 'Nội dung kiểm tra',
      ketQua: 'Kết quả (Đạt / Chưa đạt / Chưa có dữ liệu)',
      ghiChu: 'Nhận xét',
    }),
    ketLuan: list('Kết luận'),
    kienNghi: tbl('Tồn tại và kiến nghị', {
      stt: 'Số thứ tự',
      tonTai: 'Tồn tại, hạn chế',
      kienNghi: 'Kiến nghị',
      donVi: 'Đơn vị, người chịu trách nhiệm',
      thoiHan: 'Thời hạn khắc phục',
    }),
    toChucThucHien: list('Tổ chức thực hiện'),
  },
  giao_uoc_thi_dua: {
    ...HEADER_FIELDS,
    canCu: list('Căn cứ (quy chế, kế hoạch của cụm, khối)'),
    noiDung: list('Phần mở đầu: thời gian, địa điểm, thành phần ký giao ước'),
    chiTieuChung: list('Chỉ tiêu thi đua chung của cụm, khối'),
    chiTieuRieng: tbl('Chỉ tiêu riêng của từng thành viên', { stt: 'Số thứ tự', thanhVien: 'Thành viên', chiTieu: 'Chỉ tiêu' }),
    ketLuan: list('Đoạn kết (cam kết thực hiện)'),
    thanhVien: tbl('Các thành viên ký giao ước', { stt: 'Số thứ tự', ten: 'Tên cơ quan, đơn vị', vaiTro: 'Trưởng / Phó / thành viên' }),
  },
  bang_diem_cum: {
    ...SIGNED_FIELDS,
    thangDiem: text('Thang điểm (100 hoặc 1.000)'),
    noiDung: list('Phần mở đầu'),
    tieuChi: tbl('Các mục của bảng chấm điểm', {
      stt: 'Số thứ tự',
      nhom: 'Nhóm',
      tieuChi: 'Tiêu chí, điểm thưởng, điểm trừ',
      toiDa: 'Điểm tối đa (tối thiểu với điểm trừ)',
    }),
    bangDiem: tbl('Bảng tổng hợp điểm, xếp hạng', {
      hang: 'Xếp hạng',
      thanhVien: 'Thành viên',
      diemTieuChi: 'Điểm các tiêu chí',
      diemThuong: 'Điểm thưởng',
      diemTru: 'Điểm trừ',
      tongDiem: 'Tổng điểm',
    }),
    ketLuan: list('Đoạn kết'),
  },
  phieu_cham_sang_kien: {
    coQuanChuQuan: text('Tên cơ quan chủ quản'),
    coQuanBanHanh: text('Tên cơ quan có Hội đồng sáng kiến'),
    hoiDong: text('Tên Hội đồng sáng kiến'),
    dotXet: text('Tên đợt xét'),
    diaDanh: text('Địa danh'),
    ngayThang: text('Ngày chấm dạng "ngày … tháng … năm …"'),
    thanhVien: text('Họ và tên thành viên chấm'),
    chucDanh: text('Chức danh trong Hội đồng'),
    tenSangKien: text('Tên sáng kiến'),
    tacGia: text('Tác giả (tỷ lệ đóng góp)'),
    donVi: text('Đơn vị đề nghị'),
    tieuChi: tbl('Điểm theo tiêu chí của thang điểm', {
      stt: 'Số thứ tự',
      tieuChi: 'Tiêu chí',
      moTa: 'Các mức điểm',
      toiDa: 'Điểm tối đa',
      diem: 'Điểm chấm',
    }),
    tongDiem: text('Tổng điểm'),
    diemToiDa: text('Tổng điểm tối đa'),
    yKien: text('Ý kiến: đồng ý / không đồng ý công nhận'),
    nhanXet: text('Nhận xét'),
    thangDiem: text('Thang điểm và căn cứ'),
  },
  bien_ban_hoi_dong_sang_kien: {
    ...HEADER_FIELDS,
    hoiDong: text('Tên Hội đồng sáng kiến'),
    thoiGian: text('Thời gian họp'),
    diaDiem: text('Địa điểm họp'),
    chuTri: text('Chủ tịch Hội đồng'),
    thuKy: text('Thư ký'),
    thanhPhan: list('Thành viên Hội đồng'),
    tongSoThanhVien: text('Tổng số thành viên'),
    canCuDiem: text('Điểm đạt, số thành viên chấm tối thiểu, tỷ lệ biểu quyết và căn cứ'),
    ketQua: tbl('Kết quả chấm điểm và biểu quyết', {
      stt: 'Số thứ tự',
      tenSangKien: 'Tên sáng kiến',
      tacGia: 'Tác giả',
      soCham: 'Số thành viên chấm / không tham gia',
      diemTrungBinh: 'Điểm trung bình',
      dongY: 'Số thành viên đồng ý / tổng số',
      ketLuan: 'Kết luận của Hội đồng',
    }),
    noiDung: list('Ý kiến khác, xung đột lợi ích'),
    ketThuc: text('Thời điểm kết thúc cuộc họp'),
  },
  quyet_dinh_cong_nhan_sang_kien: {
    ...SIGNED_FIELDS,
    thamQuyen: text('Thẩm quyền ban hành (vd. GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ)'),
    canCu: list('Căn cứ'),
    deNghi: text('Theo đề nghị của …'),
    dieu1: text('Điều 1'),
    dieu2: text('Điều 2'),
    dieu3: text('Điều 3'),
    tieuDeDanhSach: text('Tiêu đề danh sách kèm theo'),
    ngayBanHanh: text('Ngày ban hành dạng dd/mm/yyyy'),
    danhSach: tbl('Danh sách sáng kiến được công nhận', {
      stt: 'Số thứ tự',
      tenSangKien: 'Tên sáng kiến',
      tacGia: 'Tác giả (tỷ lệ đóng góp)',
      donVi: 'Đơn vị áp dụng',
      phamVi: 'Phạm vi ảnh hưởng',
      soGiay: 'Số giấy chứng nhận',
    }),
  },
  giay_chung_nhan_sang_kien: {
    coQuanChuQuan: text('Tên cơ quan chủ quản'),
    coQuanBanHanh: text('Tên cơ quan cấp giấy'),
    thamQuyen: text('Thẩm quyền cấp (vd. GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ)'),
    tacGia: text('Tác giả (họ và tên, tỷ lệ đóng góp)'),
    donVi: text('Đơn vị công tác của tác giả'),
    tenSangKien: text('Tên sáng kiến'),
    phamVi: text('Phạm vi ảnh hưởng được công nhận'),
    quyetDinh: text('Số, ngày của Quyết định công nhận'),
    soVaoSo: text('Số vào sổ'),
    maXacMinh: text('Mã xác minh (QR)'),
    duongDanXacMinh: text('Địa chỉ xác minh'),
    diaDanh: text('Địa danh'),
    ngayThang: text('Ngày cấp dạng "ngày … tháng … năm …"'),
    quyenHan: text('Quyền hạn ký và chức vụ người đứng đầu'),
    chucVuNguoiKy: text('Chức vụ người ký'),
    nguoiKy: text('Họ và tên người ký'),
  },
  cong_van_hiep_y: {
    ...SIGNED_FIELDS,
    kinhGui: list('Kính gửi (các cơ quan được xin ý kiến)'),
    noiDung: list('Nội dung công văn (mỗi phần tử một đoạn)'),
    danhSach: tbl('Danh sách người/tập thể xin ý kiến hiệp y', NOMINEE_COLUMNS),
    ketLuan: list('Đoạn kết (đề nghị trả lời trước hạn, cách tính khi không trả lời)'),
  },
};

/** Values are text; numbers are accepted and printed as given (format them before if needed). */
const cellValue = z.union([z.string(), z.number()]).transform((v) => String(v));

/** The zod schema of the data a template of this kind expects (derived from the catalog). */
export function dataSchemaFor(kind: TemplateKind): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(FIELD_CATALOGS[kind])) {
    if (spec.type === 'text') shape[name] = cellValue.default('');
    else if (spec.type === 'list') shape[name] = z.array(cellValue).default([]);
    else {
      const cols: Record<string, z.ZodType> = {};
      for (const col of Object.keys(spec.columns)) cols[col] = cellValue.default('');
      const rows = z.array(z.object(cols)).default([]);
      const empty = spec.emptyRow;
      shape[name] = empty ? rows.transform((list) => (list.length ? list : [empty])) : rows;
    }
  }
  return z.object(shape);
}
