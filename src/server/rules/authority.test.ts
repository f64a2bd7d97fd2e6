import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mayDecide } from './authority.js';
import { voteOutcome } from './votes.js';

test('commune chair gains CSTĐCS and TTLĐTT from 2025-07-01; district level disappears', () => {
  const cases: [string, Parameters<typeof mayDecide>[0]['honor'], Parameters<typeof mayDecide>[0]['who'], boolean][] = [
    ['2025-06-30', 'CSTDCS', 'chu_tich_ubnd_xa', false],
    ['2025-07-01', 'CSTDCS', 'chu_tich_ubnd_xa', true],
    ['2025-06-30', 'TTLDTT', 'chu_tich_ubnd_xa', false],
    ['2025-07-01', 'TTLDTT', 'chu_tich_ubnd_xa', true],
    ['2025-06-30', 'LDTT', 'chu_tich_ubnd_huyen', true],
    ['2025-07-01', 'LDTT', 'chu_tich_ubnd_huyen', false],
    ['2024-05-01', 'GK', 'chu_tich_hdqt', true],
    ['2024-05-01', 'CSTD_TQ', 'bo_truong_chu_tich_tinh', false],
  ];
  for (const [date, honor, who, allowed] of cases) assert.equal(mayDecide({ honor, who, decisionDate: date }).allowed, allowed, `${date} ${honor} ${who}`);
  assert.match(mayDecide({ honor: 'CSTDCS', who: 'chu_tich_ubnd_xa', decisionDate: '2024-05-01' }).text, /không có thẩm quyền/);
});

test('council votes count against total members', () => {
  const cases: [string, Parameters<typeof voteOutcome>[0]['honor'], number, number, boolean | null, number | null][] = [
    ['2024-05-01', 'CSTD_BO_TINH', 10, 9, true, 9], // exactly 90%
    ['2024-05-01', 'CSTD_BO_TINH', 10, 8, false, 9],
    ['2024-05-01', 'CSTDCS', 11, 9, true, 9], // 80% of 11 = 8.8 → 9
    ['2024-05-01', 'CSTDCS', 11, 8, false, 9],
    ['2023-05-01', 'CSTDCS', 11, 1, null, null], // ND91: peer review, no threshold
    ['2023-05-01', 'CSTD_TQ', 20, 18, true, 18],
  ];
  for (const [date, honor, total, yes, passed, required] of cases) {
    const v = voteOutcome({ honor, decisionDate: date, totalMembers: total, approvals: yes });
    assert.equal(v.passed, passed, `${date} ${honor} ${yes}/${total}`);
    assert.equal(v.required, required);
  }
  const nd152 = voteOutcome({ honor: 'CO_CP', decisionDate: '2025-08-01', totalMembers: 15, approvals: 12 });
  assert.equal(nd152.passed, true);
  assert.equal(nd152.verified, false);
});
