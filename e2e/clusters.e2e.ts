/**
 * Issue 11 in the browser, only through the UI: the Office lays out a block of 10 members (the
 * head unit, nine outside agencies) and records the election; the head (Trung tâm Ứng dụng,
 * account donvi) signs and publishes the pledge and plans dated tasks; the Office adds a second
 * unit of the installation (the Chi cục) later, which gets the open task on its calendar, and sets
 * the head's report due dates (the 6-month one already past: late, in red, for both); the head
 * builds a table of 15 criteria with bonus and minus points, enters the outside agencies' sheets
 * and its own; the Văn phòng Sở scores the Chi cục; the head adjusts one score with a reason and
 * the adjustments say who made them; the ranking follows; the year-end meeting votes the leader
 * for the Cờ thi đua tỉnh by secret ballot (plus paper ballots), and the head's Tờ trình becomes a
 * dossier the Office receives. Then the pages at 390 px.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SHOTS, cannotRun, chooseOption, launchBrowser, login, startServer } from './helpers.js';

const skip = cannotRun();
const NAME = 'Khối thi đua thử nghiệm các cơ quan tổng hợp';
const HEAD = 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ';
/** A second unit of the installation; the Văn phòng Sở's account speaks for it (the Sở itself sits in the demo block). */
const CC = 'Chi cục Tiêu chuẩn Đo lường Chất lượng';
const OUTSIDE = [
  'Cục Thuế tỉnh Cao Bằng',
  'Kho bạc Nhà nước khu vực XVI',
  'Bảo hiểm xã hội tỉnh Cao Bằng',
  'Cục Hải quan Cao Bằng',
  'Ngân hàng Nhà nước chi nhánh Cao Bằng',
  'Công an tỉnh Cao Bằng (khối cơ quan)',
  'Liên đoàn Lao động tỉnh Cao Bằng',
  'Hội Nông dân tỉnh Cao Bằng',
  'Tỉnh đoàn Cao Bằng',
];
const CRITERIA = Array.from({ length: 15 }, (_, i) => ({
  group: i < 5 ? 'I. Nhiệm vụ chuyên môn' : i < 10 ? 'II. Công tác thi đua' : 'III. Xây dựng tổ chức',
  title: `Tiêu chí số ${i + 1}`,
  max: 6,
}));
const BONUS = 'Được tặng Cờ thi đua của tỉnh năm trước';
/** The Vietnamese day `days` from now as dd/mm/yyyy (a task due soon shows in the calendar's list of the next months). */
function vnDay(days: number): string {
  const d = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}
const TASK = 'Hội nghị trao đổi kinh nghiệm giữa các thành viên';
const TASK_CANCELLED = 'Khảo sát mô hình điểm tại Kho bạc';
const MINUS = 'Có cán bộ bị kỷ luật';

