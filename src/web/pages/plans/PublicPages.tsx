/** Public portal (no sign-in): published plans and launched movements, with their full text. */
import { Card, Space, Typography } from 'antd';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { getPublic, getPublicMovement, getPublicPlan } from '../../api/plans';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { MovementDocument, PlanDocument } from './views';
import { keys } from '../../api/keys';
import { PortalFrame } from '../portal/PortalPages';
import { MovementsCard, PlansCard, QueryView } from '../portal/parts';

export function PublicPortalPage() {
  const q = useQuery({ queryKey: keys.publicPlans, queryFn: getPublic });
  return (
    <PortalFrame>
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
          <MovementsCard movements={q.data?.movements ?? []} />
          <PlansCard plans={q.data?.plans ?? []} />
        </Space>
      )}
    </PortalFrame>
  );
}

/** A published document at its own address: its heading and its full text, in the portal's frame. */
function PublicDocumentPage<T>({ q, heading, children }: { q: UseQueryResult<T>; heading: (d: T) => string; children: (d: T) => ReactNode }) {
  return (
    <PortalFrame>
      <QueryView q={q}>
        {(data) => (
          <>
            <Typography.Title level={4}>{heading(data)}</Typography.Title>
            {children(data)}
          </>
        )}
      </QueryView>
    </PortalFrame>
  );
}

export function PublicPlanPage() {
  const { id } = useParams();
  const q = useQuery({ queryKey: keys.publicPlan(id), queryFn: () => getPublicPlan(id!) });
  return (
    <PublicDocumentPage q={q} heading={(p) => p.unitName ?? ''}>
      {(p) => <PlanDocument plan={p} />}
    </PublicDocumentPage>
  );
}

export function PublicMovementPage() {
  const { id } = useParams();
  const q = useQuery({ queryKey: keys.publicMovement(id), queryFn: () => getPublicMovement(id!) });
  return (
    <PublicDocumentPage q={q} heading={(m) => m.title}>
      {(m) => <MovementDocument m={m} />}
    </PublicDocumentPage>
  );
}
