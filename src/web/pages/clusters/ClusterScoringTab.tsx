import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import {
  adjustClusterScore,
  closeClusterScoring,
  copyClusterScoringTable,
  downloadClusterScoring,
  downloadClusterScoringXlsx,
  getClusterScoring,
  saveClusterScoringTable,
  selfScoreCluster,
  setClusterCheckers,
  submitClusterReport,
  type Cluster,
  type ClusterScoring,
  type ClusterTable,
} from '../../api/clusters';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { FormModal } from '../../components/FormModal';
import { LoadingBlock } from '../../components/PageStates';
import { DATE_FORMAT, fmtDate, fmtDateTime, fromDayjs } from '../../lib/format';

type Criterion = ClusterScoring['criteria'][number];
type Score = ClusterScoring['scores'][number];
type Row = ClusterTable['criteria'][number];
const KIND_OPTIONS = [
  { value: 'criterion', label: 'Tiêu chí' },
  { value: 'bonus', label: 'Điểm thưởng' },
  { value: 'minus', label: 'Điểm trừ' },
];
const bound = (x: Criterion) => (x.kind === 'minus' ? `${x.minPoints}` : x.kind === 'bonus' ? `+${x.maxPoints}` : `${x.maxPoints}`);

/** Who adjusted a score, as what: "Trưởng cụm Sở X — Nguyễn Văn A", "Thành viên chấm chéo Sở Y — …". */
function adjusterText(o: Score): string {
  const by = o.adjustedBy;
  if (!by) return '';
  const who = [by.roleLabel, by.memberName].filter(Boolean).join(' ');
  return by.account ? `${who} — ${by.account}` : who;
}

/** One adjustment in a line: from the self-score to the adjusted points, who, when and why. */
function AdjustmentNote({ o }: { o: Score }) {
  if (o.adjustedPoints == null) return null;
  return (
    <span>
      <Tag color="orange">
        {o.selfPoints} → {o.adjustedPoints}
      </Tag>
      <Typography.Text type="secondary">
        {adjusterText(o)}
        {o.adjustedAt ? `, ${fmtDateTime(o.adjustedAt)}` : ''}
      </Typography.Text>
      {o.adjustReason ? <div>Lý do: {o.adjustReason}</div> : null}
    </span>
  );
}

