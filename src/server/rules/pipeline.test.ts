import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REGIMES } from '../../shared/codes.js';
import { checklistFor } from '../../shared/dossiers.js';
import { describePack, pipelineViewSchema } from './describe.js';
import { applyOverrides, checkOverride, ruleOverrideSchema, type OverrideChange, type RuleOverride } from './overrides.js';
import { ND91_2017_PACK, ND98_2023_PACK, ND152_2025_PACK, PACKS } from './packs/index.js';
import {
  checklistRequirements,
  honorRank,
  isLowerHonor,
  limitedSteps,
  majorityNeeded,
  majorityPhrase,
  publicNotice,
  quorum,
  quorumNeeded,
  quorumShortText,
  requiredDocuments,
  stepTimeLimit,
  unitAuthority,
} from './pipeline.js';
import { RuleError, type RulePack } from './types.js';

const override = (changes: OverrideChange[], extra: Partial<RuleOverride> = {}): RuleOverride => ({
  id: 'qc-hoi-dong',
  version: 1,
  agency: 'SKHCN',
  basis: 'QĐ 7/2025/QĐ-SKHCN',
  effectiveFrom: '2024-01-01',
  changes,
  ...extra,
});
const withOverride = (pack: RulePack, changes: OverrideChange[], onDate = '2025-08-01') => applyOverrides(pack, [override(changes)], onDate);

test('every pipeline parameter of every regime carries its article and verified flag', () => {
  for (const regime of REGIMES) {
    const p = PACKS[regime].pipeline;
    const items = [...p.documents, ...p.publicNotice, ...p.stepLimits, p.quorum, p.majority, p.honorOrder, ...p.unitAuthority];
    for (const x of items) assert.ok(x.article.length > 0 && typeof x.verified === 'boolean', `${regime} ${JSON.stringify(x)}`);
    assert.ok(Object.isFrozen(p.quorum), 'packs stay frozen');
  }
  // Step limits cite the regime's own instrument, not NĐ 98 everywhere.
  assert.match(stepTimeLimit(ND98_2023_PACK, 'received')!.article, /Điều 32 NĐ 98\/2023/);
  assert.match(stepTimeLimit(ND152_2025_PACK, 'received')!.article, /QĐ 311\/QĐ-BNV/);
  assert.doesNotMatch(stepTimeLimit(ND91_2017_PACK, 'received')!.article, /NĐ 98/);
  assert.equal(stepTimeLimit(ND91_2017_PACK, 'received')!.verified, false);
  assert.equal(stepTimeLimit(ND152_2025_PACK, 'draft'), null);
  assert.deepEqual(limitedSteps(ND152_2025_PACK), ['submitted', 'received', 'appraising', 'reviewed', 'returned']);
});

test('required documents per honor and type; the checklist follows the pack', () => {
  const kinds = (pack: RulePack, h: Parameters<typeof requiredDocuments>[1], t: Parameters<typeof requiredDocuments>[2]) =>
    requiredDocuments(pack, h, t).map((d) => d.kind);
  assert.deepEqual(kinds(ND152_2025_PACK, 'CSTDCS', 'cong_trang'), ['to_trinh', 'bien_ban_hop_xet', 'bao_cao_thanh_tich', 'minh_chung']);
  assert.deepEqual(kinds(ND152_2025_PACK, 'GK', 'dot_xuat'), ['to_trinh', 'bao_cao_thanh_tich']);
  assert.equal(requiredDocuments(ND91_2017_PACK, 'GK', 'cong_trang')[0]!.verified, false, 'Old-Law dossier article is UNVERIFIED');
  // An agency adds its own document: the checklist of a dossier now lists it as missing.
  const pack = withOverride(ND152_2025_PACK, [
    {
      op: 'set_document',
      document: {
        id: 'xac_nhan_cong_an',
        kind: 'minh_chung',
        per: 'candidate',
        label: 'Xác nhận chấp hành pháp luật của Công an nơi cư trú',
        honors: ['GK'],
        article: 'Điều 10 QĐ 7/2025/QĐ-SKHCN',
        verified: true,
      },
    },
  ]);
  const cands = [{ id: 'a', displayName: 'Lý Thị Phương', honor: 'GK' as const }];
  const docs = [
    { kind: 'to_trinh' as const, candidateId: null },
    { kind: 'bien_ban_hop_xet' as const, candidateId: null },
    { kind: 'bao_cao_thanh_tich' as const, candidateId: 'a' },
  ];
  assert.equal(checklistFor('cong_trang', cands, docs, checklistRequirements(ND152_2025_PACK)).complete, true);
  const c = checklistFor('cong_trang', cands, docs, checklistRequirements(pack));
  assert.equal(c.complete, false);
  assert.deepEqual(c.missing, ['Xác nhận chấp hành pháp luật của Công an nơi cư trú của Lý Thị Phương']);
  assert.equal(c.items.find((i) => i.label.startsWith('Xác nhận'))?.article, 'Điều 10 QĐ 7/2025/QĐ-SKHCN');
});

