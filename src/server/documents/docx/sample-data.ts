/**
 * Sample data per template kind, drawn from a real plan (Sở KH&CN, 2021). Used by tests, the
 * benchmark and the template preview ("xem thử") so each default template can be shown filled.
 */
import { formatDateVi, formatLongDateVi, formatNumberVi, moneyToWordsVi } from '../../../shared/format-vi.js';
import type { TemplateKind } from './fields.js';

const ADMIN = {
  coQuanChuQuan: 'UBND TỈNH SƠN LA',
  coQuanBanHanh: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  so: '125',
  diaDanh: 'Sơn La',
  ngayThang: formatLongDateVi('2021-06-26'),
  noiNhan: ['Ban Thi đua - Khen thưởng tỉnh (b/c);', 'Giám đốc, các Phó Giám đốc Sở;', 'Như Điều 3;', 'Lưu: VT, VP.'],
  quyenHan: 'KT. GIÁM ĐỐC',
  chucVuNguoiKy: 'PHÓ GIÁM ĐỐC',
  nguoiKy: 'Bế Đăng Khoa',
};

const HISTORY = [
  { nam: '2019', noiDung: 'Chiến sĩ thi đua cơ sở', soNgayQuyetDinh: 'Số 45/QĐ-SKHCN ngày 20/12/2019', coQuanBanHanh: 'Sở Khoa học và Công nghệ' },
  { nam: '2020', noiDung: 'Lao động tiên tiến', soNgayQuyetDinh: 'Số 51/QĐ-SKHCN ngày 22/12/2020', coQuanBanHanh: 'Sở Khoa học và Công nghệ' },
];

/**
 * A decision of 26/06/2021 awarding Giấy khen to `n` people: 0,3 × 1.490.000 đ = 447.000 đ, rounded
 * up to 450.000 đ (ND91 Art 68, 73; the rule engine's `moneyFor` gives the same).
 */
export function decisionData(n: number): Record<string, unknown> {
  const amount = 450_000;
  return {
    ...ADMIN,
    kyHieu: 'QĐ-SKHCN',
    trichYeu: 'Về việc tặng Giấy khen cho các cá nhân có thành tích xuất sắc',
    thamQuyen: 'GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ',
    canCu: [
      'Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013;',
      'Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
    ],
    deNghi: 'Chánh Văn phòng Sở, Thường trực Hội đồng Thi đua - Khen thưởng Sở',
    dieu1: `Tặng Giấy khen cho ${formatNumberVi(n)} cá nhân đã có thành tích xuất sắc trong đợt thi đua (có danh sách kèm theo).`,
    dieu2: `Mỗi cá nhân được thưởng ${formatNumberVi(amount)} đồng, trích từ quỹ thi đua, khen thưởng của Sở.`,
    dieu3: 'Chánh Văn phòng Sở, Trưởng các phòng, đơn vị trực thuộc Sở và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
    tieuDeDanhSach: 'DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN',
    coQuanKemTheo: 'Giám đốc Sở Khoa học và Công nghệ',
    ngayBanHanh: formatDateVi('2021-06-26'),
    danhSach: Array.from({ length: n }, (_, i) => ({
      stt: i + 1,
      hoTen: `Nguyễn Văn Đức ${i + 1}`,
      chucVuDonVi: 'Chuyên viên, Văn phòng Sở',
      hinhThuc: 'Giấy khen',
      soTien: formatNumberVi(amount),
    })),
    tongTien: formatNumberVi(amount * n),
    tongTienBangChu: moneyToWordsVi(amount * n),
  };
}

