import { seedDemoExemplars } from './exemplars-seed.js';
import { randomBytes } from 'node:crypto';
import type { Db, Executor } from '../db/client.js';
import { countUnits, insertUnit } from '../repositories/units.js';
import { insertPerson } from '../repositories/people.js';
import { insertCouncil, insertCouncilMember } from '../repositories/councils.js';
import { insertAccount } from '../repositories/accounts.js';
import { now } from '../clock.js';
import { hashPassword } from '../auth/passwords.js';
import { recordAudit } from '../audit/record.js';
import { makeCccd } from '../../shared/cccd.js';
import { seedDemoRecords } from './records-seed.js';
import { seedDemoPlans } from './plans-seed.js';
import { seedDemoOffice } from './office-seed.js';
import { seedDemoClusters } from './clusters-seed.js';
import { seedDemoConsultations } from './consultations-seed.js';
import { seedDemoSigning } from './signing-seed.js';
import { seedDemoInitiatives } from './initiatives-seed.js';
import { vietnameseNameSortKey } from '../../shared/vietnamese.js';
import type { EmploymentType, Gender, Role, UnitKind } from '../../shared/codes.js';

/**
 * The demo agency: Sở Khoa học và Công nghệ tỉnh Cao Bằng, whose 2021 campaign plan is seed 001
 * (Văn phòng Sở as standing body, Thanh tra Sở, the professional offices, Trung tâm Ứng dụng
 * tiến bộ KH&CN, the trade union and youth union), with about 60 staff and both councils.
 */
interface DemoUnit {
  key: string;
  name: string;
  shortName?: string;
  code: string;
  kind: UnitKind;
  parent?: string;
  staff: number;
}

