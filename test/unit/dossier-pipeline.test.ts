import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DOSSIER_STATUSES,
  DOSSIER_TRANSITIONS,
  checklistFor,
  commandsFrom,
  decisionNumberText,
  nextStatus,
  quorumRequired,
} from '../../src/shared/dossiers.js';
import { checklistRequirements, ND152_2025_PACK } from '../../src/server/rules/index.js';
import { addWorkingDays, defaultHolidays, makeCalendar, stepClock, workingDaysBetween } from '../../src/shared/working-days.js';

describe('dossier transition table', () => {
  it('allows only listed transitions', () => {
    assert.equal(nextStatus('draft', 'submit'), 'submitted');
    assert.equal(nextStatus('returned', 'submit'), 'submitted');
    assert.equal(nextStatus('submitted', 'withdraw'), 'withdrawn');
    assert.equal(nextStatus('received', 'withdraw'), null, 'no withdrawal after receipt');
    assert.equal(nextStatus('draft', 'complete'), null, 'a draft cannot be decided');
    assert.deepEqual(commandsFrom('submitted').sort(), ['receive', 'return', 'withdraw']);
  });
  it('reaches every status from draft', () => {
    const seen = new Set<string>(['draft']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const t of DOSSIER_TRANSITIONS)
        if (t.from.some((f) => seen.has(f)) && !seen.has(t.to)) {
          seen.add(t.to);
          grew = true;
        }
    }
    assert.deepEqual([...seen].sort(), [...DOSSIER_STATUSES].sort());
  });
});

describe('checklist', () => {
  it('lists what is missing per candidate', () => {
    const c = checklistFor(
      'chuyen_de',
      [
        { id: 'a', displayName: 'Lý Thị Phương', honor: 'GK' },
        { id: 'b', displayName: 'Hà Thị Mai', honor: 'CSTDCS' },
      ],
      [
        { kind: 'to_trinh', candidateId: null },
        { kind: 'bao_cao_thanh_tich', candidateId: 'a' },
      ],
      checklistRequirements(ND152_2025_PACK),
    );
    assert.equal(c.complete, false);
    assert.deepEqual(c.missing, [
      'Biên bản họp xét (kèm kết quả biểu quyết)',
      'Báo cáo thành tích của Hà Thị Mai',
      'Giấy chứng nhận sáng kiến / đề tài khoa học của Hà Thị Mai',
    ]);
  });
  it('needs no minutes for the simplified procedure (đột xuất)', () => {
    const c = checklistFor(
      'dot_xuat',
      [{ id: 'a', displayName: 'A', honor: 'GK' }],
      [
        { kind: 'to_trinh', candidateId: null },
        { kind: 'bao_cao_thanh_tich', candidateId: 'a' },
      ],
      checklistRequirements(ND152_2025_PACK),
    );
    assert.equal(c.complete, true);
  });
});

describe('working days', () => {
  const cal = makeCalendar();
  it('skips weekends, Tết and compensates holidays on a weekend', () => {
    assert.equal(cal.isWorkingDay('2021-02-15'), false, 'Tết 2021');
    assert.equal(cal.isWorkingDay('2021-02-17'), true);
    assert.equal(cal.isWorkingDay('2022-04-11'), false, 'Giỗ Tổ 2022 fell on a Sunday: Monday off');
    assert.ok(defaultHolidays(2021).some((h) => h.date === '2021-09-03'));
    assert.equal(cal.isWorkingDay('2021-04-30'), false);
  });
  it('counts 5 working days from a Friday before 30/4', () => {
    // Fri 2021-04-23 + 5 working days: 26, 27, 28, 29, (30/4 and 1/5 off, 1/5 Saturday → 3/5 off) 4/5.
    assert.equal(addWorkingDays(cal, '2021-04-23', 5), '2021-05-04');
    assert.equal(workingDaysBetween(cal, '2021-04-23', '2021-05-04'), 5);
  });
  it('lets the agency add a day off or a make-up working Saturday', () => {
    const own = makeCalendar([
      { date: '2021-06-14', name: 'Nghỉ', kind: 'holiday' },
      { date: '2021-06-12', name: 'Làm bù', kind: 'workday' },
    ]);
    assert.equal(own.isWorkingDay('2021-06-14'), false);
    assert.equal(own.isWorkingDay('2021-06-12'), true);
  });
  it('flags an overdue step', () => {
    const c = stepClock(cal, '2021-06-01', 5, '2021-06-10');
    assert.equal(c.dueOn, '2021-06-08');
    assert.equal(c.overdue, true);
    assert.equal(c.daysOver, 2);
  });
});

describe('register and quorum', () => {
  it('formats numbers and quorum', () => {
    assert.equal(decisionNumberText(12, 'SKHCN'), '12/QĐ-SKHCN');
    assert.equal(quorumRequired(6, 2 / 3), 4);
    assert.equal(quorumRequired(9, 2 / 3), 6);
  });
});
