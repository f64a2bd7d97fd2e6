/** Báo cáo sơ kết / tổng kết (DOCX) from a report's figures and narrative, through the unit's template (or the default). */
import type { Executor } from '../db/client.js';
import { unsafeFindUnitWithParent } from '../repositories/dossiers.js';
import { templateFor } from '../repositories/templates.js';
import { renderDocument } from '../documents/index.js';
import { signerLines } from '../documents/docx/model.js';
import { HONORS, HONOR_INFO } from '../../shared/codes.js';
import { INDICATORS } from '../reports/indicators.js';
import { formatLongDateVi, formatNumberVi } from '../../shared/format-vi.js';
import { todayVn } from '../clock.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { NARRATIVE_KEYS, type ReportKind } from '../../shared/schemas/reports.js';

export interface ReportDocInput {
  /** The unit whose report it is (its header, its template). */
  unitId: string;
  kind: string;
  title: string;
  periodFrom: string;
  periodTo: string;
  /** The unit the report goes to (nơi nhận). */
  recipientName: string | null;
  figures: Record<string, number>;
  narrative: Record<string, string>;
  /** A roll-up: the figures each unit reported (printed as the table "theo đơn vị"). */
  byUnit?: { unitName: string; figures: Record<string, number> }[];
  /** Số văn bản, when the user gives one. */
  so?: string | undefined;
  /** Who signs (the unit's head): their position and name in the signer block; none leaves the name to write by hand. */
  signer?: { title: string; name: string };
}

/** Awards of a report's figures: collectives (and households) and individuals. */
function awardCounts(f: Record<string, number>): { tapThe: number; caNhan: number } {
  let tapThe = 0;
  let caNhan = 0;
  for (const h of HONORS) {
    tapThe += (f[`honor:${h}:collective`] ?? 0) + (f[`honor:${h}:household`] ?? 0);
    caNhan += f[`honor:${h}:individual`] ?? 0;
  }
  return { tapThe, caNhan };
}

/**
 * The narrative of a roll-up from the units' sent reports: each section gathers the units' points,
 * each led by its unit's name, for the Office to edit in Word (docs/decisions.md).
 */
export function rollupNarrative(reports: { unitName: string; narrative: Record<string, string> }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of NARRATIVE_KEYS) {
    const parts = reports.flatMap((r) => lines(r.narrative[key]).map((l) => `${r.unitName}: ${l}`));
    if (parts.length) out[key] = parts.join('\n');
  }
  return out;
}

const lines = (s: string | undefined) =>
  (s ?? '')
    .split(/\n+/)
    .map((x) => x.trim())
    .filter(Boolean);

const PHRASE: Record<ReportKind, string> = { six_month: 'Sơ kết', annual: 'Tổng kết', movement: 'Tổng kết', ad_hoc: 'Kết quả' };

export async function reportDocx(tx: Executor, d: ReportDocInput): Promise<Buffer> {
  const { unit, parent } = await unsafeFindUnitWithParent(tx, d.unitId);
  const signer = d.signer ? signerLines({ ...d.signer, agency: unit?.name ?? null }) : null;
  const place = /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(parent?.name ?? unit?.name ?? '')?.[1] ?? '';
  const f = d.figures;
  const tongHop = HONORS.map((h) => ({
    honor: h,
    tapThe: (f[`honor:${h}:collective`] ?? 0) + (f[`honor:${h}:household`] ?? 0),
    caNhan: f[`honor:${h}:individual`] ?? 0,
  }))
    .filter((x) => x.tapThe + x.caNhan > 0)
    .map((x, i) => ({ stt: i + 1, hinhThuc: HONOR_INFO[x.honor].label, tapThe: formatNumberVi(x.tapThe), caNhan: formatNumberVi(x.caNhan), ghiChu: '' }));
  const soLieu = INDICATORS.filter((i) => i.group !== 'honor' && (i.group !== 'type' || (f[i.key] ?? 0) > 0)).map((i, n) => ({
    stt: n + 1,
    chiTieu: i.label,
    // The money row's label carries its unit, '(đồng)': the figure is the bare number.
    soLieu: formatNumberVi(f[i.key] ?? 0),
  }));
  const results = lines(d.narrative.results);
  const theoDonVi = (d.byUnit ?? []).map((u, i) => {
    const c = awardCounts(u.figures);
    return {
      stt: i + 1,
      donVi: u.unitName,
      tapThe: formatNumberVi(c.tapThe),
      caNhan: formatNumberVi(c.caNhan),
      tienThuong: formatNumberVi(u.figures.money ?? 0),
    };
  });
  return renderDocument(
    'bao_cao_tong_ket',
    {
      coQuanChuQuan: (parent?.name ?? '').toUpperCase(),
      coQuanBanHanh: (unit?.name ?? '').toUpperCase(),
      so: d.so ?? '',
      kyHieu: `BC-${unit?.code ?? ''}`.replace(/-$/, ''),
      diaDanh: place,
      ngayThang: formatLongDateVi(todayVn()),
      loaiBaoCao: PHRASE[d.kind as ReportKind] ?? 'Kết quả',
      trichYeu: `công tác thi đua, khen thưởng từ ngày ${formatDateVi(d.periodFrom)} đến ngày ${formatDateVi(d.periodTo)} của ${unit?.name ?? ''}`,
      noiDung: results.length ? results : [`${d.title}: số liệu từ ngày ${formatDateVi(d.periodFrom)} đến ngày ${formatDateVi(d.periodTo)}.`],
      tongHop,
      theoDonVi,
      soLieu,
      tonTai: lines(d.narrative.shortcomings),
      baiHoc: lines(d.narrative.lessons),
      phuongHuong: lines(d.narrative.proposals),
      noiNhan: [...(d.recipientName ? [`${d.recipientName} (b/c);`] : []), 'Lưu: VT.'],
      quyenHan: signer?.quyenHan ?? '',
      chucVuNguoiKy: signer?.chucVuNguoiKy || (signer?.quyenHan ? '' : 'THỦ TRƯỞNG ĐƠN VỊ'),
      nguoiKy: signer?.nguoiKy ?? '',
    },
    await templateFor(tx, d.unitId, 'bao_cao_tong_ket'),
  );
}
