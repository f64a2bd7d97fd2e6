/**
 * Seed 002's fourth quarter in the browser ("Hội đồng sáng kiến Sở tổ chức chấm điểm, đánh giá, công
 * nhận sáng kiến"), at 1440 and 390 px: the Office opens a round of the initiative council (five
 * members); Trung tâm Ứng dụng submits two initiatives of Lý Thị Phương and attaches the description,
 * the Office submits one of Nguyễn Văn Đức (a member: recused as its author; Lục Văn Hùng is recused
 * from the Trung tâm's as of the same unit); the member "hoidong" scores on the rubric, the Office
 * enters the paper sheets; the round closes; the Quyết định công nhận recognises the two that pass,
 * the third is refused with its reason; Phương's CSTĐCS turns from "Chưa đủ" to eligible and she
 * sees her recognised initiatives. Records the journey needs but does not drive (the fifth council
 * member, Phương's rating and Lao động tiên tiến) are written through the API.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { E2E_PASSWORD, SHOTS, cannotRun, chooseOption, launchBrowser, login, startServer } from './helpers.js';
import { todayVn } from '../src/server/clock.js';

const skip = cannotRun();
const Y = Number(todayVn().slice(0, 4));
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The API over HTTP as one account (the records the journey does not drive). */
async function api(url: string, username: string) {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: E2E_PASSWORD }),
  });
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return async (method: 'GET' | 'POST' | 'PUT', u: string, body?: unknown) => {
    const res = await fetch(`${url}${u}`, {
      method,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken, 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text || 'null') };
  };
}

