import { Alert, Button, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { ApartmentOutlined, AuditOutlined, CloudUploadOutlined, SafetyCertificateOutlined, TeamOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { ReactNode } from 'react';
import { useUser } from '../../auth/AuthContext';
import { listPeople, getPerson } from '../../api/people';
import { listCouncils } from '../../api/councils';
import { useUnits } from '../../lib/hooks';
import { moduleAccess } from '../../lib/menu';
import { fmtNumber } from '../../lib/format';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { PersonDescriptions, TransferHistory } from '../../components/PersonProfile';
import { keys } from '../../api/keys';
import { TodoPanel } from './TodoPanel';

function StatCard({
  title,
  value,
  loading,
  error,
  icon,
  onClick,
}: {
  title: string;
  value: number | undefined;
  loading: boolean;
  error: boolean;
  icon: ReactNode;
  onClick?: () => void;
}) {
  return (
    <Card hoverable={!!onClick} onClick={onClick}>
      <Statistic title={title} value={error ? '—' : value !== undefined ? fmtNumber(value) : '—'} loading={loading} prefix={icon} />
    </Card>
  );
}

function MyProfile({ personId }: { personId: string | null }) {
  const person = useQuery({ queryKey: keys.people.detail(personId), queryFn: () => getPerson(personId ?? ''), enabled: !!personId });
  if (!personId) {
    return (
      <Alert type="info" showIcon title="Tài khoản của bạn chưa được gắn với hồ sơ cán bộ nào. Hãy liên hệ cán bộ phụ trách thi đua, khen thưởng của đơn vị." />
    );
  }
  if (person.isPending) return <LoadingBlock />;
  if (person.isError) return <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />;
  return (
    <>
      <Card title="Thông tin cá nhân" size="small">
        <PersonDescriptions person={person.data} />
      </Card>
      <TransferHistory transfers={person.data.transfers} />
    </>
  );
}

export default function HomePage() {
  const user = useUser();
  const navigate = useNavigate();
  const access = moduleAccess(user);
  const units = useUnits(false);
  const staff = useQuery({ queryKey: keys.people.count, queryFn: () => listPeople({ active: true, pageSize: 1 }), enabled: access.people });
  const councils = useQuery({ queryKey: keys.councils, queryFn: listCouncils, enabled: access.councils });

  if (user.reach === 'self') {
    return (
      <>
        <PageHeader title="Hồ sơ của tôi" subtitle={`${user.displayName} · ${user.unitName}`} />
        <TodoPanel />
        <MyProfile personId={user.personId} />
      </>
    );
  }

  const links: { key: string; show: boolean; icon: ReactNode; label: string; to: string }[] = [
    { key: 'units', show: access.units, icon: <ApartmentOutlined />, label: 'Cơ cấu tổ chức', to: '/don-vi' },
    { key: 'people', show: access.people, icon: <TeamOutlined />, label: 'Danh sách cán bộ', to: '/can-bo' },
    { key: 'import', show: access.import, icon: <CloudUploadOutlined />, label: 'Nhập cán bộ từ Excel', to: '/can-bo/nhap-excel' },
    { key: 'councils', show: access.councils, icon: <UsergroupAddOutlined />, label: 'Hội đồng', to: '/hoi-dong' },
    { key: 'accounts', show: access.accounts, icon: <SafetyCertificateOutlined />, label: 'Tài khoản', to: '/tai-khoan' },
    { key: 'audit', show: access.audit, icon: <AuditOutlined />, label: 'Nhật ký thao tác', to: '/nhat-ky' },
  ];

  return (
    <>
      <PageHeader title={`Xin chào, ${user.displayName}`} subtitle={`${user.roleLabel} · ${user.unitName}`} />
      <TodoPanel />
      {units.isError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={units.error} onRetry={() => void units.refetch()} />
        </div>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <StatCard
            title="Đơn vị đang hoạt động trong phạm vi"
            value={units.data?.items.length}
            loading={units.isPending}
            error={units.isError}
            icon={<ApartmentOutlined />}
            onClick={access.units ? () => navigate('/don-vi') : undefined}
          />
        </Col>
        {access.people ? (
          <Col xs={24} md={8}>
            <StatCard
              title="Cán bộ đang theo dõi"
              value={staff.data?.total}
              loading={staff.isPending}
              error={staff.isError}
              icon={<TeamOutlined />}
              onClick={() => navigate('/can-bo')}
            />
          </Col>
        ) : null}
        {access.councils ? (
          <Col xs={24} md={8}>
            <StatCard
              title="Hội đồng"
              value={councils.data?.items.length}
              loading={councils.isPending}
              error={councils.isError}
              icon={<UsergroupAddOutlined />}
              onClick={() => navigate('/hoi-dong')}
            />
          </Col>
        ) : null}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card title="Đơn vị của bạn" size="small">
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {user.unitName}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              Bạn làm việc với vai trò <strong>{user.roleLabel}</strong>. Dữ liệu hiển thị gồm đơn vị này và các đơn vị trực thuộc.
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Truy cập nhanh" size="small">
            <Flex wrap gap={8}>
              {links
                .filter((l) => l.show)
                .map((l) => (
                  <Button key={l.key} icon={l.icon} onClick={() => navigate(l.to)}>
                    {l.label}
                  </Button>
                ))}
            </Flex>
          </Card>
        </Col>
      </Row>
    </>
  );
}
