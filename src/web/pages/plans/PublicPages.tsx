/** Public portal (no sign-in): published plans and launched movements, with their full text. */
import { Card, List, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import type { ReactNode } from 'react';
import { getPublic, getPublicMovement, getPublicPlan } from '../../api/plans';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtDate } from '../../lib/format';
import { MovementDocument, PlanDocument } from './views';
import { keys } from '../../api/keys';
import { PortalFrame } from '../portal/PortalPages';

/** The portal's one frame (header, section links, footer). */
function PublicFrame({ children }: { children: ReactNode }) {
  return <PortalFrame>{children}</PortalFrame>;
}

export function PublicPortalPage() {
  const q = useQuery({ queryKey: keys.publicPlans, queryFn: getPublic });
  return (
    <PublicFrame>
      <Typography.Title level={3}>Kế hoạch và phong trào thi đua</Typography.Title>
      {q.isError ? <ErrorAlert error={q.error} /> : null}
      {q.isPending ? (
        <LoadingBlock />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card title="Ý kiến của nhân dân" size="small" data-testid="public-links">
            <Space orientation="vertical">
              <Link to="/cong-khai/lay-y-kien">Danh sách đề nghị khen thưởng đang lấy ý kiến</Link>
              <Link to="/cong-khai/don-thu" data-testid="public-petitions-link">
                Gửi thắc mắc, kiến nghị, khiếu nại, tố cáo — tra cứu kết quả bằng mã
              </Link>
            </Space>
          </Card>
          <Card title="Phong trào thi đua đã phát động" size="small">
            <List
              dataSource={q.data?.movements ?? []}
              data-testid="public-movements"
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
          <Card title="Kế hoạch thi đua, khen thưởng đã ban hành" size="small">
            <List
              dataSource={q.data?.plans ?? []}
              data-testid="public-plans"
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
        </Space>
      )}
    </PublicFrame>
  );
}

export function PublicPlanPage() {
  const { id } = useParams();
  const q = useQuery({ queryKey: keys.publicPlan(id), queryFn: () => getPublicPlan(id!) });
  return (
    <PublicFrame>
      {q.isPending ? (
        <LoadingBlock />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <Typography.Title level={4}>{q.data.unitName}</Typography.Title>
          <PlanDocument plan={q.data} />
        </>
      )}
    </PublicFrame>
  );
}

export function PublicMovementPage() {
  const { id } = useParams();
  const q = useQuery({ queryKey: keys.publicMovement(id), queryFn: () => getPublicMovement(id!) });
  return (
    <PublicFrame>
      {q.isPending ? (
        <LoadingBlock />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : (
        <>
          <Typography.Title level={4}>{q.data.title}</Typography.Title>
          <MovementDocument m={q.data} />
        </>
      )}
    </PublicFrame>
  );
}
