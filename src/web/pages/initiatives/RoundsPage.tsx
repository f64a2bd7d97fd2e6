/** Rounds of the initiative council (đợt xét sáng kiến): open and close them, and the Office's score sheet of one round. */
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { closeRound, getRoundSheet, initiativeAbilities, listRounds, openRound, type InitiativeRound, type RoundSheet } from '../../api/initiatives';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtDate } from '../../lib/format';

export default function RoundsPage() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const can = initiativeAbilities(useUser());
  const q = useQuery({ queryKey: keys.initiatives.rounds, queryFn: () => listRounds() });
  const step = useMutation({
    mutationFn: (v: { id: string; verb: 'open' | 'close' }) => (v.verb === 'open' ? openRound(v.id) : closeRound(v.id)),
    onSuccess: async () => {
      message.success('Đã cập nhật đợt xét.');
      await qc.invalidateQueries({ queryKey: keys.initiatives.all });
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <>
      <PageHeader title="Đợt xét sáng kiến" subtitle="Các đợt xét của Hội đồng sáng kiến, lịch theo quy chế của cơ quan" />
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      <Table<InitiativeRound>
        loading={q.isPending}
        rowKey="id"
        dataSource={q.data?.items ?? []}
        data-testid="rounds-table"
        scroll={{ x: 'max-content' }}
        pagination={false}
        expandable={{
          expandedRowRender: (r) => (
            <Space direction="vertical">
              {r.calendar.map((c) => (
                <span key={c.label}>{`${c.label}: ${fmtDate(c.from)} – ${fmtDate(c.to)}`}</span>
              ))}
              <span>{`Thành viên: ${r.members.map((m) => `${m.fullName} (${m.positionLabel})`).join(', ') || 'lấy khi mở đợt'}`}</span>
            </Space>
          ),
        }}
        columns={[
          { title: 'Năm', dataIndex: 'year', width: 70 },
          { title: 'Đợt xét', dataIndex: 'title' },
          { title: 'Hội đồng', dataIndex: 'councilName', responsive: ['md'] },
          {
            title: 'Tình trạng',
            render: (_, r) => <Tag color={r.status === 'open' ? 'blue' : r.status === 'closed' ? 'green' : 'default'}>{r.statusLabel}</Tag>,
          },
          {
            title: '',
            render: (_, r) => (
              <Space wrap>
                <Link to={`/sang-kien?dot=${r.id}`}>Sáng kiến</Link>
                {can.assign && r.status !== 'draft' ? <Link to={`/sang-kien/dot-xet/${r.id}`}>Bảng điểm</Link> : null}
                {r.abilities.includes('open') ? (
                  <Button size="small" onClick={() => step.mutate({ id: r.id, verb: 'open' })} data-testid="round-open">
                    Mở đợt
                  </Button>
                ) : null}
                {r.abilities.includes('close') ? (
                  <Button size="small" onClick={() => step.mutate({ id: r.id, verb: 'close' })} data-testid="round-close">
                    Kết thúc chấm
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

/** The Office's sheet: every initiative × every member, the average, the spread, outliers and the votes. */
export function RoundSheetPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: keys.initiatives.sheet(id), queryFn: () => getRoundSheet(id) });
  if (q.isPending) return <LoadingBlock />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  type Row = RoundSheet['rows'][number];
  return (
    <>
      <PageHeader title={`Bảng tổng hợp điểm: ${s.round.title}`} subtitle={s.round.councilName} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Text>
          {`Tổng số thành viên ${s.thresholds.totalMembers}; cần ít nhất ${s.thresholds.quorumNeeded} thành viên chấm, điểm trung bình từ ${s.thresholds.passMark}/${s.thresholds.maxTotal}, ${s.thresholds.votesNeeded} thành viên đồng ý. Căn cứ: ${s.thresholds.sources.passMark}; ${s.thresholds.sources.votes}${s.thresholds.sources.verified ? '' : ' (chưa xác minh)'}.`}
        </Typography.Text>
      </Card>
      <Table<Row>
        rowKey={(r) => r.initiative.id}
        dataSource={s.rows}
        data-testid="round-sheet"
        size="small"
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: 'Sáng kiến', fixed: 'left', render: (_, r) => <Link to={`/sang-kien/${r.initiative.id}`}>{r.initiative.title}</Link> },
          ...s.members.map((m, i) => ({
            title: m.fullName,
            key: m.personId,
            render: (_: unknown, r: Row) => {
              const c = r.cells[i]!;
              if (c.recused) return <Tag color="orange">Không chấm</Tag>;
              if (c.total === null) return '—';
              return (
                <Space size={4}>
                  {c.total}
                  {c.approve === false ? <Tag>Không đồng ý</Tag> : null}
                  {c.outlier ? <Tag color="red">Lệch</Tag> : null}
                </Space>
              );
            },
          })),
          { title: 'TB', render: (_, r) => r.line.average ?? '—' },
          { title: 'Chênh lệch', render: (_, r) => r.line.spread ?? '—' },
          { title: 'Đồng ý', render: (_, r) => `${r.line.approvals}/${s.thresholds.totalMembers}` },
          { title: 'Kết quả', render: (_, r) => (r.line.passes ? <Tag color="green">Đạt</Tag> : <Tag title={r.line.shortfalls.join(' ')}>Chưa đạt</Tag>) },
          { title: 'Trạng thái', render: (_, r) => r.initiative.statusLabel },
        ]}
      />
    </>
  );
}