const DEMO_UNITS: DemoUnit[] = [
  { key: 'so', name: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng', shortName: 'Sở KH&CN', code: 'SKHCN', kind: 'agency', staff: 3 },
  { key: 'vp', name: 'Văn phòng Sở', code: 'VP', kind: 'office', parent: 'so', staff: 9 },
  { key: 'tt', name: 'Thanh tra Sở', code: 'TTr', kind: 'department', parent: 'so', staff: 5 },
  { key: 'khtc', name: 'Phòng Kế hoạch - Tài chính', code: 'KHTC', kind: 'department', parent: 'so', staff: 5 },
  { key: 'qlkh', name: 'Phòng Quản lý khoa học', code: 'QLKH', kind: 'department', parent: 'so', staff: 6 },
  { key: 'qlcn', name: 'Phòng Quản lý công nghệ và Thị trường công nghệ', code: 'QLCN', kind: 'department', parent: 'so', staff: 5 },
  { key: 'cc', name: 'Chi cục Tiêu chuẩn Đo lường Chất lượng', code: 'CCTĐC', kind: 'subordinate', parent: 'so', staff: 9 },
  {
    key: 'ttud',
    name: 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ',
    shortName: 'Trung tâm Ứng dụng tiến bộ KH&CN',
    code: 'TTUD',
    kind: 'subordinate',
    parent: 'so',
    staff: 12,
  },
  { key: 'ttud_kt', name: 'Phòng Kỹ thuật - Ứng dụng', code: 'KTUD', kind: 'department', parent: 'ttud', staff: 4 },
  { key: 'cd', name: 'Công đoàn cơ sở Sở Khoa học và Công nghệ', shortName: 'Công đoàn Sở', code: 'CĐ', kind: 'union', parent: 'so', staff: 0 },
  { key: 'doan', name: 'Chi đoàn Thanh niên Sở Khoa học và Công nghệ', shortName: 'Chi đoàn Sở', code: 'CĐTN', kind: 'union', parent: 'so', staff: 0 },
  { key: 'ccb', name: 'Chi hội Cựu chiến binh Sở Khoa học và Công nghệ', shortName: 'Chi hội CCB', code: 'CCB', kind: 'union', parent: 'so', staff: 0 },
];

const FAMILY = ['Nguyễn', 'Hoàng', 'Nông', 'Lưu', 'Bế', 'Đàm', 'Lục', 'Triệu', 'Hà', 'Lý', 'Lê', 'Phạm', 'Trần', 'Vi', 'Mã', 'Đinh'];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thanh', 'Xuân', 'Công'];
const MIDDLE_F = ['Thị', 'Thu', 'Thanh', 'Minh', 'Ngọc', 'Thùy', 'Hồng', 'Kim'];
const GIVEN_M = ['Đức', 'Anh', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khánh', 'Long', 'Mạnh', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng', 'Tuấn', 'Việt', 'Vinh'];
const GIVEN_F = ['Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Thảo', 'Trang', 'Uyên', 'Vân', 'Yến', 'Ánh'];
const POSITIONS = ['Chuyên viên', 'Chuyên viên chính', 'Kỹ thuật viên', 'Kế toán viên', 'Nhân viên', 'Viên chức'];

/** A small deterministic generator so that the demo data is the same on every machine. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const DEMO_USERNAMES = ['admin', 'vanphong', 'donvi', 'hoidong', 'giamdoc', 'canhan', 'thutruong'] as const;

export interface DemoResult {
  password: string;
  generated: boolean;
  rootUnitId: string;
}

export async function isDatabaseEmpty(db: Executor): Promise<boolean> {
  return (await countUnits(db)) === 0;
}

/** Inserts the demo agency and one account per role, in one transaction. */
export async function seedDemo(db: Db, passwordFromEnv?: string): Promise<DemoResult> {
  const password = passwordFromEnv ?? `Tdkt-${randomBytes(6).toString('base64url')}9`;
  const hash = await hashPassword(password);
  const rand = rng(2021);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;

  return db.transaction(async (tx) => {
    const ids = new Map<string, { id: string; path: string; depth: number }>();
    for (const [i, u] of DEMO_UNITS.entries()) {
      const id = crypto.randomUUID();
      const parent = u.parent ? ids.get(u.parent)! : undefined;
      const path = `${parent?.path ?? '/'}${id}/`;
      const depth = parent ? parent.depth + 1 : 0;
      ids.set(u.key, { id, path, depth });
      await insertUnit(tx, {
        id,
        parentId: parent?.id ?? null,
        path,
        depth,
        name: u.name,
        shortName: u.shortName ?? null,
        code: u.code,
        kind: u.kind,
        sortOrder: i,
      });
    }
    const unitId = (key: string) => ids.get(key)!.id;

    type P = { key: string; fullName: string; gender: Gender; position: string; isLeader: boolean; employmentType: EmploymentType; birthYear: number };
    const named: P[] = [
      { key: 'so', fullName: 'Hoàng Văn Thạch', gender: 'nam', position: 'Giám đốc Sở', isLeader: true, employmentType: 'cong_chuc', birthYear: 1968 },
      { key: 'so', fullName: 'Nông Thị Hạnh', gender: 'nu', position: 'Phó Giám đốc Sở', isLeader: true, employmentType: 'cong_chuc', birthYear: 1972 },
      { key: 'so', fullName: 'Lưu Đức Minh', gender: 'nam', position: 'Phó Giám đốc Sở', isLeader: true, employmentType: 'cong_chuc', birthYear: 1975 },
      { key: 'vp', fullName: 'Bế Thị Thu Hà', gender: 'nu', position: 'Chánh Văn phòng', isLeader: true, employmentType: 'cong_chuc', birthYear: 1978 },
      {
        key: 'vp',
        fullName: 'Đàm Văn Long',
        gender: 'nam',
        position: 'Chuyên viên phụ trách thi đua, khen thưởng',
        isLeader: false,
        employmentType: 'cong_chuc',
        birthYear: 1986,
      },
      { key: 'vp', fullName: 'Nguyễn Văn Đức', gender: 'nam', position: 'Chuyên viên', isLeader: false, employmentType: 'cong_chuc', birthYear: 1990 },
      { key: 'tt', fullName: 'Triệu Văn Sơn', gender: 'nam', position: 'Chánh Thanh tra', isLeader: true, employmentType: 'cong_chuc', birthYear: 1974 },
      { key: 'ttud', fullName: 'Lục Văn Hùng', gender: 'nam', position: 'Giám đốc Trung tâm', isLeader: true, employmentType: 'vien_chuc', birthYear: 1976 },
      {
        key: 'ttud',
        fullName: 'Hà Thị Mai',
        gender: 'nu',
        position: 'Viên chức phụ trách thi đua',
        isLeader: false,
        employmentType: 'vien_chuc',
        birthYear: 1988,
      },
      { key: 'ttud', fullName: 'Lý Thị Phương', gender: 'nu', position: 'Kỹ sư nông nghiệp', isLeader: false, employmentType: 'vien_chuc', birthYear: 1992 },
    ];
    const all: P[] = [...named];
    for (const u of DEMO_UNITS) {
      const have = named.filter((n) => n.key === u.key).length;
      for (let i = have; i < u.staff; i++) {
        const gender: Gender = rand() < 0.5 ? 'nam' : 'nu';
        const fullName = `${pick(FAMILY)} ${pick(gender === 'nam' ? MIDDLE_M : MIDDLE_F)} ${pick(gender === 'nam' ? GIVEN_M : GIVEN_F)}`;
        const isHead = i === have && have === 0 && u.kind !== 'union';
        all.push({
          key: u.key,
          fullName,
          gender,
          position: isHead ? (u.kind === 'subordinate' ? 'Chi cục trưởng' : 'Trưởng phòng') : pick(POSITIONS),
          isLeader: isHead,
          employmentType:
            u.kind === 'subordinate' || u.parent === 'ttud' ? (rand() < 0.8 ? 'vien_chuc' : 'nguoi_lao_dong') : rand() < 0.9 ? 'cong_chuc' : 'nguoi_lao_dong',
          birthYear: 1965 + Math.floor(rand() * 35),
        });
      }
    }
    const personIds = new Map<string, string>();
    for (const [i, p] of all.entries()) {
      const month = 1 + (i % 12);
      const row = await insertPerson(tx, {
        unitId: unitId(p.key),
        fullName: p.fullName,
        sortKey: vietnameseNameSortKey(p.fullName),
        gender: p.gender,
        birthDate: `${p.birthYear}-${String(month).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`,
        cccd: makeCccd('004', p.gender, p.birthYear, 100000 + i * 37),
        position: p.position,
        isLeader: p.isLeader,
        employmentType: p.employmentType,
      });
      if (!personIds.has(p.fullName)) personIds.set(p.fullName, row.id);
    }
    const person = (name: string) => personIds.get(name)!;

    // Councils of the Sở (seed 001: the Hội đồng TĐKT appraises; seed 002: an initiative council scores).
    const hd = await insertCouncil(tx, {
      unitId: unitId('so'),
      kind: 'tdkt',
      name: 'Hội đồng Thi đua - Khen thưởng Sở Khoa học và Công nghệ',
      establishedBy: '15/QĐ-SKHCN ngày 12/01/2024',
      termStart: '2024-01-12',
    });
    const sk = await insertCouncil(tx, {
      unitId: unitId('so'),
      kind: 'sang_kien',
      name: 'Hội đồng Sáng kiến Sở Khoa học và Công nghệ',
      establishedBy: '16/QĐ-SKHCN ngày 12/01/2024',
      termStart: '2024-01-12',
    });
    const members: [string, string, string][] = [
      [hd.id, 'Hoàng Văn Thạch', 'chu_tich'],
      [hd.id, 'Nông Thị Hạnh', 'pho_chu_tich'],
      [hd.id, 'Bế Thị Thu Hà', 'uy_vien'],
      [hd.id, 'Triệu Văn Sơn', 'uy_vien'],
      [hd.id, 'Lục Văn Hùng', 'uy_vien'],
      [hd.id, 'Đàm Văn Long', 'thu_ky'],
      [sk.id, 'Lưu Đức Minh', 'chu_tich'],
      [sk.id, 'Triệu Văn Sơn', 'uy_vien'],
      [sk.id, 'Lục Văn Hùng', 'uy_vien'],
      [sk.id, 'Nguyễn Văn Đức', 'thu_ky'],
    ];
    for (const [councilId, name, position] of members) {
      await insertCouncilMember(tx, { councilId, personId: person(name), position, fromDate: '2024-01-12' });
    }

    const demoAccounts: { username: (typeof DEMO_USERNAMES)[number]; displayName: string; role: Role; unit: string; person?: string }[] = [
      { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', unit: 'so' },
      { username: 'vanphong', displayName: 'Đàm Văn Long (Văn phòng Sở)', role: 'office', unit: 'so', person: 'Đàm Văn Long' },
      { username: 'donvi', displayName: 'Hà Thị Mai (Trung tâm Ứng dụng)', role: 'clerk', unit: 'ttud', person: 'Hà Thị Mai' },
      { username: 'hoidong', displayName: 'Triệu Văn Sơn (Ủy viên Hội đồng)', role: 'council', unit: 'so', person: 'Triệu Văn Sơn' },
      { username: 'giamdoc', displayName: 'Hoàng Văn Thạch (Giám đốc Sở)', role: 'head', unit: 'so', person: 'Hoàng Văn Thạch' },
      { username: 'canhan', displayName: 'Lý Thị Phương', role: 'staff', unit: 'ttud', person: 'Lý Thị Phương' },
      // The Trung tâm's director: confirms and seals its Báo cáo thành tích.
      { username: 'thutruong', displayName: 'Lục Văn Hùng (Giám đốc Trung tâm Ứng dụng)', role: 'head', unit: 'ttud', person: 'Lục Văn Hùng' },
    ];
    for (const a of demoAccounts) {
      await insertAccount(tx, {
        username: a.username,
        displayName: a.displayName,
        role: a.role,
        unitId: unitId(a.unit),
        personId: a.person ? person(a.person) : null,
        passwordHash: hash,
        passwordChangedAt: passwordFromEnv ? now() : null,
      });
    }
    await seedDemoRecords(tx, unitId('so'));
    await seedDemoPlans(tx, unitId('so'));
    await seedDemoExemplars(tx, unitId, person);
    await seedDemoOffice(tx, unitId('so'));
    await seedDemoClusters(tx, unitId('so'));
    await seedDemoConsultations(tx, unitId('so'));
    await seedDemoInitiatives(tx, unitId('so'), sk.id, unitId, person);
    await seedDemoSigning(
      tx,
      { unitId: unitId('so'), name: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng' },
      { personId: person('Hoàng Văn Thạch'), name: 'Hoàng Văn Thạch' },
      // The Council's secretary and a member (the demo's Ban kiểm phiếu can sign its Biên bản); the Trung tâm's
      // director and its clerk (a Báo cáo thành tích: the person reporting, the head confirming), with its own seal.
      [
        ...['Đàm Văn Long', 'Triệu Văn Sơn'].map((name) => ({ personId: person(name), name })),
        ...['Lục Văn Hùng', 'Hà Thị Mai'].map((name) => ({ personId: person(name), name, unitId: unitId('ttud') })),
      ],
      [{ unitId: unitId('ttud'), name: DEMO_UNITS.find((u) => u.key === 'ttud')!.name }],
    );
    await recordAudit(
      tx,
      { username: 'system' },
      {
        action: 'system.demo_seeded',
        entityType: 'system',
        unitId: unitId('so'),
        summary: `Khởi tạo dữ liệu mẫu: ${DEMO_UNITS.length} đơn vị, ${all.length} cán bộ, 2 hội đồng, ${demoAccounts.length} tài khoản`,
      },
    );
    return { password, generated: !passwordFromEnv, rootUnitId: unitId('so') };
  });
}
