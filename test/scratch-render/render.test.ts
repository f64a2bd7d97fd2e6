import { it } from 'node:test';
import { downloadAs } from '../helpers/pdf-layout.js';
import { writeFileSync } from 'node:fs';
import { createTestApp } from '../helpers/app.js';

it('render conference report', async () => {
  const t = await createTestApp();
  const office = await t.login('vanphong');
  const rootId = (await office.get('/api/auth/me')).body.user.unitId;
  const ex = await office.get('/api/exemplars?pageSize=50');
  const ids = ex.body.items.map((x: { id: string }) => x.id);
  const c = await office.post('/api/exemplar-conferences', {
    unitId: rootId, title: 'Hội nghị điển hình tiên tiến năm 2025', heldOn: '2025-10-15', place: 'Hội trường Sở',
    speakers: ['Giám đốc Sở', 'Đại diện Trung tâm Ứng dụng'], exemplarIds: ids, outcome: process.env.OUTCOME,
  });
  if (c.status !== 201) throw new Error(JSON.stringify(c.body));
  const res = await downloadAs(t, 'vanphong', `/api/exemplar-conferences/${c.body.id}/report.docx`);
  writeFileSync('/tmp/wt-portal-render/report.docx', res.body);
  await t.close();
});
