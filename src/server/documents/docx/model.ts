/**
 * The one document model every generated document follows (NĐ 30/2020/NĐ-CP, Phụ lục I): the
 * issuing body under its superior, the number and symbol, the place and date, and the signing
 * authority. Pure functions: the presenters read the unit tree, accounts and councils and call
 * these, so every kind prints the header and the signature the same way.
 */

/** Quyền hạn ký (NĐ 30, Phụ lục I, mục II.8.a): thay mặt, ký thay, quyền, thừa lệnh, thừa ủy quyền. */
export const SIGNING_AUTHORITIES = ['TM.', 'KT.', 'Q.', 'TL.', 'TUQ.'] as const;
export type SigningAuthority = (typeof SIGNING_AUTHORITIES)[number];

const upper = (s: string): string => s.trim().toLocaleUpperCase('vi');

/**
 * The issuing body's name as it stands in the header's left column (about 25 capitals a line at
 * 13 pt): a longer name in two balanced lines, broken after a dash where there is one
 * ("HỘI ĐỒNG THI ĐUA -" / "KHEN THƯỞNG"), instead of a last word left alone on the second line.
 * A name that already has its line breaks is kept.
 */
export function headerLines(name: string, perLine = 25): string {
  const text = name.trim();
  if (text.length <= perLine || text.includes('\n')) return text;
  const words = text.split(/\s+/u);
  let best: { at: number; score: number } | null = null;
  for (let at = 1; at < words.length; at++) {
    const first = words.slice(0, at).join(' ');
    const second = words.slice(at).join(' ');
    if (second.startsWith('-')) continue;
    // The longer line as short as it can be; a break after a dash counts as five capitals shorter.
    const score = Math.max(first.length, second.length) - (first.endsWith('-') ? 5 : 0);
    if (!best || score < best.score) best = { at, score };
  }
  return best ? `${words.slice(0, best.at).join(' ')}\n${words.slice(best.at).join(' ')}` : text;
}

/** "… tỉnh Cao Bằng" / "… thành phố Hà Nội" at the end of a unit's name. */
const PROVINCE = /\s+(tỉnh|thành phố)\s+(.+)$/iu;

function provinceOf(name: string): { kind: string; name: string } | null {
  const m = PROVINCE.exec(name.trim());
  return m ? { kind: m[1]!, name: m[2]!.trim() } : null;
}

/** The name without its province suffix ("Sở Khoa học và Công nghệ tỉnh Cao Bằng" → "Sở Khoa học và Công nghệ"). */
function withoutProvince(name: string): string {
  return name.trim().replace(PROVINCE, '');
}

/** NĐ 30 allows the superior's name to be abbreviated: "Ủy ban nhân dân" → "UBND". */
function abbreviated(name: string): string {
  return name.replace(/^(Ủy|Uỷ) ban nhân dân/iu, 'UBND');
}

export interface IssuingBodies {
  /** Tên cơ quan, tổ chức chủ quản trực tiếp (upper case), '' when none. */
  coQuanChuQuan: string;
  /** Tên cơ quan, tổ chức ban hành văn bản (upper case). */
  coQuanBanHanh: string;
  /** Địa danh: the province or city of the nearest unit that names one. */
  diaDanh: string;
}

/**
 * Issuing body and its superior from the unit tree (`chain`: the unit's name, then its ancestors',
 * nearest first). A root agency named after its province gets the province's people's committee
 * as superior ("UBND TỈNH CAO BẰNG" above "SỞ KHOA HỌC VÀ CÔNG NGHỆ"); a unit under another gets
 * its parent's name (without the province, which the place line already says).
 */
export function issuingBodies(chain: readonly string[]): IssuingBodies {
  const own = chain[0] ?? '';
  const parent = chain[1];
  const place = chain.map(provinceOf).find((p) => p !== null);
  const diaDanh = place?.name ?? '';
  if (parent) return { coQuanChuQuan: upper(abbreviated(withoutProvince(parent))), coQuanBanHanh: upper(withoutProvince(own)), diaDanh };
  const ownProvince = provinceOf(own);
  if (ownProvince && !/^(Ủy|Uỷ) ban nhân dân|^UBND/iu.test(own)) {
    return { coQuanChuQuan: upper(`UBND ${ownProvince.kind} ${ownProvince.name}`), coQuanBanHanh: upper(withoutProvince(own)), diaDanh };
  }
  return { coQuanChuQuan: '', coQuanBanHanh: upper(own), diaDanh };
}

/**
 * A council as issuing body (its minutes): the council under its unit —
 * "SỞ KHOA HỌC VÀ CÔNG NGHỆ" above "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG".
 */
export function councilBodies(councilName: string, unitChain: readonly string[]): IssuingBodies {
  const unit = issuingBodies(unitChain);
  const unitName = withoutProvince(unitChain[0] ?? '');
  let name = withoutProvince(councilName.trim());
  if (unitName && name.toLocaleLowerCase('vi').endsWith(` ${unitName.toLocaleLowerCase('vi')}`)) name = name.slice(0, -unitName.length - 1);
  return { coQuanChuQuan: unit.coQuanBanHanh, coQuanBanHanh: upper(name), diaDanh: unit.diaDanh };
}

