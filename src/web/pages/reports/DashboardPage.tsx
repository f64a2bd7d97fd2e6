/** The dashboard for the user's scope: targets against results, awards by level, unit and month, shares, pending dossiers, money. */
import { Card, Col, InputNumber, Progress, Row, Select, Space, Statistic, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getDashboard } from '../../api/reports';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtMoney, fmtNumber } from '../../lib/format';
import { currentYearVn } from '../../lib/today';

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);

export default function DashboardPage() {
  const [year, setYear] = useState(currentYearVn());
  const [movementId, setMovementId] = useState<string | undefined>();
  const q = useQuery({ queryKey: ['dashboard', year, movementId], queryFn: () => getDashboard({ year, ...(movementId ? { movementId } : {}) }) });
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <>
      <PageHeader
        title="Bảng điều hành thi đua, khen thưởng"
        subtitle={d?.unitName}
        extra={
          <Space wrap>
            <InputNumber aria-label="Năm" value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />
            <Select
              style={{ minWidth: 220 }}
              placeholder="Phong trào"
              value={d?.movementId ?? undefined}
              onChange={setMovementId}
              options={(d?.movements ?? []).map((m) => ({ value: m.id, label: m.title }))}
            />
          </Space>
        }
      />
      {!d ? (
        <LoadingBlock />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="Tập thể được khen" value={d.totals.collective} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="Cá nhân được khen" value={d.totals.individual} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="Tiền thưởng" value={fmtMoney(d.totals.amount)} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="Hồ sơ đang xử lý" value={d.pending.reduce((s, p) => s + p.dossiers, 0)} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title="Mục tiêu thi đua so với kết quả">
            {d.targets.length === 0 ? 'Phong trào chưa đặt mục tiêu đo được.' : null}
            {d.targets.map((t) => (
              <div key={t.id} style={{ marginBottom: 8 }}>
                <div>
                  {t.label}: đạt {fmtNumber(t.awarded)}
                  {t.base !== null ? ` / ${fmtNumber(t.base)} (${t.awardedPercent ?? 0}%)` : ''}
                </div>
                <Progress percent={t.progress ?? 0} status={t.achieved ? 'success' : 'active'} />
              </div>
            ))}
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card size="small" title="Theo cấp khen thưởng">
                {d.byLevel.map((l) => (
                  <div key={l.level}>
                    {l.label}: {fmtNumber(l.collective)} tập thể, {fmtNumber(l.individual)} cá nhân
                    <Progress percent={pct(l.collective + l.individual, d.totals.collective + d.totals.individual)} showInfo={false} />
                  </div>
                ))}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="Cá nhân được khen theo đối tượng">
                {(
                  [
                    ['Không giữ chức vụ lãnh đạo', d.shares.nonLeader],
                    ['Người trực tiếp lao động, công tác', d.shares.directWorker],
                    ['Nữ', d.shares.female],
                    ['Lãnh đạo, quản lý', d.shares.leader],
                  ] as const
                ).map(([label, n]) => (
                  <div key={label}>
                    {label}: {fmtNumber(n)}
                    <Progress percent={pct(n, d.shares.individuals)} />
                  </div>
                ))}
              </Card>
            </Col>
          </Row>
          <Card size="small" title="Theo danh hiệu, hình thức">
            <Table
              rowKey="honor"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              dataSource={d.byHonor}
              columns={[
                { title: 'Danh hiệu / hình thức', dataIndex: 'label' },
                { title: 'Tập thể', dataIndex: 'collective', align: 'right' },
                { title: 'Cá nhân', dataIndex: 'individual', align: 'right' },
                { title: 'Tiền thưởng', align: 'right', render: (_, r) => fmtMoney(r.amount) },
              ]}
            />
          </Card>
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={12}>
              <Card size="small" title="Theo đơn vị">
                <Table
                  rowKey="unitId"
                  size="small"
                  pagination={false}
                  scroll={{ x: true }}
                  dataSource={d.byUnit}
                  columns={[
                    { title: 'Đơn vị', dataIndex: 'unitName' },
                    { title: 'Tập thể', dataIndex: 'collective', align: 'right' },
                    { title: 'Cá nhân', dataIndex: 'individual', align: 'right' },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="Hồ sơ đang xử lý theo bước">
                <Table
                  rowKey="status"
                  size="small"
                  pagination={false}
                  dataSource={d.pending}
                  columns={[
                    { title: 'Bước', dataIndex: 'label' },
                    { title: 'Hồ sơ', dataIndex: 'dossiers', align: 'right' },
                    { title: 'Đối tượng', dataIndex: 'candidates', align: 'right' },
                  ]}
                />
              </Card>
              <Card size="small" title="So với các năm trước" style={{ marginTop: 12 }}>
                {d.years.map((y) => (
                  <div key={y.year}>
                    {y.year}: {fmtNumber(y.awards)} lượt, {fmtMoney(y.amount)}
                  </div>
                ))}
              </Card>
            </Col>
          </Row>
        </Space>
      )}
    </>
  );
}
