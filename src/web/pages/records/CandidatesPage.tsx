/** Who qualifies in a unit's subtree for a year and honor, with quota use (tỷ lệ khống chế). */
import { Alert, Button, Card, DatePicker, Flex, InputNumber, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { exportCandidates, getCandidates, type Candidates } from '../../api/records';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { PersonPicker } from '../../components/PersonPicker';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { DATE_FORMAT } from '../../lib/format';
import { HONORS, HONOR_INFO, REGIME_LABELS, type Honor } from '../../../shared/codes';
import { ReasonList, StatusTag, UNVERIFIED_TAG } from './parts';
import { ExportButton } from '../../components/ExportButton';
import { keys } from '../../api/keys';
import { currentYearVn, todayDayjs } from '../../lib/today';

type Row = Candidates['items'][number];
const PAGE_SIZE = 50;

export default function CandidatesPage() {
  const user = useUser();
  const navigate = useNavigate();
  const [unitId, setUnitId] = useState<string>(user.unitId);
  const [year, setYear] = useState<number>(currentYearVn() - 1);
  const [honor, setHonor] = useState<Honor>('CSTD_BO_TINH');
  const [decisionDate, setDecisionDate] = useState<Dayjs>(todayDayjs());
  const [onlyEligible, setOnlyEligible] = useState(false);
  // The server pages, sorts (by result) and filters; the summary and quotas cover the whole list.
  const [page, setPage] = useState(1);
  const [order, setOrder] = useState<'asc' | 'desc'>('asc');
  const result = onlyEligible ? ('eligible' as const) : undefined;

  const q = useQuery({
    queryKey: keys.candidates.list(unitId, year, honor, decisionDate.format('YYYY-MM-DD'), page, order, result),
    queryFn: () =>
      getCandidates({ unitId, year, honor, decisionDate: decisionDate.format('YYYY-MM-DD'), page, pageSize: PAGE_SIZE, sort: 'result', order, result }),
  });
  const data = q.data;
  const rows = data?.items ?? [];
  const summary = data?.summary.find((s) => s.honor === honor);

  return (
    <>
      <PageHeader
        title="Xét khen thưởng: ai đủ điều kiện"
        subtitle="Từ xếp loại, khen thưởng, sáng kiến và kỷ luật đã lưu; kèm lý do, căn cứ và tỷ lệ khống chế."
        extra={
          <Space>
            <div style={{ width: 320 }}>
              <PersonPicker placeholder="Tra cứu một cán bộ…" onChange={(id) => id && navigate(`/thi-dua/ca-nhan/${id}`)} data-testid="candidates-person" />
            </div>
            <Button icon={<TeamOutlined />} onClick={() => navigate(`/thi-dua/don-vi/${unitId}`)}>
              Xem tập thể
            </Button>
            <ExportButton
              download={() => exportCandidates({ unitId, year, honor, decisionDate: decisionDate.format('YYYY-MM-DD'), sort: 'result', order, result })}
            />
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={16} align="end">
          <div style={{ width: 340 }}>
            <Typography.Text type="secondary">Đơn vị (gồm đơn vị trực thuộc)</Typography.Text>
            <UnitTreeSelect
              value={unitId}
              onChange={(v) => {
                if (v) {
                  setUnitId(v);
                  setPage(1);
                }
              }}
              data-testid="candidates-unit"
            />
          </div>
          <div style={{ display: 'flex', flexDirection: 'column' }}>
            <Typography.Text type="secondary">Danh hiệu, hình thức</Typography.Text>
            <Select
              style={{ width: 320 }}
              value={honor}
              onChange={(h) => {
                setHonor(h);
                setPage(1);
              }}
              options={HONORS.map((h) => ({ value: h, label: HONOR_INFO[h].label }))}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="candidates-honor"
            />
          </div>
          <div>
            <Typography.Text type="secondary">Năm thành tích</Typography.Text>
            <InputNumber
              style={{ display: 'block' }}
              min={1990}
              max={2100}
              value={year}
              onChange={(v) => {
                if (v) {
                  setYear(v);
                  setPage(1);
                }
              }}
            />
          </div>
          <div>
            <Typography.Text type="secondary">Ngày quyết định dự kiến</Typography.Text>
            <DatePicker
              style={{ display: 'block' }}
              format={DATE_FORMAT}
              value={decisionDate}
              allowClear={false}
              onChange={(d) => {
                if (d) {
                  setDecisionDate(d);
                  setPage(1);
                }
              }}
            />
          </div>
        </Flex>
      </Card>
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.isPending ? <LoadingBlock rows={8} /> : null}
      {data ? (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Flex wrap gap={40} align="center">
              <Statistic title="Đủ điều kiện" value={summary?.eligible ?? 0} styles={{ content: { color: '#237804' } }} />
              <Statistic title="Chưa đủ" value={summary?.ineligible ?? 0} />
              <Statistic title="Thiếu dữ liệu" value={summary?.undetermined ?? 0} styles={{ content: { color: '#d48806' } }} />
              <Typography.Text type="secondary">
                Chế độ: <b>{REGIME_LABELS[data.regime]}</b>
                {data.appliedOverrides.length ? (
                  <>
                    {' '}
                    · Quy định riêng:{' '}
                    {data.appliedOverrides.map((o) => (
                      <Tag key={o} color="cyan">
                        {o}
                      </Tag>
                    ))}
                  </>
                ) : null}
              </Typography.Text>
            </Flex>
            {data.quotas.map((qu) => (
              <Alert
                key={qu.honor}
                style={{ marginTop: 12 }}
                type={qu.withinCap ? 'info' : 'warning'}
                showIcon
                data-testid="quota-alert"
                title={
                  <span>
                    Tỷ lệ khống chế: {qu.text} <Typography.Text type="secondary">({qu.article})</Typography.Text> {qu.verified ? null : UNVERIFIED_TAG}
                  </span>
                }
              />
            ))}
          </Card>
          <Card
            size="small"
            title={`${HONOR_INFO[honor].label} – năm ${data.year}`}
            extra={
              <Button
                size="small"
                onClick={() => {
                  setOnlyEligible(!onlyEligible);
                  setPage(1);
                }}
              >
                {onlyEligible ? 'Hiện tất cả' : 'Chỉ người đủ điều kiện'}
              </Button>
            }
          >
            <Table<Row>
              rowKey="id"
              size="small"
              dataSource={rows}
              pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, showSizeChanger: false }}
              onChange={(p, _filters, sorter) => {
                const s = Array.isArray(sorter) ? sorter[0] : sorter;
                setOrder(s?.order === 'descend' ? 'desc' : 'asc');
                setPage(p.current ?? 1);
              }}
              data-testid="candidates-table"
              expandable={{ expandedRowRender: (r) => <ReasonList reasons={r.outcomes[0]?.reasons ?? []} /> }}
              columns={[
                {
                  title: 'Họ và tên / Tập thể',
                  dataIndex: 'name',
                  width: 240,
                  render: (v: string, r) => <Link to={r.kind === 'individual' ? `/thi-dua/ca-nhan/${r.id}` : `/thi-dua/don-vi/${r.id}`}>{v}</Link>,
                },
                { title: 'Đơn vị', dataIndex: 'unitName', render: (v: string, r) => (r.kind === 'collective' ? <Tag>Tập thể</Tag> : v) },
                {
                  title: 'Kết quả',
                  width: 160,
                  render: (_: unknown, r) => <StatusTag eligible={r.outcomes[0]?.eligible ?? null} />,
                  sorter: true,
                  sortOrder: order === 'desc' ? 'descend' : 'ascend',
                  sortDirections: ['ascend', 'descend', 'ascend'],
                },
                { title: 'Lý do chính', render: (_: unknown, r) => firstProblem(r) },
              ]}
            />
          </Card>
        </>
      ) : null}
    </>
  );
}

function firstProblem(r: Row): string {
  const reasons = r.outcomes[0]?.reasons ?? [];
  const bad = reasons.find((x) => x.ok === false) ?? reasons.find((x) => x.ok === null);
  return bad ? bad.text : reasons.length ? 'Đạt mọi tiêu chí' : '';
}