/** The head builds the table: groups, criteria with max points, bonus and minus items, late-report penalties. */
function TableEditor({ c, s, open, onClose }: { c: Cluster; s: ClusterScoring; open: boolean; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ scale: 100 | 1000; criteria: Row[] }>();
  const save = useMutation({
    mutationFn: (v: { scale: 100 | 1000; criteria: Row[] }) =>
      saveClusterScoringTable(c.id, {
        scale: v.scale,
        version: s.version,
        criteria: v.criteria.map((r) => ({
          ...r,
          minPoints: r.kind === 'minus' ? -Math.abs(r.minPoints ?? 0) : 0,
          maxPoints: r.kind === 'minus' ? 0 : (r.maxPoints ?? 0),
          latePenalty: r.kind === 'minus' && r.latePenalty ? Math.abs(r.latePenalty) : null,
        })),
      }),
    onSuccess: async () => {
      message.success('Đã lưu bảng chấm điểm.');
      onClose();
      await qc.invalidateQueries({ queryKey: keys.clusters.all });
    },
  });
  return (
    <FormModal<{ scale: 100 | 1000; criteria: Row[] }>
      open={open}
      title="Bảng chấm điểm"
      onCancel={onClose}
      form={form}
      onFinish={(v) => save.mutate(v)}
      pending={save.isPending}
      error={save.error ? errorText(save.error) : null}
      width={1100}
      destroyOnHidden
      okTestId="cluster-table-ok"
      initialValues={{
        scale: s.scale === 1000 ? 1000 : 100,
        criteria: s.criteria.map((x) => ({
          id: x.id,
          groupName: x.groupName,
          title: x.title,
          kind: x.kind as Row['kind'],
          minPoints: x.minPoints,
          maxPoints: x.maxPoints,
          latePenalty: x.latePenalty,
        })),
      }}
    >
      <Form.Item name="scale" label="Thang điểm">
        <Radio.Group
          options={[
            { value: 100, label: '100 điểm' },
            { value: 1000, label: '1.000 điểm' },
          ]}
        />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        Điểm trừ ghi mức trừ tối đa ở cột “Tối thiểu” (số âm). “Trừ mỗi báo cáo muộn” (số dương): hệ thống tự trừ theo số báo cáo nộp sau hạn (thành viên không
        tự chấm mục này).
      </Typography.Paragraph>
      <Form.List name="criteria">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Flex key={f.key} gap={6} wrap align="start" style={{ borderBottom: '1px solid #f0f0f0', paddingTop: 6 }}>
                <span style={{ width: 24, paddingTop: 5 }}>{i + 1}.</span>
                <Form.Item name={[f.name, 'groupName']} rules={[{ required: true, message: 'Nhóm?' }]} style={{ width: 200, marginBottom: 6 }}>
                  <Input placeholder="Nhóm tiêu chí" aria-label={`Nhóm mục ${i + 1}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: 'Nội dung?' }]} style={{ flex: 1, minWidth: 220, marginBottom: 6 }}>
                  <Input placeholder="Nội dung tiêu chí" aria-label={`Nội dung mục ${i + 1}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'kind']} style={{ width: 130, marginBottom: 6 }}>
                  <Select options={KIND_OPTIONS} aria-label={`Loại mục ${i + 1}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'maxPoints']} style={{ width: 90, marginBottom: 6 }}>
                  <InputNumber placeholder="Tối đa" aria-label={`Tối đa mục ${i + 1}`} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name={[f.name, 'minPoints']} style={{ width: 90, marginBottom: 6 }}>
                  <InputNumber placeholder="Tối thiểu" aria-label={`Tối thiểu mục ${i + 1}`} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name={[f.name, 'latePenalty']} style={{ width: 150, marginBottom: 6 }}>
                  <InputNumber placeholder="Trừ mỗi báo cáo muộn" aria-label={`Trừ báo cáo muộn mục ${i + 1}`} style={{ width: '100%' }} />
                </Form.Item>
                <Button onClick={() => remove(f.name)} danger aria-label={`Xóa mục ${i + 1}`}>
                  Xóa
                </Button>
              </Flex>
            ))}
            <Button
              style={{ marginTop: 8 }}
              onClick={() => {
                const last: unknown = fields.length ? form.getFieldValue(['criteria', fields.length - 1, 'groupName']) : '';
                add({ groupName: typeof last === 'string' ? last : '', title: '', kind: 'criterion', minPoints: 0, maxPoints: 0 });
              }}
            >
              Thêm mục
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

/** Self-scoring of one member: the member's clerk for its own, the head for an outside organisation. */
function SelfScore({ c, s, memberId }: { c: Cluster; s: ClusterScoring; memberId: string }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const member = c.members.find((m) => m.id === memberId)!;
  const [points, setPoints] = useState<Record<string, number>>({});
  const [evidence, setEvidence] = useState<Record<string, string>>({});
  const own = new Map(s.scores.filter((x) => x.memberId === memberId).map((x) => [x.criterionId, x]));
  const save = useMutation({
    mutationFn: () => {
      const ids = new Set([...Object.keys(points), ...Object.keys(evidence)]);
      return selfScoreCluster(c.id, memberId, {
        entries: [...ids].map((criterionId) => ({
          criterionId,
          points: points[criterionId] ?? own.get(criterionId)?.selfPoints ?? 0,
          evidence: evidence[criterionId] ?? own.get(criterionId)?.evidence ?? null,
        })),
      });
    },
    onSuccess: async () => {
      message.success(`Đã lưu điểm tự chấm của ${member.name}.`);
      setPoints({});
      setEvidence({});
      await qc.invalidateQueries({ queryKey: keys.clusters.detail(c.id) });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const dirty = Object.keys(points).length + Object.keys(evidence).length > 0;
  return (
    <Card size="small" title={`Tự chấm điểm: ${member.name}`}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={s.criteria.filter((x) => x.latePenalty === null)}
        columns={[
          { title: 'Nhóm', dataIndex: 'groupName', responsive: ['lg'] },
          { title: 'Tiêu chí', dataIndex: 'title', render: (v: string, x) => (x.kind === 'criterion' ? v : `${v} (${x.kindLabel.toLowerCase()})`) },
          { title: 'Điểm', render: (_, x) => bound(x), align: 'right' },
          {
            title: 'Tự chấm',
            render: (_, x) => (
              <InputNumber
                aria-label={`Điểm ${x.title}`}
                size="small"
                min={x.kind === 'minus' ? x.minPoints : 0}
                max={x.kind === 'minus' ? 0 : x.maxPoints}
                value={points[x.id] ?? own.get(x.id)?.selfPoints ?? null}
                onChange={(v) => setPoints((p) => ({ ...p, [x.id]: Number(v ?? 0) }))}
              />
            ),
          },
          {
            title: 'Minh chứng',
            responsive: ['md'],
            render: (_, x) => (
              <Input
                aria-label={`Minh chứng ${x.title}`}
                size="small"
                value={evidence[x.id] ?? own.get(x.id)?.evidence ?? ''}
                onChange={(e) => setEvidence((p) => ({ ...p, [x.id]: e.target.value }))}
              />
            ),
          },
          {
            title: 'Điều chỉnh',
            render: (_, x) => {
              const o = own.get(x.id);
              return o ? <AdjustmentNote o={o} /> : null;
            },
          },
        ]}
      />
      <Button type="primary" style={{ marginTop: 8 }} disabled={!dirty} loading={save.isPending} onClick={() => save.mutate()}>
        Lưu điểm tự chấm
      </Button>
    </Card>
  );
}

/** The head (or the member's cross-checker) reviews one member's sheet and adjusts an item with a reason. */
function Review({ c, s, memberId }: { c: Cluster; s: ClusterScoring; memberId: string }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ points: number | null; reason: string }>();
  const [target, setTarget] = useState<Criterion | null>(null);
  const member = c.members.find((m) => m.id === memberId)!;
  const own = new Map(s.scores.filter((x) => x.memberId === memberId).map((x) => [x.criterionId, x]));
  const adjust = useMutation({
    mutationFn: (v: { points: number | null; reason: string }) =>
      adjustClusterScore(c.id, memberId, { criterionId: target!.id, points: v.points ?? null, reason: v.reason }),
    onSuccess: async () => {
      message.success('Đã điều chỉnh điểm.');
      setTarget(null);
      await qc.invalidateQueries({ queryKey: keys.clusters.detail(c.id) });
    },
  });
  return (
    <Card size="small" title={`Rà soát điểm: ${member.name}`}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={s.criteria.filter((x) => own.has(x.id))}
        locale={{ emptyText: 'Thành viên chưa tự chấm.' }}
        columns={[
          { title: 'Tiêu chí', dataIndex: 'title' },
          { title: 'Điểm', render: (_, x) => bound(x), align: 'right', responsive: ['sm'] },
          { title: 'Tự chấm', render: (_, x) => own.get(x.id)?.selfPoints, align: 'right' },
          { title: 'Minh chứng', render: (_, x) => own.get(x.id)?.evidence ?? '', responsive: ['md'] },
          {
            title: 'Điều chỉnh',
            render: (_, x) => {
              const o = own.get(x.id);
              return o?.adjustedPoints != null ? (
                <>
                  {`${o.adjustedPoints} (${o.adjustReason ?? ''})`}
                  <div>
                    <Typography.Text type="secondary">
                      {adjusterText(o)}
                      {o.adjustedAt ? `, ${fmtDateTime(o.adjustedAt)}` : ''}
                    </Typography.Text>
                  </div>
                </>
              ) : (
                ''
              );
            },
          },
          {
            title: '',
            render: (_, x) =>
              s.closed ? null : (
                <Button
                  size="small"
                  aria-label={`Điều chỉnh ${x.title}`}
                  onClick={() => {
                    adjust.reset();
                    form.setFieldsValue({ points: own.get(x.id)?.adjustedPoints ?? own.get(x.id)?.selfPoints ?? null, reason: '' });
                    setTarget(x);
                  }}
                >
                  Điều chỉnh
                </Button>
              ),
          },
        ]}
      />
      <FormModal<{ points: number | null; reason: string }>
        open={!!target}
        title={`Điều chỉnh điểm “${target?.title ?? ''}”`}
        onCancel={() => setTarget(null)}
        form={form}
        onFinish={(v) => adjust.mutate(v)}
        pending={adjust.isPending}
        error={adjust.error ? errorText(adjust.error) : null}
        okTestId="cluster-adjust-ok"
      >
        <Form.Item name="points" label={`Điểm sau điều chỉnh (${target ? bound(target) : ''}); để trống để bỏ điều chỉnh`}>
          <InputNumber aria-label="Điểm sau điều chỉnh" />
        </Form.Item>
        <Form.Item name="reason" label="Lý do" rules={[{ required: true, message: 'Hãy ghi lý do điều chỉnh điểm.' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

/**
 * Every adjusted score the account should know of: its own members' (what was changed on its
 * sheet), and, for the head, every member's. Shown also after the table is closed.
 */
function Adjustments({ c, s }: { c: Cluster; s: ClusterScoring }) {
  const edit = c.abilities.includes('edit');
  const shown = new Set(c.members.filter((m) => edit || m.mine).map((m) => m.id));
  const names = new Map(c.members.map((m) => [m.id, m.name]));
  const titles = new Map(s.criteria.map((x) => [x.id, x.title]));
  const rows = s.scores.filter((x) => x.adjustedPoints != null && shown.has(x.memberId));
  if (!shown.size) return null;
  return (
    <Card size="small" title={edit ? 'Điểm đã được điều chỉnh' : 'Điểm của đơn vị đã được điều chỉnh'} data-testid="cluster-adjustments">
      {rows.length ? (
        <Table
          rowKey={(x) => `${x.memberId}-${x.criterionId}`}
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={rows}
          columns={[
            { title: 'Thành viên', render: (_, x) => names.get(x.memberId) },
            { title: 'Tiêu chí', render: (_, x) => titles.get(x.criterionId) },
            { title: 'Điều chỉnh', render: (_, x) => <AdjustmentNote o={x} /> },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">Chưa có điểm nào bị điều chỉnh.</Typography.Text>
      )}
    </Card>
  );
}

/**
 * The head names who cross-checks whom (chấm chéo): the checker's clerk may then adjust that
 * member's self-scores with a reason. "Vòng tròn" fills each member with the next one in order.
 */
function CrossCheckers({ c }: { c: Cluster }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Record<string, string | null> | null>(null);
  const current = Object.fromEntries(c.members.map((m) => [m.id, m.checkerMemberId]));
  const value = draft ?? current;
  const save = useMutation({
    mutationFn: () => setClusterCheckers(c.id, { assignments: c.members.map((m) => ({ memberId: m.id, checkerMemberId: value[m.id] ?? null })) }),
    onSuccess: async () => {
      message.success('Đã lưu phân công chấm chéo.');
      setDraft(null);
      await qc.invalidateQueries({ queryKey: keys.clusters.detail(c.id) });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const ring = () => setDraft(Object.fromEntries(c.members.map((m, i) => [m.id, c.members[(i + 1) % c.members.length]!.id])));
  return (
    <Card
      size="small"
      title="Phân công chấm chéo"
      extra={
        <Space wrap size={4}>
          <Button size="small" onClick={ring}>
            Vòng tròn
          </Button>
          <Button size="small" type="primary" disabled={!draft} loading={save.isPending} data-testid="cluster-checkers-save" onClick={() => save.mutate()}>
            Lưu phân công
          </Button>
        </Space>
      }
    >
      <Table
        data-testid="cluster-checkers"
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={c.members}
        columns={[
          { title: 'Thành viên', dataIndex: 'name' },
          {
            title: 'Được chấm chéo bởi',
            render: (_, m) => (
              <Select
                aria-label={`Thành viên chấm chéo ${m.name}`}
                style={{ minWidth: 220, width: '100%' }}
                allowClear
                placeholder="Chỉ Trưởng cụm rà soát"
                value={value[m.id] ?? undefined}
                onChange={(v?: string) => setDraft({ ...value, [m.id]: v ?? null })}
                options={c.members.filter((x) => x.id !== m.id).map((x) => ({ value: x.id, label: x.name }))}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Members' 6-month and year reports to the head; late ones count in the table when it says so. */
function Reports({ c, s }: { c: Cluster; s: ClusterScoring }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const edit = c.abilities.includes('edit');
  const [paper, setPaper] = useState<{ memberId: string; period: 'h1' | 'year' } | null>(null);
  const [day, setDay] = useState<Dayjs | null>(null);
  const submit = useMutation({
    mutationFn: (v: { memberId: string; period: 'h1' | 'year'; submittedOn?: string | null }) =>
      submitClusterReport(c.id, v.memberId, { period: v.period, submittedOn: v.submittedOn ?? null }),
    onSuccess: async () => {
      message.success('Đã ghi nhận báo cáo.');
      setPaper(null);
      await qc.invalidateQueries({ queryKey: keys.clusters.detail(c.id) });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const names = new Map(c.members.map((m) => [m.id, m]));
  if (!s.reports.length) return <Typography.Text type="secondary">Chưa đặt hạn báo cáo 6 tháng, năm (tab “Quy chế, kế hoạch”).</Typography.Text>;
  return (
    <>
      <Table
        rowKey={(r) => `${r.memberId}-${r.period}`}
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={s.reports}
        columns={[
          { title: 'Thành viên', render: (_, r) => names.get(r.memberId)?.name },
          { title: 'Kỳ', dataIndex: 'period', render: (p: string) => (p === 'h1' ? '6 tháng' : 'Năm') },
          { title: 'Hạn', dataIndex: 'due', render: (d: string | null) => fmtDate(d), responsive: ['sm'] },
          {
            title: 'Đã nộp',
            render: (_, r) => (r.submittedOn ? fmtDate(r.submittedOn) : '—'),
          },
          { title: '', render: (_, r) => (r.late ? <Tag color="red">Muộn</Tag> : null) },
          {
            title: '',
            render: (_, r) => {
              const m = names.get(r.memberId);
              if (r.submittedOn || s.closed) return null;
              if (m?.mine && c.abilities.includes('score'))
                return (
                  <Button size="small" onClick={() => submit.mutate({ memberId: r.memberId, period: r.period as 'h1' | 'year' })}>
                    Nộp báo cáo
                  </Button>
                );
              return edit ? (
                <Button
                  size="small"
                  onClick={() => {
                    setDay(null);
                    setPaper({ memberId: r.memberId, period: r.period as 'h1' | 'year' });
                  }}
                >
                  Ghi nhận
                </Button>
              ) : null;
            },
          },
        ]}
      />
      <Modal
        open={!!paper}
        title="Ghi nhận báo cáo đã nhận"
        okText="Ghi nhận"
        cancelText="Hủy"
        onCancel={() => setPaper(null)}
        confirmLoading={submit.isPending}
        onOk={() => paper && submit.mutate({ ...paper, submittedOn: fromDayjs(day) })}
      >
        <Typography.Paragraph>Ngày nhận báo cáo (để trống: hôm nay)</Typography.Paragraph>
        <DatePicker format={DATE_FORMAT} value={day} onChange={setDay} />
      </Modal>
    </>
  );
}

export function ScoringTab({ c }: { c: Cluster }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: [...keys.clusters.detail(c.id), 'scoring'], queryFn: () => getClusterScoring(c.id) });
  const edit = c.abilities.includes('edit');
  const mine = c.members.filter((m) => m.mine);
  const scorable = c.members.filter((m) => (m.mine && c.abilities.includes('score')) || (edit && !m.unitId));
  const [picked, setPicked] = useState<string | undefined>();
  const [reviewed, setReviewed] = useState<string | undefined>();
  // The head reviews every member; a cross-checking member the one it was assigned (the server decides: `mayAdjust`).
  const adjustable = edit ? c.members : c.members.filter((m) => m.mayAdjust);
  const refresh = () => qc.invalidateQueries({ queryKey: keys.clusters.detail(c.id) });
  const close = useMutation({
    mutationFn: () => closeClusterScoring(c.id),
    onSuccess: async () => {
      message.success('Đã khóa bảng chấm điểm.');
      await qc.invalidateQueries({ queryKey: keys.clusters.all });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const copy = useMutation({
    mutationFn: () => copyClusterScoringTable(c.id),
    onSuccess: async () => {
      message.success('Đã sao chép bảng chấm điểm năm trước.');
      await refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const doc = useMutation({
    mutationFn: (f: 'xlsx' | 'docx' | 'pdf') => (f === 'xlsx' ? downloadClusterScoringXlsx(c.id) : downloadClusterScoring(c.id, f)),
    onError: (e) => message.error(errorText(e)),
  });
  if (!q.data) return <LoadingBlock />;
  const s = q.data;
  const selfId = picked ?? (mine.length && c.abilities.includes('score') ? mine[0]!.id : scorable[0]?.id);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Flex justify="space-between" wrap gap={8}>
        <span>
          Thang {s.scale === 1000 ? '1.000' : s.scale} điểm · {s.criteria.length} mục · tổng tối đa các tiêu chí {s.maxTotal}{' '}
          {s.closed ? <Tag color="red">Đã khóa</Tag> : <Tag color="blue">Đang chấm</Tag>}
        </span>
        <Space wrap>
          {edit && !s.closed ? (
            <>
              <Button onClick={() => setEditing(true)}>{s.criteria.length ? 'Sửa bảng điểm' : 'Lập bảng điểm'}</Button>
              {!s.criteria.length ? (
                <Button loading={copy.isPending} onClick={() => copy.mutate()}>
                  Sao chép bảng năm trước
                </Button>
              ) : null}
              <Popconfirm
                title="Khóa bảng chấm điểm? Sau khi khóa không chấm, sửa điểm được nữa."
                okText="Khóa"
                cancelText="Không"
                onConfirm={() => close.mutate()}
              >
                <Button danger disabled={!s.criteria.length}>
                  Khóa bảng điểm
                </Button>
              </Popconfirm>
            </>
          ) : null}
          <Button onClick={() => doc.mutate('xlsx')}>Bảng tổng hợp (Excel)</Button>
          <Button onClick={() => doc.mutate('docx')}>Word</Button>
          <Button onClick={() => doc.mutate('pdf')}>PDF</Button>
        </Space>
      </Flex>
      {!s.criteria.length ? (
        <Alert
          type="info"
          showIcon
          title={edit ? 'Chưa có bảng chấm điểm: lập mới hoặc sao chép từ năm trước.' : 'Trưởng cụm, khối chưa lập bảng chấm điểm.'}
        />
      ) : null}
      <Typography.Title level={5}>Xếp hạng</Typography.Title>
      <Table
        data-testid="cluster-ranking"
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
          { title: 'Đã chấm', dataIndex: 'scored', align: 'right', responsive: ['lg'] },
          { title: 'Báo cáo muộn', dataIndex: 'lateReports', align: 'right', responsive: ['lg'] },
        ]}
      />
      {s.criteria.length && !s.closed && scorable.length && selfId ? (
        <>
          {scorable.length > 1 ? (
            <Select
              aria-label="Chấm điểm cho thành viên"
              style={{ minWidth: 320 }}
              showSearch
              optionFilterProp="label"
              value={selfId}
              onChange={setPicked}
              options={scorable.map((m) => ({ value: m.id, label: m.unitId ? m.name : `${m.name} (ngoài hệ thống, Trưởng cụm nhập phiếu)` }))}
            />
          ) : null}
          <SelfScore key={selfId} c={c} s={s} memberId={selfId} />
        </>
      ) : null}
      {edit && !s.closed && c.members.length > 1 ? <CrossCheckers c={c} /> : null}
      {adjustable.length && s.criteria.length ? (
        <>
          <Typography.Title level={5}>{edit ? 'Rà soát, điều chỉnh điểm' : 'Chấm chéo: rà soát, điều chỉnh điểm'}</Typography.Title>
          <Select
            aria-label="Rà soát điểm của thành viên"
            style={{ minWidth: 320 }}
            showSearch
            optionFilterProp="label"
            placeholder="Chọn thành viên"
            value={reviewed}
            onChange={setReviewed}
            options={adjustable.map((m) => ({ value: m.id, label: m.name }))}
          />
          {reviewed ? <Review c={c} s={s} memberId={reviewed} /> : null}
        </>
      ) : null}
      {s.criteria.length ? <Adjustments c={c} s={s} /> : null}
      <Typography.Title level={5}>Báo cáo 6 tháng, năm</Typography.Title>
      <Reports c={c} s={s} />
      {edit && editing ? <TableEditor c={c} s={s} open={editing} onClose={() => setEditing(false)} /> : null}
    </Space>
  );
}