test('what the law requires in the dossier cannot be removed or replaced by an agency', () => {
  const remove = override([{ op: 'remove_document', id: 'bao_cao_thanh_tich' }]);
  assert.match(checkOverride(ND152_2025_PACK, remove).join(), /do pháp luật quy định .*chỉ được bổ sung/);
  assert.throws(
    () => applyOverrides(ND152_2025_PACK, [remove], '2025-08-01'),
    (e) => e instanceof RuleError && e.code === 'override_not_allowed',
  );
  const replace = override([
    { op: 'set_document', document: { id: 'to_trinh', kind: 'to_trinh', per: 'dossier', label: 'Công văn', article: 'x', verified: true } },
  ]);
  assert.match(checkOverride(ND98_2023_PACK, replace).join(), /Tờ trình/);
  // An agency's own document can be removed again by a later override.
  const added = withOverride(ND152_2025_PACK, [
    { op: 'set_document', document: { id: 'rieng', kind: 'khac', per: 'dossier', label: 'Bản cam kết', article: 'x', verified: true } },
  ]);
  assert.deepEqual(checkOverride(added, override([{ op: 'remove_document', id: 'rieng' }])), []);
  assert.match(checkOverride(ND152_2025_PACK, override([{ op: 'remove_document', id: 'khong_co' }])).join(), /Không có tài liệu "khong_co"/);
});

test('public notice: which honors, how many working days, and what an agency may change', () => {
  assert.deepEqual(publicNotice(ND98_2023_PACK, 'HCLD3'), {
    required: true,
    minWorkingDays: 10,
    article: 'Khoản 5 Điều 84 Luật 06/2022/QH15; Khoản 2 Điều 46 NĐ 98/2023/NĐ-CP',
    verified: true,
  });
  assert.equal(publicNotice(ND98_2023_PACK, 'GK').required, false);
  assert.equal(publicNotice(ND98_2023_PACK, 'CSTD_TQ').verified, false, 'ND98 Art 46 names orders and state titles only');
  assert.equal(publicNotice(ND91_2017_PACK, 'CSTD_TQ').required, true);
  assert.equal(publicNotice(ND152_2025_PACK, 'HCLD1').verified, false, 'ND152 clause UNVERIFIED');
  // The minimum days is the pack's deadline: one number, overridable with set_deadline.
  const longer = withOverride(
    ND98_2023_PACK,
    [
      {
        op: 'set_deadline',
        deadline: { id: 'cong_khai_truoc_hop', label: 'Công khai 15 ngày', kind: 'working_days', days: 15, article: 'QĐ 7/2025', verified: true },
      },
    ],
    '2025-01-01',
  );
  assert.equal(publicNotice(longer, 'HCLD2').minWorkingDays, 15);
  const shorter = override([
    { op: 'set_deadline', deadline: { id: 'cong_khai_truoc_hop', label: 'x', kind: 'working_days', days: 5, article: 'x', verified: true } },
  ]);
  assert.match(checkOverride(ND98_2023_PACK, shorter).join(), /ít nhất 10 ngày làm việc/);
  assert.match(checkOverride(ND98_2023_PACK, override([{ op: 'remove_deadline', id: 'cong_khai_truoc_hop' }])).join(), /chỉ được kéo dài/);
  // Adding an honor to the notice list; removing one the law names is refused; removing an UNVERIFIED one is not.
  const bk = withOverride(ND152_2025_PACK, [{ op: 'set_public_notice', honor: 'BK_TTG', required: true }]);
  assert.deepEqual(publicNotice(bk, 'BK_TTG'), {
    required: true,
    minWorkingDays: 10,
    article: `QĐ 7/2025/QĐ-SKHCN; ${ND152_2025_PACK.deadlines.find((d) => d.id === 'cong_khai_truoc_hop')!.article}`,
    verified: false,
  });
  assert.match(checkOverride(ND98_2023_PACK, override([{ op: 'set_public_notice', honor: 'HCLD3', required: false }])).join(), /phải được công khai/);
  const noCstd = withOverride(ND98_2023_PACK, [{ op: 'set_public_notice', honor: 'CSTD_TQ', required: false }], '2025-01-01');
  assert.equal(publicNotice(noCstd, 'CSTD_TQ').required, false);
});