/** Plausible data for every field of a kind. */
export function sampleData(kind: TemplateKind): Record<string, unknown> {
  const nominees = [
    { stt: 1, hoTen: 'Nguyễn Văn Đức', chucVuDonVi: 'Chuyên viên, Văn phòng Sở', hinhThuc: 'Giấy khen', ghiChu: '' },
    { stt: 2, hoTen: 'Phòng Quản lý Khoa học', chucVuDonVi: 'Sở Khoa học và Công nghệ', hinhThuc: 'Bằng khen UBND tỉnh', ghiChu: 'Tập thể' },
  ];
  switch (kind) {
    case 'ke_hoach':
      return {
        ...ADMIN,
        kyHieu: 'KH-SKHCN',
        trichYeu: 'Phát động đợt thi đua lập thành tích chào mừng kỷ niệm 80 năm Ngày Bác Hồ về nước',
        canCu: ['Thực hiện Kế hoạch số 43/KH-UBND ngày 08/01/2021 của Ủy ban nhân dân tỉnh;'],
        noiDung: [
          'I. MỤC ĐÍCH, YÊU CẦU',
          'Đẩy mạnh phong trào thi đua yêu nước trong đội ngũ công chức, viên chức và người lao động của Sở Khoa học và Công nghệ.',
        ],
        nhiemVu: [
          { stt: 1, noiDung: 'Tổng hợp hồ sơ đề nghị khen thưởng', chuTri: 'Văn phòng Sở', phoiHop: 'Các phòng, đơn vị', thoiGian: 'Trước 18/6/2021' },
          { stt: 2, noiDung: 'Tuyên truyền gương điển hình tiên tiến', chuTri: 'Trung tâm Ứng dụng', phoiHop: 'Văn phòng Sở', thoiGian: 'Cả năm 2021' },
        ],
        ketLuan: ['Căn cứ Kế hoạch này, các phòng, đơn vị trực thuộc Sở nghiêm túc triển khai thực hiện./.'],
      };
    case 'cong_van_hiep_y':
      return {
        ...ADMIN,
        kyHieu: 'SKHCN-VP',
        trichYeu: 'xin ý kiến hiệp y khen thưởng',
        kinhGui: ['Công an tỉnh Sơn La;', 'Cục Thuế tỉnh Sơn La;'],
        noiDung: ['Sở Khoa học và Công nghệ đề nghị các cơ quan cho ý kiến hiệp y đối với các cá nhân, tập thể có tên trong danh sách dưới đây:'],
        danhSach: nominees,
        ketLuan: [
          'Văn bản trả lời đề nghị gửi về Sở trước ngày 10/07/2021; quá thời hạn trên, nếu không nhận được ý kiến trả lời, Sở hiểu là cơ quan thống nhất./.',
        ],
      };
    case 'to_trinh':
      return {
        ...ADMIN,
        kyHieu: 'TTr-VP',
        trichYeu: 'Về việc đề nghị khen thưởng đợt thi đua năm 2021',
        kinhGui: 'Hội đồng Thi đua - Khen thưởng Sở Khoa học và Công nghệ',
        noiDung: ['Căn cứ kết quả bình xét của đơn vị, Văn phòng Sở kính trình danh sách đề nghị khen thưởng như sau:'],
        danhSach: nominees,
        ketLuan: ['Kính đề nghị Hội đồng xem xét, quyết định./.'],
      };
    case 'bien_ban_hop_xet':
      return {
        ...ADMIN,
        kyHieu: 'BB-HĐTĐKT',
        trichYeu: 'Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng đợt thi đua năm 2021',
        thoiGian: '08 giờ 00 phút, ngày 22/6/2021',
        diaDiem: 'Phòng họp Sở Khoa học và Công nghệ',
        chuTri: 'Bế Đăng Khoa',
        chucVuChuTri: ', Chủ tịch Hội đồng Thi đua - Khen thưởng Sở',
        thuKy: 'Đoàn Thiên Hương',
        chucVuThuKy: ', Thư ký Hội đồng',
        thanhPhan: ['Các thành viên Hội đồng Thi đua - Khen thưởng Sở'],
        soCoMat: 7,
        tongSoThanhVien: 7,
        noiDung: ['Hội đồng đã nghe Thường trực Hội đồng báo cáo tóm tắt thành tích của các tập thể, cá nhân.'],
        danhSach: nominees.map((n) => ({ ...n, soPhieu: 7, tyLe: '100%' })),
        ketThuc: 'vào 10 giờ 30 phút cùng ngày',
      };
    case 'bien_ban_kiem_phieu':
      return {
        ...ADMIN,
        kyHieu: 'BB-BKP',
        trichYeu: 'Kiểm phiếu bầu xét khen thưởng đợt thi đua năm 2021',
        thoiGian: '09 giờ 30 phút, ngày 22/6/2021',
        diaDiem: 'Phòng họp Sở Khoa học và Công nghệ',
        banKiemPhieu: [
          { hoTen: 'Đoàn Thiên Hương', nhiemVu: 'Trưởng ban' },
          { hoTen: 'Triệu Tường Lâm', nhiemVu: 'Thành viên' },
        ],
        soPhieuPhatRa: 7,
        soPhieuThuVe: 7,
        soPhieuHopLe: 7,
        soPhieuKhongHopLe: 0,
        ketQua: nominees.map((n) => ({ stt: n.stt, hoTen: n.hoTen, donVi: n.chucVuDonVi, hinhThuc: n.hinhThuc, soPhieuDongY: 7, tyLe: '100%', ketQua: 'Đạt' })),
        truongBan: 'Đoàn Thiên Hương',
        thanhVienBanKy: ['Triệu Tường Lâm'],
      };
    case 'quyet_dinh_khen_thuong':
      return decisionData(3);
    case 'quyet_dinh_cap_tren':
      return {
        coQuanChuQuan: '',
        coQuanBanHanh: 'ỦY BAN NHÂN DÂN\nTỈNH SƠN LA',
        so: '125',
        kyHieu: 'QĐ-UBND',
        diaDanh: 'Sơn La',
        ngayThang: formatLongDateVi('2021-07-12'),
        trichYeu: 'Về việc tặng Bằng khen của Chủ tịch UBND tỉnh',
        thamQuyen: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SƠN LA',
        canCu: [
          'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
          'Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 16 tháng 11 năm 2013;',
        ],
        deNghi: 'Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 412/TTr-SNV ngày 05 tháng 7 năm 2021.',
        dieuKhoan: [
          {
            so: 1,
            noiDung:
              'Tặng Bằng khen của Chủ tịch UBND tỉnh cho 01 tập thể và 01 cá nhân (có danh sách kèm theo) đã có thành tích xuất sắc trong công tác năm 2020.',
          },
          { so: 2, noiDung: 'Tiền thưởng kèm theo Bằng khen tổng cộng 2.235.000 đồng, từ nguồn ngân sách tỉnh qua Sở Nội vụ cấp cho đơn vị đề nghị.' },
          {
            so: 3,
            noiDung: 'Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
          },
        ],
        noiNhan: ['Như Điều 3;', 'Lưu: VT, NC.'],
        quyenHan: 'KT. CHỦ TỊCH',
        chucVuNguoiKy: 'PHÓ CHỦ TỊCH',
        nguoiKy: 'Lò Minh Hùng',
        tieuDeDanhSach: 'DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH',
        coQuanKemTheo: 'Chủ tịch UBND tỉnh Sơn La',
        ngayBanHanh: formatDateVi('2021-07-12'),
        danhSach: nominees.map((n) => ({
          stt: n.stt,
          hoTen: n.hoTen,
          chucVuDonVi: n.chucVuDonVi,
          hinhThuc: 'Bằng khen',
          soTien: n.stt === 2 ? '1.490.000' : '745.000',
        })),
        tongTien: '2.235.000',
        tongTienBangChu: 'Hai triệu hai trăm ba mươi lăm nghìn đồng',
      };
    case 'bao_cao_thanh_tich_ca_nhan':
      return {
        diaDanh: 'Sơn La',
        ngayThang: formatLongDateVi('2021-06-15'),
        hinhThucDeNghi: 'GIẤY KHEN CỦA GIÁM ĐỐC SỞ',
        hoTen: 'Nguyễn Văn Đức',
        gioiTinh: 'Nam',
        ngaySinh: '12/03/1985',
        queQuan: 'Xã Chiềng Mung, huyện Mai Sơn, tỉnh Sơn La',
        truQuan: 'Phường Chiềng Lề, thành phố Sơn La',
        donViCongTac: 'Văn phòng Sở Khoa học và Công nghệ',
        chucVu: 'Chuyên viên',
        trinhDo: 'Đại học Luật',
        hocHam: 'Không',
        mauSo: 'Mẫu số 07 - Nghị định số 91/2017/NĐ-CP',
        nhiemVu: ['Tham mưu công tác thi đua, khen thưởng của Sở.'],
        thanhTich: ['Hoàn thành xuất sắc nhiệm vụ được giao năm 2021.'],
        xepLoai: [
          { nam: '2019', xepLoai: 'Hoàn thành xuất sắc nhiệm vụ', ghiChu: '' },
          { nam: '2020', xepLoai: 'Hoàn thành tốt nhiệm vụ', ghiChu: '' },
        ],
        sangKien: ['Sáng kiến "Số hóa hồ sơ khen thưởng" (phạm vi cơ sở, 2020).'],
        danhHieu: HISTORY,
        khenThuong: [],
        thuTruong: 'Bế Đăng Khoa',
      };
    case 'bao_cao_thanh_tich_tap_the':
      return {
        diaDanh: 'Sơn La',
        ngayThang: formatLongDateVi('2021-06-15'),
        hinhThucDeNghi: 'BẰNG KHEN CỦA CHỦ TỊCH UBND TỈNH',
        coQuanChuQuan: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
        coQuanBanHanh: 'PHÒNG QUẢN LÝ KHOA HỌC',
        tenTapThe: 'Phòng Quản lý Khoa học, Sở Khoa học và Công nghệ',
        diaChi: 'Số 1 đường Tô Hiệu, thành phố Sơn La',
        dienThoai: '0212 3852 xxx',
        quaTrinh: ['Được thành lập năm 2008.'],
        coCau: ['Tổng số 8 công chức.'],
        nhiemVu: ['Tham mưu quản lý nhà nước về khoa học và công nghệ.'],
        thanhTich: ['Hoàn thành xuất sắc nhiệm vụ năm 2021.'],
        bienPhap: ['Phân công rõ người, rõ việc; kiểm tra tiến độ hằng tháng.'],
        danhHieu: HISTORY,
        khenThuong: HISTORY,
        thuTruong: 'Lò Văn Nam',
        thuTruongCapTren: 'Bế Đăng Khoa',
      };
    case 'bao_cao_tong_ket':
      return {
        ...ADMIN,
        kyHieu: 'BC-SKHCN',
        loaiBaoCao: 'Tổng kết',
        trichYeu: 'công tác thi đua, khen thưởng năm 2021 của Sở Khoa học và Công nghệ',
        noiDung: ['Phong trào thi đua được triển khai sâu rộng tới các phòng, đơn vị trực thuộc Văn phòng Sở.'],
        tongHop: [
          { stt: 1, hinhThuc: 'Giấy khen của Giám đốc Sở', tapThe: 2, caNhan: 15, ghiChu: '' },
          { stt: 2, hinhThuc: 'Bằng khen của Chủ tịch UBND tỉnh', tapThe: 1, caNhan: 1, ghiChu: '' },
        ],
        theoDonVi: [
          { stt: 1, donVi: 'Văn phòng Sở', tapThe: 1, caNhan: 6, tienThuong: '4.210.000' },
          { stt: 2, donVi: 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ', tapThe: 1, caNhan: 9, tienThuong: '6.390.000' },
        ],
        soLieu: [{ stt: 1, chiTieu: 'Phong trào thi đua đã phát động', soLieu: 3 }],
        tonTai: ['Một số hồ sơ gửi chậm so với thời hạn.'],
        baiHoc: ['Phát động phong trào gắn với nhiệm vụ chuyên môn.'],
        phuongHuong: ['Tiếp tục đổi mới công tác thi đua, khen thưởng.'],
      };
    case 'ke_hoach_kiem_tra':
      return {
        ...ADMIN,
        kyHieu: 'KH-SKHCN',
        trichYeu: 'Kiểm tra công tác thi đua, khen thưởng năm 2021',
        canCu: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;'],
        mucDich: ['Kịp thời phát hiện, chấn chỉnh tồn tại, hạn chế; bảo đảm khen thưởng đúng đối tượng, đúng tiêu chuẩn, đúng quy trình.'],
        noiDungKiemTra: ['1. Việc đăng ký thi đua đầu năm.', '2. Hồ sơ, thủ tục đề nghị khen thưởng.'],
        doanKiemTra: ['1. Ông Đàm Văn Long, Chánh Văn phòng Sở - Trưởng đoàn.', '2. Bà Nông Thị Hoa, Chuyên viên Văn phòng Sở - Thành viên.'],
        thoiGian: ['Từ ngày 01/5/2021 đến ngày 30/6/2021, theo lịch dưới đây.'],
        lichKiemTra: [
          {
            stt: 1,
            donVi: 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ',
            thoiGian: '20/5/2021 đến 21/5/2021',
            noiDung: 'Các nội dung tại Mục II',
            doan: 'Đoàn kiểm tra (Trưởng đoàn: Đàm Văn Long)',
          },
        ],
        toChucThucHien: ['Văn phòng Sở chủ trì, phối hợp với các đơn vị thực hiện Kế hoạch này./.'],
      };
    case 'ket_luan_kiem_tra':
      return {
        ...ADMIN,
        kyHieu: 'KL-SKHCN',
        trichYeu: 'Kiểm tra công tác thi đua, khen thưởng năm 2021 tại Trung tâm Ứng dụng tiến bộ khoa học và công nghệ',
        canCu: ['Căn cứ Kế hoạch số 12/KH-SKHCN ngày 15/3/2021 của Sở Khoa học và Công nghệ về kiểm tra công tác thi đua, khen thưởng năm 2021;'],
        noiDung: ['Ngày 20/5/2021, Đoàn kiểm tra của Sở đã kiểm tra công tác thi đua, khen thưởng tại Trung tâm Ứng dụng. Kết quả như sau:'],
        ketQua: [
          { stt: 1, noiDung: 'Đăng ký thi đua đầu năm', ketQua: 'Đạt', ghiChu: 'Đã đăng ký 24 lượt danh hiệu thi đua.' },
          { stt: 2, noiDung: 'Hồ sơ đề nghị khen thưởng gửi đúng hạn', ketQua: 'Chưa đạt', ghiChu: '1/3 hồ sơ gửi quá hạn.' },
        ],
        ketLuan: ['Trung tâm đã triển khai cơ bản đầy đủ công tác thi đua, khen thưởng; còn chậm gửi hồ sơ.'],
        kienNghi: [
          { stt: 1, tonTai: 'Hồ sơ gửi chậm', kienNghi: 'Xây dựng lịch nội bộ, gửi hồ sơ đúng hạn', donVi: 'Trung tâm Ứng dụng', thoiHan: '30/6/2021' },
        ],
        toChucThucHien: ['Trung tâm Ứng dụng báo cáo kết quả khắc phục về Văn phòng Sở trước thời hạn nêu trên./.'],
      };
    case 'giao_uoc_thi_dua':
      return {
        ...ADMIN,
        coQuanChuQuan: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH SƠN LA',
        coQuanBanHanh: 'CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP',
        kyHieu: 'GƯ-CTĐ',
        trichYeu: 'năm 2021 của Cụm thi đua các cơ quan tham mưu tổng hợp',
        canCu: ['Căn cứ Quy chế hoạt động của Cụm thi đua các cơ quan tham mưu tổng hợp;'],
        noiDung: ['Hôm nay, ngày 26/02/2021, tại Sở Khoa học và Công nghệ, các thành viên Cụm thi đua ký kết giao ước thi đua năm 2021 với các nội dung sau:'],
        chiTieuChung: ['100% cán bộ, công chức hoàn thành nhiệm vụ được giao.', 'Gửi báo cáo 6 tháng, năm về Trưởng cụm đúng hạn.'],
        chiTieuRieng: [{ stt: 1, thanhVien: 'Sở Khoa học và Công nghệ', chiTieu: 'Số hóa 100% hồ sơ thi đua, khen thưởng' }],
        ketLuan: ['Các thành viên cam kết tổ chức thực hiện thắng lợi các chỉ tiêu đã giao ước./.'],
        thanhVien: [
          { stt: 1, ten: 'Sở Khoa học và Công nghệ', vaiTro: 'Trưởng cụm' },
          { stt: 2, ten: 'Sở Tài chính', vaiTro: 'Phó cụm' },
          { stt: 3, ten: 'Cục Thống kê tỉnh', vaiTro: 'Thành viên' },
        ],
      };
    case 'bang_diem_cum':
      return {
        ...ADMIN,
        coQuanChuQuan: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH SƠN LA',
        coQuanBanHanh: 'CỤM THI ĐUA CÁC CƠ QUAN THAM MƯU TỔNG HỢP',
        kyHieu: 'BĐ-CTĐ',
        trichYeu: 'năm 2021 của Cụm thi đua các cơ quan tham mưu tổng hợp',
        thangDiem: '100',
        noiDung: ['Kết quả tự chấm của các thành viên, đã được Trưởng cụm rà soát, điều chỉnh:'],
        bangDiem: [
          { hang: 1, thanhVien: 'Sở Khoa học và Công nghệ', diemTieuChi: '92', diemThuong: '10', diemTru: '0', tongDiem: '102' },
          { hang: 2, thanhVien: 'Sở Tài chính', diemTieuChi: '90', diemThuong: '0', diemTru: '-2', tongDiem: '88' },
        ],
        tieuChi: [
          { stt: 1, nhom: 'Thực hiện nhiệm vụ chính trị', tieuChi: 'Hoàn thành chỉ tiêu kế hoạch năm', toiDa: '30' },
          { stt: 2, nhom: 'Điểm thưởng', tieuChi: 'Được tặng Cờ thi đua của tỉnh', toiDa: '+10' },
        ],
        ketLuan: ['Bảng tổng hợp điểm là căn cứ để hội nghị tổng kết cụm suy tôn thành viên dẫn đầu./.'],
        quyenHan: '',
        chucVuNguoiKy: 'TRƯỞNG CỤM',
      };
    case 'phieu_cham_sang_kien':
      return {
        coQuanChuQuan: ADMIN.coQuanChuQuan,
        coQuanBanHanh: ADMIN.coQuanBanHanh,
        hoiDong: 'HỘI ĐỒNG SÁNG KIẾN',
        dotXet: 'Đợt xét sáng kiến năm 2021',
        diaDanh: ADMIN.diaDanh,
        ngayThang: formatLongDateVi('2021-10-12'),
        thanhVien: 'Lò Văn Hùng',
        chucDanh: 'Ủy viên',
        tenSangKien: 'Số hóa quy trình tiếp nhận hồ sơ đăng ký đề tài khoa học',
        tacGia: 'Nguyễn Văn Đức (70%), Lường Thị Mai (30%)',
        donVi: 'Phòng Quản lý Khoa học',
        thangDiem: 'Thang điểm chấm sáng kiến năm 2021 (phiên bản 1): Quy chế sáng kiến của Sở; điểm đạt 60/100',
        tieuChi: [
          { stt: 1, tieuChi: 'Tính mới', moTa: '10: cải tiến nhỏ; 20: mới trong đơn vị; 30: mới trong tỉnh', toiDa: 30, diem: 25 },
          { stt: 2, tieuChi: 'Khả năng áp dụng', moTa: '10: áp dụng thử; 25: áp dụng tại đơn vị', toiDa: 25, diem: 20 },
          { stt: 3, tieuChi: 'Hiệu quả', moTa: '10: có hiệu quả; 30: làm lợi rõ rệt', toiDa: 30, diem: 25 },
          { stt: 4, tieuChi: 'Phạm vi ảnh hưởng', moTa: '5: trong phòng; 15: toàn Sở', toiDa: 15, diem: 10 },
        ],
        tongDiem: 80,
        diemToiDa: 100,
        yKien: 'Đồng ý công nhận',
        nhanXet: 'Giải pháp đã áp dụng tại Văn phòng Sở, rút ngắn thời gian tiếp nhận hồ sơ.',
      };
    case 'bien_ban_hoi_dong_sang_kien':
      return {
        ...ADMIN,
        kyHieu: 'BB-HĐSK',
        trichYeu: 'Họp Hội đồng sáng kiến xét công nhận sáng kiến năm 2021',
        hoiDong: 'Hội đồng sáng kiến Sở',
        thoiGian: '08 giờ 00 phút, ngày 12 tháng 10 năm 2021',
        diaDiem: 'Phòng họp tầng 2, Sở Khoa học và Công nghệ',
        chuTri: 'Bế Đăng Khoa',
        thuKy: 'Lường Thị Mai',
        thanhPhan: ['Bế Đăng Khoa - Chủ tịch', 'Lò Văn Hùng - Phó Chủ tịch', 'Lường Thị Mai - Thư ký'],
        tongSoThanhVien: 3,
        canCuDiem: 'Điểm đạt 60/100 (Quy chế sáng kiến của Sở); cần ít nhất 2 thành viên chấm; cần 2/3 tổng số thành viên đồng ý.',
        ketQua: [
          {
            stt: 1,
            tenSangKien: 'Số hóa quy trình tiếp nhận hồ sơ',
            tacGia: 'Nguyễn Văn Đức',
            soCham: '3 / 0',
            diemTrungBinh: '80',
            dongY: '3/3',
            ketLuan: 'Đề nghị công nhận',
          },
        ],
        noiDung: ['Không có thành viên khai xung đột lợi ích.'],
        ketThuc: '10 giờ 30 phút cùng ngày',
      };
    case 'quyet_dinh_cong_nhan_sang_kien':
      return {
        ...ADMIN,
        kyHieu: 'QĐ-SKHCN',
        trichYeu: 'Về việc công nhận sáng kiến năm 2021',
        thamQuyen: 'GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ',
        canCu: ['Căn cứ Nghị định số 13/2012/NĐ-CP ngày 02 tháng 3 năm 2012 của Chính phủ ban hành Điều lệ Sáng kiến;'],
        deNghi: 'Hội đồng sáng kiến Sở',
        dieu1: 'Công nhận 01 sáng kiến có phạm vi ảnh hưởng cấp cơ sở (có danh sách kèm theo).',
        dieu2: 'Tác giả được cấp Giấy chứng nhận sáng kiến.',
        dieu3: 'Chánh Văn phòng Sở và các tác giả có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
        tieuDeDanhSach: 'SÁNG KIẾN ĐƯỢC CÔNG NHẬN NĂM 2021',
        ngayBanHanh: formatDateVi('2021-06-26'),
        danhSach: [
          {
            stt: 1,
            tenSangKien: 'Số hóa quy trình tiếp nhận hồ sơ',
            tacGia: 'Nguyễn Văn Đức (100%)',
            donVi: 'Văn phòng Sở',
            phamVi: 'Cơ sở',
            soGiay: '1/2021',
          },
        ],
      };
    case 'giay_chung_nhan_sang_kien':
      return {
        coQuanChuQuan: ADMIN.coQuanChuQuan,
        coQuanBanHanh: ADMIN.coQuanBanHanh,
        thamQuyen: 'GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ',
        tacGia: 'Nguyễn Văn Đức (100%)',
        donVi: 'Văn phòng Sở',
        tenSangKien: 'Số hóa quy trình tiếp nhận hồ sơ đăng ký đề tài khoa học',
        phamVi: 'cấp cơ sở',
        quyetDinh: '125/QĐ-SKHCN ngày 26/06/2021',
        soVaoSo: '1/2021',
        maXacMinh: 'AB23CD45EF',
        duongDanXacMinh: 'https://tdkt.example.gov.vn/xac-minh/AB23CD45EF',
        diaDanh: ADMIN.diaDanh,
        ngayThang: ADMIN.ngayThang,
        quyenHan: ADMIN.quyenHan,
        chucVuNguoiKy: ADMIN.chucVuNguoiKy,
        nguoiKy: ADMIN.nguoiKy,
      };
  }
}
