import { App, Button, Card, Descriptions, Flex, InputNumber, Popconfirm, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  closeClusterScoring,
  getCluster,
  getClusterPledge,
  getClusterScoring,
  listClusterMeetings,
  listClusters,
  proposeFromClusterMeeting,
  selfScoreCluster,
  type Cluster,
  type ClusterScoring,
} from '../../api/clusters';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtDate } from '../../lib/format';
import { currentYearVn } from '../../lib/today';

const ROLE_LABEL = { head: 'Trưởng', deputy: 'Phó', member: 'Thành viên' } as const;

/** Cụm, khối thi đua of a year: the standing body sees all, a member only its own. */
export function ClustersPage() {
  const [year, setYear] = useState<number>(currentYearVn());
  const [kind, setKind] = useState<'all' | 'cum' | 'khoi'>('all');
  const q = useQuery({ queryKey: keys.clusters.list({ year, kind }), queryFn: () => listClusters({ year, ...(kind === 'all' ? {} : { kind }) }) });
  return (
    <>
      <PageHeader
        title="Cụm, khối thi đua"
        subtitle="Thành viên, Trưởng/Phó cụm luân phiên, giao ước, chấm điểm, xếp hạng và suy tôn"
        extra={
          <Space wrap>
            <InputNumber aria-label="Năm" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
            <Segmented
              value={kind}
              onChange={(v) => setKind(v as typeof kind)}
              options={[
                { value: 'all', label: 'Tất cả' },
                { value: 'cum', label: 'Cụm' },
                { value: 'khoi', label: 'Khối' },
              ]}
            />
          </Space>
        }
      />
      {q.isLoading ? (
        <LoadingBlock />
      ) : q.error ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data?.items.length ? (
        <EmptyBlock text={`Chưa có cụm, khối thi đua năm ${year}.`} />
      ) : (
        <Table
          rowKey="id"
          dataSource={q.data.items}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: 'Tên', dataIndex: 'name', render: (v: string, r) => <Link to={`/cum-khoi/${r.id}`}>{v}</Link> },
            { title: 'Loại', dataIndex: 'kindLabel', responsive: ['sm'] },
            { title: 'Thành viên', dataIndex: 'memberCount', align: 'right' },
            { title: 'Trưởng cụm/khối', dataIndex: 'headName', responsive: ['md'], render: (v: string | null) => v ?? '—' },
          ]}
        />
      )}
    </>
  );
}

function MembersTab({ c }: { c: Cluster }) {
  const rotation = c.members.find((m) => m.id === c.rotation.headMemberId);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={c.members}
        columns={[
          { title: 'Thành viên', dataIndex: 'name', render: (v: string, m) => (m.mine ? <strong>{v}</strong> : v) },
          {
            title: 'Vai trò',
            dataIndex: 'role',
            render: (r: keyof typeof ROLE_LABEL) => (r === 'member' ? ROLE_LABEL[r] : <Tag color="gold">{ROLE_LABEL[r]}</Tag>),
          },
          { title: 'Nguồn', dataIndex: 'unitId', responsive: ['md'], render: (u: string | null) => (u ? 'Đơn vị trong hệ thống' : 'Cơ quan ngoài hệ thống') },
          { title: 'Liên hệ', dataIndex: 'contact', responsive: ['lg'] },
        ]}
      />
      <Card size="small" title="Luân phiên Trưởng, Phó cụm">
        <Typography.Paragraph>
          Gợi ý: {rotation ? <strong>{rotation.name}</strong> : '—'}. {c.rotation.reason}
        </Typography.Paragraph>
        {c.leaderHistory.map((h, i) => (
          <div key={i}>
            Năm {h.year} ({fmtDate(h.electedOn)}): Trưởng {h.head}
            {h.deputy ? `, Phó ${h.deputy}` : ''}
          </div>
        ))}
      </Card>
    </Space>
  );
}