describe('cụm, khối thi đua: pledge, scoring, ranking, vote, proposal', { skip: skip ?? false }, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let office: Page;
  let head: Page;
  let clusterUrl = '';
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    office = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    head = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await login(office, server.url, 'vanphong');
    await login(head, server.url, 'donvi');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const modal = (p: Page) => p.locator('.ant-modal:visible');
  async function pick(p: Page, label: string, option: string, typed?: string) {
    const select = modal(p).getByLabel(label, { exact: true });
    // Type the start of the option where the select searches: a long list is virtual and renders
    // only what is in view.
    const searches = typed !== undefined || (await select.evaluate((el) => el instanceof HTMLInputElement && !el.readOnly));
    await chooseOption(p, select, option, searches ? (typed ?? option.slice(0, 12)) : undefined, true);
  }
  async function pickOnPage(p: Page, label: string, option: string) {
    // A searchable select of many members renders only the options in view: type the start of the name.
    const select = p.getByLabel(label, { exact: true });
    const searches = await select.evaluate((el) => el instanceof HTMLInputElement && !el.readOnly);
    await chooseOption(p, select, option, searches ? option.slice(0, 12) : undefined);
  }
  async function toast(p: Page, text: string) {
    await p.locator('.ant-message').getByText(text, { exact: false }).last().waitFor();
  }
  async function tab(p: Page, name: string) {
    // On a phone the sections are a select above the content (every one reachable by touch).
    const select = p.getByTestId('section-select');
    if (await select.isVisible()) {
      await select.click();
      await p
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: new RegExp(name) })
        .first()
        .click();
      return;
    }
    await p.getByRole('tab', { name: new RegExp(name) }).click();
  }

  it('the Office lays out the block with 11 members and records the election', async () => {
    const p = office;
    await p.goto(`${server.url}/cum-khoi`);
    await p.getByRole('button', { name: 'Lập cụm, khối' }).click();
    await modal(p).getByLabel('Tên cụm, khối').fill(NAME);
    await modal(p).getByLabel('Hội đồng tổ chức').fill('Hội đồng Thi đua - Khen thưởng tỉnh Cao Bằng');
    await p.getByTestId('cluster-create-ok').click();
    await p.getByRole('heading', { name: NAME }).waitFor();
    clusterUrl = p.url();
    await p.getByRole('button', { name: 'Thêm thành viên' }).click();
    for (const unit of [HEAD]) {
      await modal(p).locator('.ant-select').first().click();
      await p.keyboard.type(unit.slice(0, 12));
      await p.locator('.ant-select-dropdown:visible').getByText(unit, { exact: true }).first().click();
      await p.getByTestId('cluster-member-ok').click();
      await toast(p, `Đã thêm "${unit}"`);
    }
    await modal(p).getByText('Cơ quan, tổ chức ngoài hệ thống').click();
    for (const org of OUTSIDE) {
      await modal(p).getByLabel('Tên cơ quan, tổ chức').fill(org);
      await modal(p).getByLabel('Địa chỉ').fill('Thành phố Cao Bằng');
      await p.getByTestId('cluster-member-ok').click();
      await toast(p, `Đã thêm "${org}"`);
    }
    await modal(p).getByRole('button', { name: 'Hủy' }).click();
    await p.getByRole('tab', { name: 'Thành viên (10)' }).waitFor();
    await p.getByRole('button', { name: 'Bầu Trưởng, Phó' }).click();
    await pick(p, 'Trưởng', HEAD);
    await pick(p, 'Phó', OUTSIDE[0]!);
    await p.getByTestId('cluster-elect-ok').click();
    await toast(p, 'Đã ghi kết quả bầu Trưởng, Phó.');
    await p.getByText(`Trưởng: ${HEAD}`, { exact: false }).waitFor();
    await p.screenshot({ path: resolve(SHOTS, 'clusters-01-members-1440.png'), fullPage: true });
  });

  it('the head signs the pledge, uploads the signed scan and publishes it', async () => {
    const p = head;
    await p.goto(clusterUrl);
    await tab(p, 'Giao ước');
    await p.getByRole('button', { name: 'Lập giao ước' }).click();
    await modal(p).getByLabel('Ngày ký').fill('20/02/2026');
    await modal(p).getByLabel('Ngày ký').press('Enter');
    await modal(p).getByLabel('Nơi ký').fill('Trung tâm Ứng dụng, thành phố Cao Bằng');
    await modal(p)
      .getByLabel('Chỉ tiêu chung (mỗi dòng một chỉ tiêu)')
      .fill('100% cán bộ hoàn thành nhiệm vụ\nGửi báo cáo đúng hạn\nKhông có cán bộ vi phạm kỷ luật');
    await modal(p).getByLabel(`Chỉ tiêu riêng của ${HEAD}`).fill('Đưa 3 tiến bộ kỹ thuật vào sản xuất');
    await p.getByTestId('cluster-pledge-ok').click();
    await toast(p, 'Đã lưu giao ước.');
    await p.locator('input[type=file]').setInputFiles({
      name: 'giao-uoc-da-ky.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await toast(p, 'Đã tải lên bản giao ước đã ký.');
    await p.getByRole('button', { name: 'Công bố' }).click();
    await p.locator('.ant-popconfirm').getByRole('button', { name: 'Công bố' }).click();
    await toast(p, 'Đã công bố giao ước');
    await p.getByText('Đã công bố', { exact: true }).waitFor();
    await p.screenshot({ path: resolve(SHOTS, 'clusters-02-pledge-1440.png'), fullPage: true });
  });

  it('the head plans dated tasks: they reach the deadline calendar; one is moved, one cancelled', async () => {
    const p = head;
    await tab(p, 'Nhiệm vụ, báo cáo');
    for (const [title, due] of [
      [TASK, vnDay(12)],
      [TASK_CANCELLED, vnDay(20)],
    ] as const) {
      await p.getByTestId('cluster-task-add').click();
      await modal(p).getByLabel('Nội dung nhiệm vụ').fill(title);
      await modal(p).getByLabel('Hạn hoàn thành').first().fill(due);
      await modal(p).getByLabel('Hạn hoàn thành').first().press('Enter');
      await p.getByTestId('cluster-task-ok').click();
      await toast(p, 'Đã lưu nhiệm vụ');
      await p.getByTestId('cluster-tasks').getByText(title).waitFor();
    }
    // Moved by five days, then the second cancelled.
    await p.getByRole('button', { name: `Sửa ${TASK}` }).click();
    await modal(p).getByLabel('Hạn hoàn thành').first().fill(vnDay(17));
    await modal(p).getByLabel('Hạn hoàn thành').first().press('Enter');
    await p.getByTestId('cluster-task-ok').click();
    await toast(p, 'Đã lưu nhiệm vụ');
    await p.getByTestId('cluster-tasks').getByText(vnDay(17)).waitFor();
    await p.getByRole('button', { name: `Hủy ${TASK_CANCELLED}` }).click();
    await p.locator('.ant-popconfirm').getByRole('button', { name: 'Hủy nhiệm vụ' }).click();
    await toast(p, 'Đã cập nhật nhiệm vụ.');
    await p.getByTestId('cluster-tasks').getByText('Đã hủy').waitFor();
    await p.screenshot({ path: resolve(SHOTS, 'clusters-03a-plan-1440.png'), fullPage: true });
    // The head's calendar (list of the coming months) holds the task on its new day; the cancelled one is gone.
    await p.goto(`${server.url}/lich`);
    await p.getByTestId('calendar-view').getByText('Danh sách').click();
    const row = p.getByTestId('calendar-list').locator('tr', { hasText: TASK });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', new RegExp(vnDay(17).replace(/\//g, '\\/')));
    assert.equal(await p.getByTestId('calendar-list').getByText(TASK_CANCELLED, { exact: false }).count(), 0);
    await p.screenshot({ path: resolve(SHOTS, 'clusters-03b-calendar-1440.png'), fullPage: true });
    await p.goto(clusterUrl);
  });

  it('the Office adds the Chi cục after the tasks exist: the open task reaches its calendar, the cancelled one does not', async () => {
    const p = office;
    await p.goto(clusterUrl);
    await p.getByRole('button', { name: 'Thêm thành viên' }).click();
    await modal(p).locator('.ant-select').first().click();
    await p.keyboard.type(CC.slice(0, 12));
    await p.locator('.ant-select-dropdown:visible').getByText(CC, { exact: true }).first().click();
    await p.getByTestId('cluster-member-ok').click();
    await toast(p, `Đã thêm "${CC}"`);
    await modal(p).getByRole('button', { name: 'Hủy' }).click();
    await p.getByRole('tab', { name: 'Thành viên (11)' }).waitFor();
    // The Văn phòng Sở sees every member's row of the calendar: the task is now the Chi cục's too.
    await p.goto(`${server.url}/lich`);
    await p.getByTestId('calendar-view').getByText('Danh sách').click();
    const rows = p.getByTestId('calendar-list').locator('tr', { hasText: TASK });
    await rows.filter({ hasText: CC }).first().waitFor();
    assert.equal(await rows.filter({ hasText: HEAD }).count(), 1);
    assert.equal(await p.getByTestId('calendar-list').locator('tr', { hasText: TASK_CANCELLED }).count(), 0);
    await p.screenshot({ path: resolve(SHOTS, 'clusters-03c-late-member-calendar-1440.png'), fullPage: true });
  });

  it("the Office sets the head's report due dates: the 6-month one is past, late in red for the head and on the province's list", async () => {
    const p = office;
    await p.goto(clusterUrl);
    await tab(p, 'Nhiệm vụ, báo cáo');
    await p.getByTestId('cluster-head-dues').click();
    for (const [label, day] of [
      ['Hạn báo cáo sơ kết 6 tháng', vnDay(-5)],
      ['Hạn báo cáo tổng kết năm', vnDay(10)],
    ] as const) {
      await modal(p).getByLabel(label).first().fill(day);
      await modal(p).getByLabel(label).first().press('Enter');
    }
    await p.getByTestId('cluster-head-dues-ok').click();
    await toast(p, 'Đã đặt hạn báo cáo của Trưởng cụm, khối.');
    const reports = p.getByTestId('cluster-head-reports');
    await reports.locator('tr', { hasText: 'Sơ kết 6 tháng' }).getByText('Quá hạn 5 ngày, chưa gửi').waitFor();
    await reports.locator('tr', { hasText: 'Tổng kết năm' }).getByText(vnDay(10)).waitFor();
    await p.goto(`${server.url}/cum-khoi`);
    await p.locator('tr', { hasText: NAME }).getByTestId('cluster-list-head-late').getByText('Muộn: 6 tháng').waitFor();
    await p.screenshot({ path: resolve(SHOTS, 'clusters-03d-list-late-1440.png'), fullPage: true });
    // The head sees it too, with the due date on its calendar's list.
    await head.goto(clusterUrl);
    await tab(head, 'Nhiệm vụ, báo cáo');
    await head
      .getByTestId('cluster-head-late')
      .getByText(/Sơ kết 6 tháng: quá hạn 5 ngày/)
      .waitFor();
    await head.screenshot({ path: resolve(SHOTS, 'clusters-03e-head-late-1440.png'), fullPage: true });
  });

  it('the head builds a table of 15 criteria with bonus and minus points', async () => {
    const p = head;
    await tab(p, 'Chấm điểm');
    await p.getByRole('button', { name: 'Lập bảng điểm' }).click();
    const m = modal(p);
    const rows = [...CRITERIA, { group: 'Điểm thưởng', title: BONUS, max: 10 }, { group: 'Điểm trừ', title: MINUS, max: 0 }];
    for (const [i, r] of rows.entries()) {
      await m.getByRole('button', { name: 'Thêm mục' }).click();
      const n = i + 1;
      await m.getByLabel(`Nhóm mục ${n}`).fill(r.group);
      await m.getByLabel(`Nội dung mục ${n}`).fill(r.title);
      if (r.title === BONUS) await pick(p, `Loại mục ${n}`, 'Điểm thưởng');
      if (r.title === MINUS) {
        await pick(p, `Loại mục ${n}`, 'Điểm trừ');
        await m.getByLabel(`Tối thiểu mục ${n}`).fill('-5');
      } else await m.getByLabel(`Tối đa mục ${n}`).fill(String(r.max));
    }
    await p.screenshot({ path: resolve(SHOTS, 'clusters-03-table-editor-1440.png') });
    await p.getByTestId('cluster-table-ok').click();
    await toast(p, 'Đã lưu bảng chấm điểm.');
    await p.getByText('17 mục', { exact: false }).waitFor();
  });

  async function scoreSheet(p: Page, member: string, points: (title: string) => number, evidence?: string) {
    if (await p.getByLabel('Chấm điểm cho thành viên').count()) await pickOnPage(p, 'Chấm điểm cho thành viên', member);
    await p.getByText(`Tự chấm điểm: ${member}`).waitFor();
    for (const t of [...CRITERIA.map((c) => c.title), BONUS, MINUS]) await p.getByLabel(`Điểm ${t}`, { exact: true }).fill(String(points(t)));
    if (evidence) await p.getByLabel(`Minh chứng ${CRITERIA[0]!.title}`, { exact: true }).fill(evidence);
    await p.getByRole('button', { name: 'Lưu điểm tự chấm' }).click();
    await toast(p, `Đã lưu điểm tự chấm của ${member}.`);
  }

  it('members self-score (the head enters the outside agencies’ sheets); the head adjusts one with a reason; the ranking follows', async () => {
    const p = head;
    // The head's own sheet: full points and the bonus — the leader.
    await scoreSheet(p, HEAD, (t) => (t === BONUS ? 10 : t === MINUS ? 0 : 6), 'Báo cáo tổng kết năm 2026');
    for (const [k, org] of OUTSIDE.entries()) await scoreSheet(p, org, (t) => (t === BONUS ? 0 : t === MINUS ? (k === 8 ? -5 : 0) : 5 - (k % 3)));
    // The Văn phòng Sở scores the Chi cục's sheet (a unit under the Sở, no clerk account of its own in the demo).
    await office.goto(clusterUrl);
    await tab(office, 'Chấm điểm');
    await scoreSheet(office, CC, (t) => (t === BONUS ? 0 : t === MINUS ? 0 : 5));
    // The head reviews an outside agency's sheet and lowers one score with a reason.
    await p.reload();
    await tab(p, 'Chấm điểm');
    await pickOnPage(p, 'Rà soát điểm của thành viên', OUTSIDE[0]!);
    await p.getByRole('button', { name: `Điều chỉnh ${CRITERIA[2]!.title}`, exact: true }).click();
    await modal(p).getByLabel('Điểm sau điều chỉnh').fill('3');
    await modal(p).getByLabel('Lý do').fill('Minh chứng chưa đủ: thiếu kết quả giải ngân quý IV.');
    await p.getByTestId('cluster-adjust-ok').click();
    await toast(p, 'Đã điều chỉnh điểm.');
    await p.getByText('3 (Minh chứng chưa đủ', { exact: false }).waitFor();
    // Whoever reads the sheet sees who adjusted it, as what, from what to what and why.
    const adjusted = p.getByTestId('cluster-adjustments').locator('tr', { hasText: OUTSIDE[0]! });
    await adjusted.getByText('5 → 3').waitFor();
    assert.match((await adjusted.textContent()) ?? '', new RegExp(`Trưởng khối ${HEAD} — Hà Thị Mai`));
    assert.match((await adjusted.textContent()) ?? '', /Lý do: Minh chứng chưa đủ: thiếu kết quả giải ngân quý IV\./);
    const rankRows = p.getByTestId('cluster-ranking').locator('tbody tr.ant-table-row');
    await rankRows.first().getByText(HEAD).waitFor();
    assert.match((await rankRows.first().textContent()) ?? '', /100/, 'the leader: 90 + 10 bonus');
    // OUTSIDE[0]: 15 × 5 = 75, one criterion adjusted 5 → 3: 73; OUTSIDE[8] has −5.
    const text = (await p.getByTestId('cluster-ranking').textContent()) ?? '';
    assert.ok(text.includes('73'), 'the adjusted total');
    await p.screenshot({ path: resolve(SHOTS, 'clusters-04-scoring-1440.png'), fullPage: true });
  });

  it('the head names a cross-checking member; its clerk adjusts the member it checks, with a reason', async () => {
    const p = head;
    await p.reload();
    await tab(p, 'Chấm điểm');
    const checkers = p.getByTestId('cluster-checkers');
    await chooseOption(p, checkers.getByLabel(`Thành viên chấm chéo ${OUTSIDE[1]!}`, { exact: true }), CC);
    await p.getByTestId('cluster-checkers-save').click();
    await toast(p, 'Đã lưu phân công chấm chéo.');
    // The Văn phòng Sở speaks for the Chi cục: it may now review that agency's sheet, and only that one.
    await office.reload();
    await tab(office, 'Chấm điểm');
    // This account also reaches the head unit (the Trung tâm is under the Sở), so it sees the head's heading ("Rà soát, …");
    // a clerk who only cross-checks sees "Chấm chéo: rà soát, …" (that path is covered by test/api/clusters-plan.test.ts).
    await office
      .getByText(/rà soát, điều chỉnh điểm/iu)
      .first()
      .waitFor();
    await pickOnPage(office, 'Rà soát điểm của thành viên', OUTSIDE[1]!);
    await office.getByRole('button', { name: `Điều chỉnh ${CRITERIA[0]!.title}`, exact: true }).click();
    await modal(office).getByLabel('Điểm sau điều chỉnh').fill('2');
    await modal(office).getByLabel('Lý do').fill('Chấm chéo: chưa có văn bản chứng minh.');
    await office.getByTestId('cluster-adjust-ok').click();
    await toast(office, 'Đã điều chỉnh điểm.');
    await office.getByText('2 (Chấm chéo: chưa có văn bản', { exact: false }).waitFor();
    // Recorded as the cross-checking member's adjustment (the account also reaches the head unit).
    const adjusted = office.getByTestId('cluster-adjustments').locator('tr', { hasText: OUTSIDE[1]! });
    await adjusted.getByText('4 → 2').waitFor();
    assert.match((await adjusted.textContent()) ?? '', new RegExp(`Thành viên chấm chéo ${CC} — Đàm Văn Long`));
    // OUTSIDE[1]: 15 × 4 = 60, one criterion 4 → 2: 58.
    const row = office.getByTestId('cluster-ranking').locator('tr', { hasText: OUTSIDE[1]! });
    assert.match((await row.textContent()) ?? '', /58/);
    await office.screenshot({ path: resolve(SHOTS, 'clusters-04b-cross-check-1440.png'), fullPage: true });
  });

  it('the year-end meeting votes the leader for the Cờ thi đua tỉnh; the Tờ trình reaches the Office as a dossier', async () => {
    const p = head;
    await tab(p, 'Hội nghị');
    await p.getByRole('button', { name: 'Lập hội nghị' }).click();
    await modal(p).getByLabel('Địa điểm').fill('Hội trường Trung tâm Ứng dụng');
    await modal(p).getByText(`Dẫn đầu bảng điểm: ${HEAD}`, { exact: false }).waitFor();
    await p.getByTestId('cluster-meeting-ok').click();
    await toast(p, 'Đã lập hội nghị');
    // The Văn phòng Sở votes for the Chi cục first (its account also speaks for the Trung tâm), then the head's own ballot.
    await office.reload();
    await tab(office, 'Hội nghị');
    await office.getByRole('button', { name: `Bỏ phiếu: ${CC}` }).click();
    await office.getByTestId('cluster-ballot-ok').click();
    await toast(office, 'Đã bỏ phiếu kín.');
    await p.reload();
    await tab(p, 'Hội nghị');
    await p.getByRole('button', { name: 'Bỏ phiếu', exact: true }).click();
    await p.getByTestId('cluster-ballot-ok').click();
    await toast(p, 'Đã bỏ phiếu kín.');
    await p.getByText('2 phiếu kín đã bỏ', { exact: false }).waitFor();
    // The nine outside agencies voted on paper.
    await p.getByRole('button', { name: 'Nhập phiếu giấy' }).click();
    await modal(p).getByLabel('Số phiếu đồng ý').fill('8');
    await modal(p).getByLabel('Số phiếu không đồng ý').fill('1');
    await p.getByTestId('cluster-paper-ok').click();
    await toast(p, 'Đã nhập kết quả phiếu giấy.');
    await p.getByRole('button', { name: 'Kết thúc bỏ phiếu' }).click();
    await modal(p).getByLabel('Biên bản hội nghị').fill('Hội nghị tổng kết công tác thi đua năm 2026 của Khối; 11/11 thành viên có mặt.');
    await p.getByTestId('cluster-close-meeting-ok').click();
    await toast(p, 'Đã kết thúc bỏ phiếu');
    await p.getByText('10/11 thành viên đồng ý', { exact: false }).waitFor();
    await p.getByText('Đạt', { exact: true }).waitFor();
    await p.screenshot({ path: resolve(SHOTS, 'clusters-05-meeting-1440.png'), fullPage: true });
    await p.getByRole('button', { name: 'Lập Tờ trình đề nghị' }).click();
    await toast(p, 'Đã lập Tờ trình');
    await p.waitForURL(/\/ho-so\//);
    const dossierUrl = p.url();
    // The leader's achievement report joins the Tờ trình and the minutes; the head submits.
    await p.getByTestId('document-add').click();
    await chooseOption(p, 'document-kind', 'Báo cáo thành tích');
    await chooseOption(p, 'document-candidate', HEAD);
    await p.getByTestId('document-content').fill('Báo cáo thành tích năm 2026 của đơn vị dẫn đầu Khối.');
    await p.getByRole('button', { name: 'Lưu' }).click();
    await p.getByText('Đã thêm tài liệu.').first().waitFor();
    await p.getByTestId('dossier-submit').click();
    await p.getByTestId('dossier-status').getByText('Đã nộp, chờ tiếp nhận').waitFor();
    // The Office receives it.
    await office.goto(dossierUrl);
    await office.getByText(`Tờ trình đề nghị khen thưởng của ${NAME}`, { exact: false }).first().waitFor();
    await office.getByTestId('dossier-receive').click();
    await office.getByTestId('dossier-status').getByText('Đã tiếp nhận').waitFor();
    await office.screenshot({ path: resolve(SHOTS, 'clusters-06-dossier-received-1440.png'), fullPage: true });
  });

  it('the head prints its year report to the Ban (Word) and records it as sent', async () => {
    const p = head;
    await p.goto(clusterUrl);
    await tab(p, 'Nhiệm vụ, báo cáo');
    const reports = p.getByTestId('cluster-head-reports');
    const [download] = await Promise.all([p.waitForEvent('download'), reports.getByRole('button', { name: 'Tổng kết năm (Word)' }).click()]);
    assert.match(download.suggestedFilename(), /\.docx$/);
    await reports.getByRole('button', { name: 'Ghi nhận đã gửi Tổng kết năm' }).click();
    await toast(p, 'Đã ghi nhận báo cáo gửi Ban');
    await reports.locator('tr', { hasText: 'Tổng kết năm' }).getByText(vnDay(0)).waitFor();
    await reports.locator('tr', { hasText: 'Tổng kết năm' }).getByText('Đúng hạn').waitFor();
    await p
      .getByTestId('cluster-head-late')
      .getByText(/Sơ kết 6 tháng: quá hạn 5 ngày/)
      .waitFor();
    await p.screenshot({ path: resolve(SHOTS, 'clusters-06b-head-report-1440.png'), fullPage: true });
  });

  it('the cluster pages at 390 px', async () => {
    const p = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await login(p, server.url, 'donvi');
    await p.goto(`${server.url}/cum-khoi`);
    await p.getByText(NAME).waitFor();
    await p.screenshot({ path: resolve(SHOTS, 'clusters-07-list-390.png'), fullPage: true });
    await p.goto(clusterUrl);
    await p.getByRole('heading', { name: NAME }).waitFor();
    await p.screenshot({ path: resolve(SHOTS, 'clusters-08-members-390.png'), fullPage: true });
    await tab(p, 'Chấm điểm');
    await p.getByText('Xếp hạng', { exact: true }).waitFor();
    await p.getByTestId('cluster-adjustments').getByText('5 → 3').waitFor();
    await p.screenshot({ path: resolve(SHOTS, 'clusters-09-scoring-390.png'), fullPage: true });
    await tab(p, 'Hội nghị');
    await p.getByText('Xem hồ sơ đề nghị').waitFor();
    await p.screenshot({ path: resolve(SHOTS, 'clusters-10-meeting-390.png'), fullPage: true });
    await tab(p, 'Nhiệm vụ, báo cáo');
    await p.getByTestId('cluster-tasks').getByText(TASK).waitFor();
    await p.getByTestId('cluster-head-late').waitFor();
    await p.screenshot({ path: resolve(SHOTS, 'clusters-11-plan-390.png'), fullPage: true });
    await p.close();
  });
});