describe('initiatives: the council scores, recognises and refuses (seed 002, Q4)', { skip: skip ?? false }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });

  for (const width of [1440, 390]) {
    it(`walks the round end to end at ${width} px`, async () => {
      const server = await startServer();
      const url = server.url;
      const shot = (p: Page, name: string) => p.screenshot({ path: resolve(SHOTS, `initiatives-${name}-${width}.png`), fullPage: true });
      const pageAs = async (username: string) => {
        const p = await browser.newPage({ viewport: { width, height: 900 } });
        await login(p, url, username);
        return p;
      };
      try {
        const office = await api(url, 'vanphong');
        const council = (await office('GET', '/api/councils')).body.items.find((c: { kind: string }) => c.kind === 'sang_kien');
        const hanh = (await office('GET', `/api/people?q=${encodeURIComponent('Nông Thị Hạnh')}`)).body.items[0].id;
        assert.equal((await office('POST', `/api/councils/${council.id}/members`, { personId: hanh, position: 'uy_vien' })).status, 201);
        const phuong = (await office('GET', `/api/people?q=${encodeURIComponent('Lý Thị Phương')}`)).body.items[0].id;
        assert.equal((await office('PUT', `/api/people/${phuong}/ratings/${Y}`, { rating: 'HTTNV' })).status, 200);
        const ldtt = await office('POST', '/api/records/honors', {
          personId: phuong,
          honor: 'LDTT',
          year: Y,
          type: 'cong_trang',
          decisionNumber: '10/QĐ-SKHCN',
          decisionDate: todayVn(),
        });
        assert.equal(ldtt.status, 201, JSON.stringify(ldtt.body));

        // The Office creates this quarter's round and opens it.
        const roundTitle = `Đợt xét sáng kiến quý IV năm ${Y}`;
        const vp = await pageAs('vanphong');
        await vp.goto(`${url}/sang-kien/dot-xet`);
        await vp.getByTestId('round-new').click();
        await chooseOption(vp, 'round-council', 'Hội đồng Sáng kiến');
        await chooseOption(vp, 'round-rubric', 'Thang điểm chấm sáng kiến');
        await vp.getByTestId('round-title').fill(roundTitle);
        await vp.getByRole('button', { name: 'Lưu' }).click();
        const roundRow = vp.getByTestId('rounds-table').locator('tr', { hasText: roundTitle });
        await roundRow.getByTestId('round-open').click();
        await roundRow.getByText('Đang xét').waitFor();
        await shot(vp, 'rounds');

        // Submissions: two of the Trung tâm (its clerk), one of the Văn phòng (the Office).
        const submit = async (p: Page, o: { title: string; author: string; unit?: string }) => {
          await p.goto(`${url}/sang-kien`);
          await p.getByTestId('initiative-new').click();
          const form = p.getByTestId('initiative-form');
          await form.waitFor();
          await chooseOption(p, 'initiative-round', roundTitle);
          if (o.unit) await chooseOption(p, form.locator('.ant-select-tree-select, .ant-tree-select').first(), o.unit, o.unit);
          await chooseOption(p, 'initiative-author-0', o.author, o.author);
          await p.getByTestId('initiative-title').fill(o.title);
          await p.getByTestId('initiative-place').fill(o.unit ?? 'Trung tâm Ứng dụng tiến bộ KH&CN');
          await p.getByTestId('initiative-date').fill(`01/03/${Y}`);
          await p.getByTestId('initiative-date').press('Enter');
          await p.getByTestId('initiative-novelty').fill('Lần đầu áp dụng tại Sở.');
          await p.getByTestId('initiative-application').fill('Áp dụng tại đơn vị từ quý I.');
          await p.getByRole('button', { name: 'Nộp đơn' }).click();
          await form.waitFor({ state: 'detached' });
          // The new application opens on its own page.
          await p.waitForURL(/\/sang-kien\/[0-9a-f-]{36}$/);
          await p.getByRole('heading', { name: o.title }).waitFor();
          return p.url().split('/').pop()!;
        };
        const titles = ['Bản đồ số quản lý giống cây trồng', 'Quy trình nhân giống nấm sò bằng phôi mới', 'Số hóa hồ sơ lưu trữ của Văn phòng'];
        const clerk = await pageAs('donvi');
        const ids = [
          await submit(clerk, { title: titles[0]!, author: 'Lý Thị Phương' }),
          await submit(clerk, { title: titles[1]!, author: 'Lý Thị Phương' }),
          await submit(vp, { title: titles[2]!, author: 'Nguyễn Văn Đức', unit: 'Văn phòng Sở' }),
        ];
        await clerk.goto(`${url}/sang-kien`);
        for (const t of titles.slice(0, 2)) await clerk.getByTestId('initiatives-table').getByText(t).first().waitFor();
        await shot(clerk, 'list');

        // The clerk attaches the description: a text file is refused in Vietnamese, the PDF is kept.
        await clerk.goto(`${url}/sang-kien/${ids[0]}`);
        const files = clerk.getByTestId('initiative-attachments');
        await files.waitFor();
        await files.locator('input[type="file"]').setInputFiles({ name: 'ghi-chu.pdf', mimeType: 'application/pdf', buffer: Buffer.from('chỉ là chữ') });
        await clerk.getByText(/Chỉ nhận tệp PDF, Word/).waitFor();
        await files.locator('input[type="file"]').setInputFiles({ name: 'Bản mô tả sáng kiến.pdf', mimeType: 'application/pdf', buffer: PDF });
        await files.getByTestId('attachment-row').filter({ hasText: 'Bản mô tả sáng kiến.pdf' }).waitFor();
        assert.equal(await files.getByTestId('attachment-row').count(), 1);
        await shot(clerk, 'attachments');

        // The Office assigns the five members: the author and the same unit's member are recused.
        for (const [i, t] of titles.entries()) {
          await vp.goto(`${url}/sang-kien/${ids[i]}`);
          await vp.getByTestId('initiative-assign').click();
          await vp.getByTestId('assign-ok').click();
          await vp.getByTestId('assignments').waitFor();
          const recused = vp.getByTestId('assignments').locator('tr', { hasText: 'Không tham gia' });
          await recused.first().waitFor();
          const text = await vp.getByTestId('assignments').innerText();
          if (t === titles[2]) assert.match(text, /Nguyễn Văn Đức[\s\S]*Không tham gia: Là tác giả/);
          else assert.match(text, /Lục Văn Hùng[\s\S]*Không tham gia: Cùng đơn vị/);
        }
        await shot(vp, 'assigned');

        // The member scores each on the rubric; the others' sheets come on paper through the Office.
        const fill = async (p: Page, card: string, pts: number[], approve: boolean) => {
          const c = p.getByTestId(card);
          for (const [k, v] of ['tinh_moi', 'kha_nang_ap_dung', 'hieu_qua', 'pham_vi'].entries()) await c.getByTestId(`score-${v}`).fill(String(pts[k]));
          if (!approve) await c.getByText('Không đồng ý').click();
          await c.getByTestId(card === 'paper-score' ? 'paper-submit' : 'score-submit').click();
        };
        const good = [25, 24, 24, 8];
        const poor = [10, 8, 8, 3];
        const member = await pageAs('hoidong');
        for (const [i, id] of ids.entries()) {
          await member.goto(`${url}/sang-kien/${id}`);
          await member.getByTestId('my-score').waitFor();
          if (i === 0) await shot(member, 'score-sheet');
          await fill(member, 'my-score', i < 2 ? good : poor, i < 2);
          await member.getByTestId('scores-view').waitFor();
        }
        for (const [i, id] of ids.entries()) {
          await vp.goto(`${url}/sang-kien/${id}`);
          for (let n = 0; n < 3; n++) {
            const card = vp.getByTestId('paper-score');
            await card.waitFor();
            const before = await vp.getByTestId('assignments').getByText('Đã chấm').count();
            const pick = vp.getByTestId('paper-member');
            await pick.click();
            await vp.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
            await fill(vp, 'paper-score', i < 2 ? good : poor, i < 2);
            for (let w = 0; w < 50 && (await vp.getByTestId('assignments').getByText('Đã chấm').count()) === before; w++) await vp.waitForTimeout(100);
          }
          assert.equal(await vp.getByTestId('paper-score').count(), 0, 'every member who may score has scored');
        }

        // Before the recognition Phương lacks an initiative for CSTĐCS.
        const cstdcs = async (p: Page) => {
          await p.goto(`${url}/thi-dua/ca-nhan/${phuong}`);
          const row = p.getByTestId('eligibility-table').locator('tr', { hasText: 'Chiến sĩ thi đua cơ sở' }).first();
          await row.waitFor();
          return row.innerText();
        };
        assert.match(await cstdcs(vp), /Chưa đủ/);

        // The round closes; the sheet shows the two that pass; the decision recognises them.
        await vp.goto(`${url}/sang-kien/dot-xet`);
        await vp.getByTestId('rounds-table').locator('tr', { hasText: roundTitle }).getByTestId('round-close').click();
        await vp.getByTestId('rounds-table').locator('tr', { hasText: roundTitle }).getByRole('link', { name: 'Bảng điểm' }).click();
        const sheet = vp.getByTestId('round-sheet');
        await sheet.waitFor();
        assert.equal(await sheet.getByText('Đạt', { exact: true }).count(), 2);
        await shot(vp, 'round-sheet');
        await vp.getByTestId('round-recognise').click();
        await vp.getByTestId('recognition-date').fill(todayVn().split('-').reverse().join('/'));
        await vp.getByTestId('recognition-date').press('Enter');
        await vp.getByTestId('recognition-signer').fill('Hoàng Văn Thạch');
        await vp.getByTestId('recognition-ok').click();
        await vp.getByText(/Đã ban hành Quyết định số/).waitFor();

        // The third is refused with its reason.
        await vp.goto(`${url}/sang-kien/${ids[2]}`);
        await vp.getByTestId('initiative-refuse').click();
        await vp.getByTestId('refuse-reason').fill('Chưa chứng minh được hiệu quả áp dụng.');
        await vp.getByTestId('refuse-ok').click();
        await vp.getByTestId('refusal').getByText('Chưa chứng minh được hiệu quả áp dụng.').waitFor();

        await vp.goto(`${url}/sang-kien/${ids[0]}`);
        await vp.getByTestId('recognised').waitFor();
        assert.ok(await vp.getByTestId('initiative-certificate').isVisible());
        await vp.getByTestId('initiative-attachments').getByText('Bản mô tả sáng kiến.pdf').waitFor();
        assert.equal(await vp.getByTestId('attachment-add').count(), 0, 'a decided initiative takes no more files');
        await shot(vp, 'recognised');

        // Phương is now eligible for CSTĐCS, and sees her two initiatives recognised.
        assert.match(await cstdcs(vp), /Đủ điều kiện/);
        await shot(vp, 'eligibility');
        const author = await pageAs('canhan');
        await author.goto(`${url}/sang-kien`);
        const table = author.getByTestId('initiatives-table');
        for (const t of titles.slice(0, 2)) await table.locator('tr', { hasText: t }).getByText('Được công nhận').waitFor();
        assert.equal(await table.getByText(titles[2]!).count(), 0, 'the author sees only her own');
        await shot(author, 'author');
      } finally {
        await server.stop();
      }
    });
  }
});
