/** Pieces the public pages share (the portal's and the plans'): a query's three states, the movements and plans lists. */
import { Card, List, Space, Tag } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { getPublic } from '../../api/plans';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtDate } from '../../lib/format';

type PublicLists = Awaited<ReturnType<typeof getPublic>>;

/** The error, the spinner, or what the data shows. */
export function QueryView<T>({ q, children }: { q: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (q.isError) return <ErrorAlert error={q.error} />;
  if (q.isPending) return <LoadingBlock />;
  return <>{children(q.data)}</>;
}

export function MovementsCard({ movements }: { movements: PublicLists['movements'] }) {
  return (
    <Card size="small" title="Phong trào thi đua đã phát động">
      <List
        dataSource={movements}
        data-testid="public-movements"
        locale={{ emptyText: 'Chưa có phong trào.' }}
        renderItem={(m) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/cong-khai/phong-trao/${m.id}`}>{m.title}</Link>}
              description={
                <Space wrap>
                  <Tag color={m.status === 'launched' ? 'green' : 'default'}>{m.statusLabel}</Tag>
                  <span>{m.unitName}</span>
                  <span>
                    {fmtDate(m.startDate)} – {fmtDate(m.endDate)}
                  </span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export function PlansCard({ plans }: { plans: PublicLists['plans'] }) {
  return (
    <Card size="small" title="Kế hoạch thi đua, khen thưởng đã ban hành">
      <List
        dataSource={plans}
        data-testid="public-plans"
        locale={{ emptyText: 'Chưa có kế hoạch.' }}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta
              title={<Link to={`/cong-khai/ke-hoach/${p.id}`}>{p.title}</Link>}
              description={`${p.unitName} · năm ${p.year}${p.number ? ` · số ${p.number}` : ''}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