test('step limits are overridable per step', () => {
  const p = withOverride(ND152_2025_PACK, [
    { op: 'set_step_limit', step: 'received', workingDays: 15 },
    { op: 'set_step_limit', step: 'in_council', workingDays: 30, label: 'Hội đồng họp xét' },
    { op: 'remove_step_limit', step: 'returned' },
  ]);
  assert.deepEqual(stepTimeLimit(p, 'received'), {
    step: 'received',
    workingDays: 15,
    label: 'Thẩm định hồ sơ',
    article: 'QĐ 7/2025/QĐ-SKHCN',
    verified: true,
    note: 'Quy định riêng của cơ quan (qc-hoi-dong@1)',
  });
  assert.equal(stepTimeLimit(p, 'in_council')?.workingDays, 30);
  assert.equal(stepTimeLimit(p, 'returned'), null);
  assert.equal(stepTimeLimit(ND152_2025_PACK, 'received')?.workingDays, 20, 'the built-in pack is untouched');
  assert.match(checkOverride(p, override([{ op: 'remove_step_limit', step: 'returned' }])).join(), /không có thời hạn/);
});

test('quorum and the majority fallback are pack data an agency may set', () => {
  assert.equal(quorum(ND152_2025_PACK).verified, false);
  assert.equal(quorumNeeded(ND152_2025_PACK, 6), 4);
  assert.equal(quorumNeeded(ND152_2025_PACK, 9), 6);
  assert.equal(quorumShortText(ND152_2025_PACK, 3, 6), 'Không đủ số thành viên dự họp: có mặt 3/6, cần ít nhất 4 (2/3 tổng số thành viên).');
  const strict = withOverride(ND152_2025_PACK, [{ op: 'set_quorum', share: 0.8 }]);
  assert.equal(quorumNeeded(strict, 6), 5);
  assert.equal(quorumShortText(strict, 4, 6), 'Không đủ số thành viên dự họp: có mặt 4/6, cần ít nhất 5 (80% tổng số thành viên).');
  assert.equal(quorum(strict).article, 'QĐ 7/2025/QĐ-SKHCN');

  assert.equal(majorityNeeded(ND152_2025_PACK, 6), 4, 'more than half of 6');
  assert.equal(majorityPhrase(ND152_2025_PACK), 'quá bán');
  assert.equal(majorityNeeded(ND152_2025_PACK, 7), 4);
  const half = withOverride(ND152_2025_PACK, [{ op: 'set_majority', share: 0.5, strict: false }]);
  assert.equal(majorityNeeded(half, 6), 3);
  assert.equal(majorityPhrase(half), 'từ 50%');
  const twoThirds = withOverride(ND152_2025_PACK, [{ op: 'set_majority', share: 2 / 3, strict: false }]);
  assert.equal(majorityNeeded(twoThirds, 9), 6);
  assert.equal(majorityPhrase(twoThirds), 'từ 2/3');
});

test('honor order and the authority of a unit kind', () => {
  assert.equal(isLowerHonor(ND152_2025_PACK, 'LDTT', 'GK'), true);
  assert.equal(isLowerHonor(ND152_2025_PACK, 'BK_BO_TINH', 'GK'), false);
  assert.equal(isLowerHonor(ND152_2025_PACK, 'GK', 'GK'), false);
  const p = withOverride(ND152_2025_PACK, [{ op: 'set_honor_rank', honor: 'KNC', rank: 4 }]);
  assert.equal(honorRank(p, 'KNC'), 4);
  assert.equal(isLowerHonor(p, 'GK', 'KNC'), true);

  assert.equal(unitAuthority(ND152_2025_PACK, 'agency'), 'thu_truong_don_vi');
  assert.equal(unitAuthority(ND152_2025_PACK, 'department'), null);
  assert.equal(unitAuthority(ND152_2025_PACK, 'no_such_kind'), null);
  const dept = withOverride(ND152_2025_PACK, [{ op: 'set_unit_authority', unitKind: 'department', who: 'thu_truong_don_vi' }]);
  assert.equal(unitAuthority(dept, 'department'), 'thu_truong_don_vi');
  const none = withOverride(ND152_2025_PACK, [{ op: 'set_unit_authority', unitKind: 'subordinate', who: null }]);
  assert.equal(unitAuthority(none, 'subordinate'), null);
});

