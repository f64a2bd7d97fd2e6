/**
 * Issue #15: the Kế hoạch from a plan and from a movement, the Biên bản họp xét from a council
 * session and the Biên bản kiểm phiếu with the Ban kiểm phiếu the session elects — generated from
 * data. Text is read from the DOCX (no office needed); each kind is also rendered to PDF once and
 * checked for layout where soffice and pdftotext are installed (always under CI).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { ok, reviewedDossier } from '../helpers/dossiers.js';
import { setClock } from '../../src/server/clock.js';
import { stopWarmOffice } from '../../src/server/office/soffice.js';
import { assertHeader, assertMatchesReference, docxText, downloadAs, find, skipWithoutPdfTools, wordsOf } from '../helpers/pdf-layout.js';

interface Member {
  memberId: string;
  fullName: string;
  position: string;
  present: boolean;
}

describe('documents generated from plans, movements and council sessions', { timeout: 600_000 }, () => {
  let t: TestApp;
  let dir: string;
  let sessionId = '';
  let office: Awaited<ReturnType<TestApp['login']>>;
  const download = (username: string, url: string) => downloadAs(t, username, url);

  before(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'tdkt-generated-'));
    setClock(new Date('2021-06-22T02:15:00Z'));
    sessionId = (await reviewedDossier(t, 2)).sessionId;
    office = await t.login('vanphong');
  });
  after(async () => {
    setClock(null);
    stopWarmOffice();
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('Kế hoạch of the seed 002 annual plan: its sections and the quarterly task table, signer and nơi nhận from the plan', async () => {
    const plans = (await office.get('/api/plans?pageSize=100')).body.items as { id: string; title: string; taskCount: number | null }[];
    const plan = plans.find((p) => (p.taskCount ?? 0) > 3);
    assert.ok(plan, 'a demo plan with a task table');
    const full = (await office.get(`/api/plans/${plan.id}`)).body as {
      title: string;
      number: string | null;
      tasks: { content: string; quarter: number | null }[];
      sections: { heading: string }[];
      recipients: string[];
      signerName: string | null;
    };
    const r = await download('vanphong', `/api/plans/${plan.id}/document`);
    assert.equal(r.status, 200, r.body.toString());
    assert.equal(r.body.subarray(0, 2).toString(), 'PK');
    assert.match(r.disposition, /filename="KH-/);
    const text = docxText(r.body);
    assert.match(text, /KẾ HOẠCH/);
    assert.ok(text.includes(full.title), 'the trích yếu is the plan title');
    for (const task of full.tasks) assert.ok(text.includes(task.content), `task "${task.content}" in the table`);
    const quarters = [...new Set(full.tasks.map((x) => x.quarter).filter((q): q is number => q !== null))];
    for (const q of quarters) assert.match(text, new RegExp(`QUÝ ${['I', 'II', 'III', 'IV'][q - 1]}\\n`), `a row heads quarter ${q}`);
    for (const s of full.sections)
      assert.ok(
        text.includes(
          s.heading
            .replace(/^[IVX]+\.\s*/u, '')
            .toLocaleUpperCase('vi')
            .slice(0, 20),
        ) || text.includes(s.heading),
      );
    if (full.signerName) assert.ok(text.includes(full.signerName));
    assert.match(text, /Nơi nhận:/);
    assert.match(text, /Lưu: VT/);
    assert.doesNotMatch(text, /\{[a-zA-Z#/]+\}/, 'no template tag left');
  });

  it('Kế hoạch of the seed 001 movement: theme, slogan, award forms with their quota, deadlines', async () => {
    const list = (await office.get('/api/movements?pageSize=100')).body.items as { id: string; title: string }[];
    const m = list.find((x) => /80 năm Ngày Bác Hồ về nước/u.test(x.title));
    assert.ok(m, 'the seed 001 movement is in the demo');
    const full = (await office.get(`/api/movements/${m.id}`)).body as {
      theme: string | null;
      slogan: string | null;
      honors: { honorLabel: string | null; quota: number | null }[];
      deadlines: { title: string }[];
    };
    const r = await download('vanphong', `/api/movements/${m.id}/document`);
    assert.equal(r.status, 200, r.body.toString());
    const text = docxText(r.body);
    assert.match(text, /Tổ chức đợt thi đua/u);
    if (full.theme) assert.ok(text.includes(`Chủ đề: ${full.theme}`));
    if (full.slogan) assert.ok(text.includes(full.slogan.replace(/^"|"$/gu, '')));
    assert.match(text, /HÌNH THỨC KHEN THƯỞNG/);
    for (const h of full.honors) {
      assert.ok(h.honorLabel && text.includes(h.honorLabel), `${h.honorLabel} listed`);
      if (h.quota !== null) assert.ok(text.includes(`không quá ${h.quota}`), 'its quota');
    }
    for (const d of full.deadlines) assert.ok(text.includes(d.title), `deadline "${d.title}"`);
    assert.match(text, /TỔ CHỨC THỰC HIỆN/);
  });

  it('an outsider gets 404 for another agency’s plan document; a bad format is refused in Vietnamese', async () => {
    const plan = ((await office.get('/api/plans?pageSize=1')).body.items as { id: string }[])[0]!;
    const bad = await download('vanphong', `/api/plans/${plan.id}/document?format=xls`);
    assert.equal(bad.status, 400);
    const missing = await download('vanphong', `/api/plans/00000000-0000-4000-8000-000000000000/document`);
    assert.equal(missing.status, 404);
    assert.match(missing.body.toString(), /Không tìm thấy kế hoạch/);
  });

  it('the secretary records the minutes: bad choices are refused and nothing is stored', async () => {
    const s = (await office.get(`/api/sessions/${sessionId}`)).body as {
      version: number;
      attendance: Member[];
      minutes: { recorded: boolean; chairMemberId: string | null; secretaryMemberId: string | null; agenda: string[] };
      abilities: string[];
    };
    assert.ok(s.abilities.includes('recordMinutes'));
    assert.equal(s.minutes.recorded, false);
    // Suggested from the council's positions: the Chủ tịch chairs.
    const chair = s.attendance.find((a) => a.memberId === s.minutes.chairMemberId);
    assert.equal(chair?.position, 'chu_tich');
    assert.ok(
      s.minutes.agenda.some((a) => /Giấy khen \(2 trường hợp\)/u.test(a)),
      JSON.stringify(s.minutes.agenda),
    );
    const others = s.attendance.filter((a) => a.memberId !== chair.memberId);
    const base = { chairMemberId: chair.memberId, secretaryMemberId: others[0]!.memberId, agenda: ['Xét khen thưởng'], version: s.version };
    const sameTwice = await office.put(`/api/sessions/${sessionId}/minutes`, { ...base, countingBoard: [others[1]!.memberId, others[1]!.memberId] });
    assert.equal(sameTwice.status, 400);
    assert.match(sameTwice.body.message, /chỉ có tên một lần/);
    const chairCounts = await office.put(`/api/sessions/${sessionId}/minutes`, { ...base, countingBoard: [chair.memberId] });
    assert.equal(chairCounts.status, 400);
    assert.match(chairCounts.body.message, /chủ trì/i);
    const sameSecretary = await office.put(`/api/sessions/${sessionId}/minutes`, {
      ...base,
      secretaryMemberId: chair.memberId,
      countingBoard: [others[1]!.memberId],
    });
    assert.equal(sameSecretary.status, 400);
    const empty = await office.put(`/api/sessions/${sessionId}/minutes`, { ...base, countingBoard: [] });
    assert.equal(empty.status, 400);
    assert.match(empty.body.message, /Trưởng Ban kiểm phiếu/);
    const council = await t.login('hoidong');
    assert.equal((await council.put(`/api/sessions/${sessionId}/minutes`, { ...base, countingBoard: [others[1]!.memberId] })).status, 403);
    const after = (await office.get(`/api/sessions/${sessionId}`)).body as { version: number; minutes: { recorded: boolean } };
    assert.equal(after.minutes.recorded, false);
    assert.equal(after.version, s.version);
  });

  it('Biên bản kiểm phiếu names the elected Ban kiểm phiếu; Biên bản họp xét is the Council’s, with who chaired, the agenda and the discussion', async () => {
    const s = (await office.get(`/api/sessions/${sessionId}`)).body as { version: number; attendance: Member[] };
    const chair = s.attendance.find((a) => a.position === 'chu_tich')!;
    const rest = s.attendance.filter((a) => a.memberId !== chair.memberId);
    const [secretary, boardHead, boardMember] = [rest[0]!, rest[1]!, rest[2]!];
    const saved = await office.put(`/api/sessions/${sessionId}/minutes`, {
      chairMemberId: chair.memberId,
      secretaryMemberId: secretary.memberId,
      countingBoard: [boardHead.memberId, boardMember.memberId],
      agenda: ['Thông qua chương trình', 'Xét tặng Giấy khen', ''],
      discussion: 'Các thành viên thống nhất với kết quả thẩm định.\nĐề nghị bổ sung minh chứng sáng kiến.',
      version: s.version,
    });
    ok(saved);
    assert.equal(saved.body.minutes.recorded, true);
    assert.deepEqual(saved.body.minutes.agenda, ['Thông qua chương trình', 'Xét tặng Giấy khen']);
    const audit = (await (await t.login('admin')).get('/api/audit?pageSize=20')).body.items as { action: string }[];
    assert.ok(audit.some((a) => a.action === 'session.minutes_recorded'));

    const tally = docxText((await download('vanphong', `/api/sessions/${sessionId}/minutes.docx?so=4`)).body);
    assert.ok(tally.includes(`- ${boardHead.fullName}: Trưởng Ban`), tally);
    assert.ok(tally.includes(`- ${boardMember.fullName}: Thành viên`));
    assert.doesNotMatch(tally, /- ……………/, 'no blank board lines once the board is recorded');
    assert.match(tally, /Địa điểm: ……………/, 'a place not recorded is left to write in by hand');

    const r = await download('vanphong', `/api/sessions/${sessionId}/review-minutes.docx?so=5`);
    assert.equal(r.status, 200, r.body.toString());
    assert.match(r.disposition, /BB-HX-05-HDTDKT-2021\.docx/);
    const text = docxText(r.body);
    assert.match(text, /HỘI ĐỒNG THI ĐUA -\s*KHEN THƯỞNG/);
    assert.match(text, /Số: 05\/BB-HĐTĐKT/);
    assert.ok(text.includes(`Chủ trì: ${chair.fullName}, Chủ tịch`), text);
    assert.ok(text.includes(`Thư ký: ${secretary.fullName}, `));
    assert.match(text, /Số thành viên có mặt: \d+\/\d+/);
    assert.ok(text.includes('- Thông qua chương trình'));
    assert.ok(text.includes('Đề nghị bổ sung minh chứng sáng kiến.'));
    assert.match(text, /Kết quả: 2\/2 đề nghị đạt/);
    assert.ok(text.includes(`${boardHead.fullName} (Trưởng ban)`));
    assert.match(text, /\d+\/\d+\n[\d,]+%/, 'votes and share per candidate');
  });

  it(
    'rendered to PDF: the Biên bản họp xét and the Kế hoạch keep the NĐ 30 header and their signatures on the page of their last paragraph',
    { skip: skipWithoutPdfTools },
    async () => {
      const minutes = await download('vanphong', `/api/sessions/${sessionId}/review-minutes.docx?format=pdf&so=5`);
      assert.equal(minutes.status, 200, minutes.body.toString());
      const m = wordsOf(minutes.body, dir, 'bien-ban-hop-xet');
      assertHeader(m.words, m.pageWidth, 'SỞ');
      const ends = m.words.filter((w) => w.text === 'thông').at(-1)!;
      const signer = find(m.words, 'CHỦ', { page: ends.page });
      assert.equal(signer.page, ends.page, 'the signatures stay with the closing paragraph');

      const plan = ((await office.get('/api/plans?pageSize=100')).body.items as { id: string; taskCount: number | null }[]).find(
        (p) => (p.taskCount ?? 0) > 3,
      )!;
      const pdf = await download('vanphong', `/api/plans/${plan.id}/document?format=pdf`);
      assert.equal(pdf.status, 200, pdf.body.toString());
      const k = wordsOf(pdf.body, dir, 'ke-hoach');
      assertHeader(k.words, k.pageWidth, 'UBND');
      assert.match(k.text, /KẾ HOẠCH/);
      assert.match(k.text, /QUÝ I/);
      // And as their reference images show them.
      assertMatchesReference(minutes.body, dir, 'bien-ban-hop-xet', { page: 1 });
      assertMatchesReference(pdf.body, dir, 'ke-hoach', { page: 1 });
      assertMatchesReference(pdf.body, dir, 'ke-hoach-bang-nhiem-vu', { page: 3 });
    },
  );
});
