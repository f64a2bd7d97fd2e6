import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { actorOf } from '../../http/session.js';
import { errors } from '../../http/contract.js';
import { authorize } from '../../policies/scope.js';
import { todoSectionsOf, type TodoSection } from '../../policies/notification.js';
import { listVisibleDossiers } from '../../repositories/dossiers.js';
import { listVisibleSessions } from '../../repositories/council-sessions.js';
import { listCalendar } from '../../repositories/calendar.js';
import { openBallotsOf } from '../../repositories/todo.js';
import { presentTodo, TODO_TITLES, todoSchema, type TodoSectionOut } from '../../presenters/todo.js';
import { addDays, todayVn } from '../../clock.js';
import { formatDateVi } from '../../../shared/format-vi.js';

/** The first few of each part: the panel links to the full list. */
const SHOWN = 5;

type Part = Omit<TodoSectionOut, 'key' | 'title'>;

async function dossierPart(
  db: Db,
  actor: Actor,
  f: { box?: 'inbox'; status: string },
  detail: (d: { unitName: string; reasons: string[] }) => string,
): Promise<Part> {
  const { rows, total } = await listVisibleDossiers(db, actor, { ...f, page: 1, pageSize: SHOWN });
  return {
    total,
    link: '/ho-so',
    items: rows.map((r) => ({
      title: r.dossier.title,
      detail: detail({ unitName: r.unitName, reasons: r.dossier.returnReasons ?? [] }),
      link: `/ho-so/${r.dossier.id}`,
      dueDate: null,
    })),
  };
}

/** One part of the panel, computed for the actor within its scope. */
async function part(db: Db, actor: Actor, key: TodoSection): Promise<Part> {
  const today = todayVn();
  switch (key) {
    case 'receive':
      return dossierPart(db, actor, { box: 'inbox', status: 'submitted' }, (d) => `${d.unitName} đã nộp: tiếp nhận hoặc trả lại kèm lý do`);
    case 'appraise':
      return dossierPart(db, actor, { box: 'inbox', status: 'appraising' }, (d) => `${d.unitName}: thẩm định từng đề nghị rồi đưa vào phiên họp Hội đồng`);
    case 'returned':
      return dossierPart(db, actor, { status: 'returned' }, (d) => (d.reasons.length ? `Lý do: ${d.reasons.join('; ')}` : 'Sửa, bổ sung rồi nộp lại'));
    case 'prepare': {
      const { rows } = await listVisibleSessions(db, actor, { page: 1, pageSize: 50 });
      const drafts = rows.filter((r) => r.session.status === 'draft');
      return {
        total: drafts.length,
        link: '/phien-hop',
        items: drafts.slice(0, SHOWN).map((r) => ({
          title: r.session.title,
          detail: `Họp ngày ${formatDateVi(r.session.meetingDate)}, ${r.itemCount} đề nghị: điểm danh rồi khai mạc`,
          link: `/phien-hop/${r.session.id}`,
          dueDate: r.session.meetingDate,
        })),
      };
    }
    case 'ballots': {
      const open = (await openBallotsOf(db, actor.personId ?? '')).filter((b) => b.left > 0);
      return {
        total: open.length,
        link: '/phien-hop',
        items: open.slice(0, SHOWN).map((b) => ({
          title: b.title,
          detail: `Còn ${b.left} đề nghị chưa bỏ phiếu (họp ngày ${formatDateVi(b.meetingDate)})`,
          link: `/phien-hop/${b.id}`,
          dueDate: b.meetingDate,
        })),
      };
    }
    case 'deadlines':
    case 'registration': {
      const to = addDays(today, key === 'deadlines' ? 7 : 90);
      const { items } = await listCalendar(db, actor, { from: today, to, limit: 200 });
      const open = items.filter((r) => r.d.status === 'open' && (key === 'registration') === (r.d.kind === 'registration'));
      return {
        total: open.length,
        link: key === 'registration' ? '/dang-ky-thi-dua' : '/lich',
        items: open.slice(0, SHOWN).map((r) => ({
          title: r.d.title,
          detail: `${r.unitName} · hạn ${formatDateVi(r.d.dueDate)}${r.d.dueDate === today ? ' (hôm nay)' : ''}`,
          link: key === 'registration' ? '/dang-ky-thi-dua' : (r.d.link ?? '/lich'),
          dueDate: r.d.dueDate,
        })),
      };
    }
  }
}

export const meRoutes =
  ({ db }: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/me/todo',
      {
        schema: {
          tags: ['calendar'],
          operationId: 'getMyTodo',
          summary: 'Việc cần làm của tài khoản đang đăng nhập (theo vai trò): hồ sơ chờ tiếp nhận, thẩm định, phiên họp, phiếu bầu, hồ sơ bị trả lại, thời hạn',
          response: { 200: todoSchema, ...errors(403) },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        authorize(actor, 'notification', 'read');
        const sections: TodoSectionOut[] = [];
        // One part after the other: the pool is shared with every other request.
        for (const key of todoSectionsOf(actor)) sections.push({ key, title: TODO_TITLES[key], ...(await part(db, actor, key)) });
        return presentTodo(sections);
      },
    );
  };