test('override schema: the pipeline operations, with Vietnamese messages', () => {
  const ok = ruleOverrideSchema.safeParse(
    override([
      { op: 'set_quorum', share: 0.8 },
      { op: 'set_step_limit', step: 'received', workingDays: 15 },
      { op: 'set_unit_authority', unitKind: 'department', who: null },
    ]),
  );
  assert.equal(ok.success, true, JSON.stringify(ok.error?.issues));
  const bad = ruleOverrideSchema.safeParse(
    override([
      { op: 'set_quorum', share: 1.5 },
      { op: 'set_step_limit', step: 'nowhere' as 'received', workingDays: 0 },
      { op: 'set_majority', share: 0.3, strict: true },
    ]),
  );
  assert.equal(bad.success, false);
  const msgs = bad.error?.issues.map((i) => i.message).join(' | ') ?? '';
  assert.match(msgs, /Tỷ lệ thành viên có mặt phải lớn hơn 0 và không quá 1/);
  assert.match(msgs, /Bước xử lý không hợp lệ/);
  assert.match(msgs, /Số ngày làm việc phải là số nguyên từ 1 đến 365/);
  assert.match(msgs, /Tỷ lệ biểu quyết phải từ 50% đến 100%/);
  const doc = ruleOverrideSchema.safeParse(
    override([{ op: 'set_document', document: { id: 'x', kind: 'hop_dong' as 'khac', per: 'dossier', label: 'x', article: 'x', verified: true } }]),
  );
  assert.match(doc.error?.issues.map((i) => i.message).join() ?? '', /Loại tài liệu không hợp lệ/);
});

test('the rule viewer shows the pipeline parameters, overridden or not', () => {
  for (const regime of REGIMES) {
    const view = describePack(regime);
    assert.deepEqual(pipelineViewSchema.parse(view.pipeline), view.pipeline, regime);
    assert.ok(view.pipeline.unverifiedCount > 0, `${regime}: quorum and majority are UNVERIFIED`);
  }
  const v = describePack('ND152_2025', withOverride(ND152_2025_PACK, [{ op: 'set_quorum', share: 0.8 }]), '2025-08-01').pipeline;
  assert.equal(v.quorum.text, 'Phiên họp hợp lệ khi có từ 80% tổng số thành viên có mặt (Hội đồng 10 người: cần 8)');
  assert.equal(v.quorum.verified, true);
  const base = describePack('ND98_2023').pipeline;
  assert.equal(base.quorum.text, 'Phiên họp hợp lệ khi có từ 2/3 tổng số thành viên có mặt (Hội đồng 10 người: cần 7)');
  assert.equal(base.majority.text, 'Hình thức không có tỷ lệ riêng: trên 50% tổng số thành viên đồng ý (Hội đồng 10 người: cần 6)');
  assert.equal(base.publicNotice.minWorkingDays, 10);
  assert.equal(
    base.publicNotice.text,
    'Công khai danh sách đề nghị Huân chương Lao động hạng Ba, Huân chương Lao động hạng Nhì, Huân chương Lao động hạng Nhất, Huân chương Lao động (chưa xác định hạng), Anh hùng Lao động, Anh hùng LLVTND, CSTĐ toàn quốc ít nhất 10 ngày làm việc trước khi quyết định',
  );
  assert.equal(
    base.documents.find((d) => d.id === 'minh_chung_sang_kien')?.text,
    'Giấy chứng nhận sáng kiến / đề tài khoa học (của từng cá nhân, tập thể được đề nghị); chỉ với CSTĐCS, CSTĐ bộ, ban, ngành, tỉnh, CSTĐ toàn quốc',
  );
  assert.equal(base.unitAuthority.find((u) => u.unitKind === 'agency')?.whoLabel?.startsWith('Thủ trưởng đơn vị'), true);
});