function PledgeTab({ id }: { id: string }) {
  const q = useQuery({ queryKey: [...keys.clusters.detail(id), 'pledge'], queryFn: () => getClusterPledge(id) });
  if (!q.data) return <LoadingBlock />;
  const p = q.data;
  if (!p.signedDate && !p.commonTargets.length) return <EmptyBlock text={p.published ? 'Giao ước chưa có nội dung.' : 'Giao ước chưa được công bố.'} />;
  return (
    <Descriptions column={1} bordered size="small">
      <Descriptions.Item label="Ngày ký">{fmtDate(p.signedDate)}</Descriptions.Item>
      <Descriptions.Item label="Nơi ký">{p.place ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="Chỉ tiêu chung">
        <ol style={{ margin: 0, paddingLeft: 18 }}>
          {p.commonTargets.map((t, i) => (
            <li key={i}>{t}</li>
          ))}
        </ol>
      </Descriptions.Item>
      <Descriptions.Item label="Bản đã ký">
        {p.scan ? <a href={`/api/clusters/${id}/pledge/scan`}>{p.scan.name}</a> : 'Chưa tải lên'}{' '}
        {p.published ? <Tag color="green">Đã công bố</Tag> : <Tag>Chưa công bố</Tag>}
      </Descriptions.Item>
    </Descriptions>
  );
}

function SelfScore({ c, s }: { c: Cluster; s: ClusterScoring }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const mine = c.members.find((m) => m.mine);
  const [points, setPoints] = useState<Record<string, number>>({});
  const save = useMutation({
    mutationFn: () => selfScoreCluster(c.id, mine!.id, { entries: Object.entries(points).map(([criterionId, p]) => ({ criterionId, points: p })) }),
    onSuccess: async () => {
      message.success('Đã lưu điểm tự chấm.');
      setPoints({});
      await qc.invalidateQueries({ queryKey: keys.clusters.detail(c.id) });
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (!mine || !c.abilities.includes('score')) return null;
  const own = new Map(s.scores.filter((x) => x.memberId === mine.id).map((x) => [x.criterionId, x]));
  return (
    <Card size="small" title={`Tự chấm điểm: ${mine.name}`}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={s.criteria.filter((x) => x.latePenalty === null)}
        columns={[
          { title: 'Nhóm', dataIndex: 'groupName', responsive: ['lg'] },
          { title: 'Tiêu chí', dataIndex: 'title' },
          { title: 'Tối đa', render: (_, x) => (x.kind === 'minus' ? x.minPoints : x.maxPoints), align: 'right' },
          {
            title: 'Điểm',
            render: (_, x) => (
              <InputNumber
                aria-label={`Điểm ${x.title}`}
                size="small"
                value={points[x.id] ?? own.get(x.id)?.selfPoints ?? null}
                onChange={(v) => setPoints((p) => ({ ...p, [x.id]: Number(v ?? 0) }))}
              />
            ),
          },
        ]}
      />
      <Button type="primary" style={{ marginTop: 8 }} disabled={!Object.keys(points).length} loading={save.isPending} onClick={() => save.mutate()}>
        Lưu điểm tự chấm
      </Button>
    </Card>
  );
}

function ScoringTab({ c }: { c: Cluster }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: [...keys.clusters.detail(c.id), 'scoring'], queryFn: () => getClusterScoring(c.id) });
  const close = useMutation({
    mutationFn: () => closeClusterScoring(c.id),
    onSuccess: async () => {
      message.success('Đã khóa bảng chấm điểm.');
      await qc.invalidateQueries({ queryKey: keys.clusters.detail(c.id) });
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (!q.data) return <LoadingBlock />;
  const s = q.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Flex justify="space-between" wrap gap={8}>
        <span>
          Thang {s.scale} điểm · {s.criteria.length} mục · tổng tối đa các tiêu chí {s.maxTotal}{' '}
          {s.closed ? <Tag color="red">Đã khóa</Tag> : <Tag color="blue">Đang chấm</Tag>}
        </span>
        {c.abilities.includes('edit') && !s.closed ? (
          <Popconfirm title="Khóa bảng chấm điểm? Sau khi khóa không chấm, sửa điểm được nữa." onConfirm={() => close.mutate()}>
            <Button danger>Khóa bảng điểm</Button>
          </Popconfirm>
        ) : null}
      </Flex>
      <Typography.Title level={5}>Xếp hạng</Typography.Title>
      <Table
        rowKey="memberId"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={s.ranking}
        columns={[
          { title: 'Hạng', dataIndex: 'rank', width: 60 },
          { title: 'Thành viên', dataIndex: 'name' },
          { title: 'Điểm tiêu chí', dataIndex: 'base', align: 'right', responsive: ['md'] },
          { title: 'Thưởng', dataIndex: 'bonus', align: 'right', responsive: ['md'] },
          { title: 'Trừ', dataIndex: 'minus', align: 'right', responsive: ['md'] },
          { title: 'Tổng', dataIndex: 'total', align: 'right', render: (v: number) => <strong>{v}</strong> },
          { title: 'Báo cáo muộn', dataIndex: 'lateReports', align: 'right', responsive: ['lg'] },
        ]}
      />
      <SelfScore c={c} s={s} />
    </Space>
  );
}

function MeetingsTab({ c }: { c: Cluster }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: [...keys.clusters.detail(c.id), 'meetings'], queryFn: () => listClusterMeetings(c.id) });
  const propose = useMutation({
    mutationFn: (meetingId: string) => proposeFromClusterMeeting(c.id, meetingId),
    onSuccess: async () => {
      message.success('Đã lập Tờ trình thành hồ sơ đề nghị khen thưởng.');
      await qc.invalidateQueries({ queryKey: keys.clusters.detail(c.id) });
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (!q.data) return <LoadingBlock />;
  if (!q.data.items.length) return <EmptyBlock text="Chưa có hội nghị." />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {q.data.items.map((m) => (
        <Card
          key={m.id}
          size="small"
          title={`Hội nghị ngày ${fmtDate(m.heldOn)}${m.place ? ` — ${m.place}` : ''}`}
          extra={m.status === 'closed' ? <Tag>Đã kết thúc</Tag> : <Tag color="blue">Đang bỏ phiếu</Tag>}
        >
          <div>
            Có mặt {m.presentMemberIds.length}/{m.totalMembers} thành viên
          </div>
          {m.items.map((it) => (
            <div key={it.id}>
              {it.memberName} — {it.honorLabel}: {it.result ? it.result.text : `${it.voted} phiếu kín đã bỏ`}
            </div>
          ))}
          {m.dossierId ? (
            <Link to={`/ho-so/${m.dossierId}`}>Xem hồ sơ đề nghị</Link>
          ) : m.status === 'closed' && c.abilities.includes('edit') ? (
            <Button style={{ marginTop: 8 }} loading={propose.isPending} onClick={() => propose.mutate(m.id)}>
              Lập Tờ trình đề nghị
            </Button>
          ) : null}
        </Card>
      ))}
    </Space>
  );
}

export function ClusterPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: keys.clusters.detail(id), queryFn: () => getCluster(id) });
  if (q.isLoading) return <LoadingBlock />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  return (
    <>
      <PageHeader
        title={c.name}
        subtitle={`${c.kindLabel} năm ${c.year}${c.organiserName ? ` · ${c.organiserName}` : ''} · Trưởng: ${c.headName ?? 'chưa bầu'}`}
      />
      <Tabs
        items={[
          { key: 'members', label: `Thành viên (${c.memberCount})`, children: <MembersTab c={c} /> },
          { key: 'pledge', label: 'Giao ước', children: <PledgeTab id={c.id} /> },
          { key: 'scoring', label: 'Chấm điểm, xếp hạng', children: <ScoringTab c={c} /> },
          { key: 'meetings', label: 'Hội nghị, suy tôn', children: <MeetingsTab c={c} /> },
        ]}
      />
    </>
  );
}