/** The number as practice writes it: at least two digits ("01", "09", "125"); '' when not given. */
export function documentNumber(n: number | string | null | undefined): string {
  if (n === null || n === undefined) return '';
  const s = String(n).trim();
  return /^\d$/.test(s) ? `0${s}` : s;
}

/** "1/QĐ-SKHCN" → { so: "01", kyHieu: "QĐ-SKHCN" } (a stored number text split for the header). */
export function splitNumberText(numberText: string): { so: string; kyHieu: string } {
  const i = numberText.indexOf('/');
  if (i < 0) return { so: documentNumber(numberText), kyHieu: '' };
  return { so: documentNumber(numberText.slice(0, i)), kyHieu: numberText.slice(i + 1).trim() };
}

/** A stored number ("05/KH-SKHCN", or "05" alone) → number and symbol; none yet → an empty number and the symbol the register will give ("Số:    /BC-SKHCN"). */
export function numberOrSymbol(numberText: string | null | undefined, symbol: string): { so: string; kyHieu: string } {
  if (!numberText?.trim()) return { so: '', kyHieu: symbol };
  const { so, kyHieu } = splitNumberText(numberText.trim());
  return { so, kyHieu: kyHieu || symbol };
}

/** "QD-01-SKHCN-2021": the download name of a numbered document (ASCII, as agencies file them). */
export function documentFileStem(kindAbbrev: string, so: string, unitCode: string, year: number | string): string {
  const ascii = (s: string): string =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return [ascii(kindAbbrev), so ? ascii(so) : '', ascii(unitCode), String(year)].filter(Boolean).join('-');
}

export interface SignerLines {
  /** Quyền hạn: "KT. GIÁM ĐỐC", "TM. HỘI ĐỒNG", "Q. GIÁM ĐỐC"; '' when the head signs. */
  quyenHan: string;
  /** Chức vụ người ký: "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC"; '' for "Q." (the line above says it). */
  chucVuNguoiKy: string;
  nguoiKy: string;
}

/** A position as printed in the signature: upper case, without the agency word ("Phó Giám đốc Sở" → "PHÓ GIÁM ĐỐC"). */
function positionLineOf(position: string, agency?: string | null): string {
  let t = position.trim();
  const body = agency ? withoutProvince(agency) : '';
  if (body && t.toLocaleLowerCase('vi').endsWith(` ${body.toLocaleLowerCase('vi')}`)) t = t.slice(0, -body.length - 1);
  return upper(t.replace(/\s+(Sở|Trung tâm|Chi cục|Văn phòng)$/u, ''));
}

/**
 * The signature lines from what the clerk typed as the signer's title, or from an explicit
 * authority: "Phó Giám đốc" → KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC; "KT. Giám đốc - Phó Giám đốc" as typed;
 * "Quyền Giám đốc" → Q. GIÁM ĐỐC; "TM. Hội đồng - Chủ tịch"; "Giám đốc" → GIÁM ĐỐC.
 */
export function signerLines(input: {
  title: string;
  name: string;
  authority?: SigningAuthority | null;
  headTitle?: string | null;
  /** The issuing body's name, dropped from the end of a title ("Giám đốc Sở Khoa học và Công nghệ" → "GIÁM ĐỐC"). */
  agency?: string | null;
}): SignerLines {
  const title = input.title.trim();
  const name = input.name.trim();
  const positionLine = (t: string): string => positionLineOf(t, input.agency);
  if (input.authority) {
    const head = positionLine(input.headTitle ?? title);
    if (input.authority === 'Q.') return { quyenHan: `Q. ${head}`, chucVuNguoiKy: '', nguoiKy: name };
    return { quyenHan: `${input.authority} ${head}`, chucVuNguoiKy: positionLine(title), nguoiKy: name };
  }
  const typed = /^(TM|KT|Q|TL|TUQ)\.\s*(.+?)(?:\s*[-–,;/|]\s*|\s*\n\s*)(.+)$/u.exec(title);
  if (typed) return { quyenHan: `${typed[1]}. ${positionLine(typed[2]!)}`, chucVuNguoiKy: positionLine(typed[3]!), nguoiKy: name };
  const alone = /^(TM|KT|Q|TL|TUQ)\.\s*(.+)$/u.exec(title);
  if (alone) return { quyenHan: `${alone[1]}. ${positionLine(alone[2]!)}`, chucVuNguoiKy: '', nguoiKy: name };
  const deputy = /^Phó\s+(.+)$/iu.exec(title);
  if (deputy) return { quyenHan: `KT. ${positionLine(input.headTitle ?? deputy[1]!)}`, chucVuNguoiKy: positionLine(title), nguoiKy: name };
  const acting = /^Quyền\s+(.+)$/iu.exec(title);
  if (acting) return { quyenHan: `Q. ${positionLine(acting[1]!)}`, chucVuNguoiKy: '', nguoiKy: name };
  return { quyenHan: '', chucVuNguoiKy: positionLine(title), nguoiKy: name };
}

/** The trích yếu as NĐ 30 writes it: no dash glued in, single spaces. */
export function cleanSummary(text: string): string {
  return text
    .replace(/\s*[—–]\s*/g, ': ')
    .replace(/\s+/g, ' ')
    .trim();
}
