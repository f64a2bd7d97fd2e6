/**
 * The lists a council votes as a whole (the LĐTT list of the dossiers): one agenda line per list with
 * its count and its names on demand; the secretary puts a list on the agenda while the session is
 * prepared, records the counts of the vote while it is open, and the result shows once it is closed.
 */
import { Alert, App, Button, Card, Form, Input, InputNumber, List, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { addSessionListVote, recordSessionListVote, removeSessionListVote, sessionCandidates, type Session, type SessionListVote } from '../../api/dossiers';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { fmtNumber } from '../../lib/format';
import { HONORS, HONOR_INFO, type Honor } from '../../../shared/codes';
import { codeOf } from '../../lib/codes';

type Counts = { approve: number; reject: number; abstain: number };

function AddListModal({ s, open, onClose, onDone }: { s: Session; open: boolean; onClose: () => void; onDone: () => Promise<void> }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ honor: Honor; dossierIds: string[]; title?: string }>();
  const honor = Form.useWatch('honor', form);
  const cands = useQuery({ queryKey: keys.sessionCandidates, queryFn: sessionCandidates, enabled: open });
  // The candidates waiting for a council, by honor then by dossier: what a list can hold.
  const byHonor = useMemo(() => {
    const m = new Map<Honor, Map<string, { title: string; unitName: string; n: number }>>();
    for (const c of cands.data?.items ?? []) {
      const h = codeOf(HONORS, c.honor);
      if (!h) continue;
      const ds = m.get(h) ?? new Map<string, { title: string; unitName: string; n: number }>();
      const one = ds.get(c.dossierId) ?? { title: c.dossierTitle, unitName: c.unitName, n: 0 };
      one.n += 1;
      ds.set(c.dossierId, one);
      m.set(h, ds);
    }
    return m;
  }, [cands.data]);
  const add = useMutation({
    mutationFn: (v: { honor: Honor; dossierIds: string[]; title?: string }) =>
      addSessionListVote(s.id, { honor: v.honor, dossierIds: v.dossierIds, title: v.title?.trim() || null }),
    onSuccess: async () => {
      message.success('Đã đưa danh sách vào chương trình họp.');
      form.resetFields();
      await onDone();
      onClose();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const dossiers = honor ? [...(byHonor.get(honor) ?? new Map<string, { title: string; unitName: string; n: number }>())] : [];
  return (
    <Modal
      open={open}
      title="Đưa một danh sách vào chương trình họp (biểu quyết cả danh sách)"
      okText="Đưa vào chương trình"
      cancelText="Đóng"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      width={720}
      destroyOnHidden
      okButtonProps={{ id: 'list-vote-ok' }}
    >
      <Typography.Paragraph type="secondary">
        Mọi đề nghị danh hiệu đã chọn của các hồ sơ đã thẩm định được xếp thành một danh sách; Hội đồng biểu quyết một lần cho cả danh sách (các hình thức cao
        vẫn bỏ phiếu kín từng người).
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
        <Form.Item name="honor" label="Danh hiệu, hình thức" rules={[{ required: true, message: 'Hãy chọn danh hiệu.' }]}>
          <Select<Honor>
            loading={cands.isLoading}
            onChange={() => form.setFieldValue('dossierIds', [])}
            options={[...byHonor].map(([h, ds]) => ({
              value: h,
              label: `${HONOR_INFO[h].label} (${fmtNumber([...ds.values()].reduce((a, x) => a + x.n, 0))} đề nghị)`,
            }))}
            notFoundContent="Không có đề nghị nào chờ đưa ra Hội đồng."
            data-testid="list-vote-honor"
          />
        </Form.Item>
        <Form.Item name="dossierIds" label="Các hồ sơ" rules={[{ required: true, message: 'Hãy chọn hồ sơ.' }]}>
          <Select
            mode="multiple"
            options={dossiers.map(([id, x]) => ({ value: id, label: `${x.title} — ${x.unitName} (${fmtNumber(x.n)})` }))}
            data-testid="list-vote-dossiers"
          />
        </Form.Item>
        <Form.Item name="title" label="Tên danh sách (để trống: tự đặt theo danh hiệu)">
          <Input placeholder={honor ? `Danh sách đề nghị tặng ${HONOR_INFO[honor].label}` : ''} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Names({ s, l }: { s: Session; l: SessionListVote }) {
  const names = s.items.filter((i) => i.listVoteId === l.id);
  return (
    <List
      size="small"
      dataSource={names}
      pagination={names.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
      renderItem={(i, n) => (
        <List.Item style={{ padding: '2px 0' }}>
          <span>
            {n + 1}. {i.candidate.displayName}{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.unitName}
            </Typography.Text>
          </span>
        </List.Item>
      )}
      data-testid="list-vote-names"
    />
  );
}

export function SessionListVotes({ s }: { s: Session }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [counts, setCounts] = useState<Record<string, Counts>>({});
  const mayEdit = s.abilities.includes('update');
  const mayRecord = s.abilities.includes('enterPaperBallots');
  const refresh = async () => {
    await Promise.all([qc.invalidateQueries({ queryKey: keys.session(s.id) }), qc.invalidateQueries({ queryKey: keys.sessionCandidates })]);
  };
  const act = useMutation({
    mutationFn: async ({ fn }: { fn: () => Promise<unknown>; ok: string }) => fn(),
    onSuccess: async (_, v) => {
      message.success(v.ok);
      await refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (!s.listVotes.length && !mayEdit) return null;
  const present = s.quorum.present;
  const columns = [
    {
      title: 'Danh sách',
      key: 'title',
      render: (_: unknown, l: SessionListVote) => (
        <div>
          <strong>{l.title}</strong>
          <div>
            <Tag color="blue" data-testid="list-vote-count">
              {fmtNumber(l.count)} người/tập thể
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {l.honorLabel}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: 'Biểu quyết (đồng ý / không đồng ý / không biểu quyết)',
      key: 'vote',
      width: 330,
      render: (_: unknown, l: SessionListVote) => {
        if (l.result)
          return (
            <div>
              <Tag color={l.result.passed ? 'green' : 'red'}>{l.result.passed ? 'Thông qua' : 'Không thông qua'}</Tag> {l.result.approve}/
              {l.result.totalMembers} đồng ý
              <div style={{ fontSize: 12 }}>
                <Typography.Text type="secondary">{l.result.text}</Typography.Text>
              </div>
            </div>
          );
        const recorded = l.recorded ? `${l.approve ?? 0} / ${l.reject ?? 0} / ${l.abstain ?? 0}` : 'Chưa ghi kết quả';
        if (!mayRecord) return <span>{recorded}</span>;
        const v = counts[l.id] ?? { approve: l.approve ?? 0, reject: l.reject ?? 0, abstain: l.abstain ?? 0 };
        const set = (k: keyof Counts, n: number | null) => setCounts({ ...counts, [l.id]: { ...v, [k]: n ?? 0 } });
        return (
          <Space direction="vertical" size={4}>
            <Space size={4} wrap>
              <InputNumber
                size="small"
                min={0}
                max={present}
                value={v.approve}
                onChange={(n) => set('approve', n)}
                style={{ width: 64 }}
                aria-label="Đồng ý"
                data-testid="list-vote-approve"
              />
              <InputNumber
                size="small"
                min={0}
                max={present}
                value={v.reject}
                onChange={(n) => set('reject', n)}
                style={{ width: 64 }}
                aria-label="Không đồng ý"
              />
              <InputNumber
                size="small"
                min={0}
                max={present}
                value={v.abstain}
                onChange={(n) => set('abstain', n)}
                style={{ width: 64 }}
                aria-label="Không biểu quyết"
              />
              <Button
                size="small"
                type="primary"
                onClick={() => act.mutate({ fn: () => recordSessionListVote(s.id, l.id, v), ok: 'Đã ghi kết quả biểu quyết cả danh sách.' })}
                data-testid="list-vote-record"
              >
                Ghi kết quả
              </Button>
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {l.recorded ? `Đã ghi: ${recorded}` : `Chưa ghi kết quả; ${present} thành viên có mặt`}
            </Typography.Text>
          </Space>
        );
      },
    },
    ...(mayEdit
      ? [
          {
            title: '',
            key: 'rm',
            width: 70,
            render: (_: unknown, l: SessionListVote) => (
              <Popconfirm
                title={`Bỏ "${l.title}" (${fmtNumber(l.count)} đề nghị) khỏi chương trình họp?`}
                okText="Bỏ"
                cancelText="Không"
                onConfirm={() => act.mutate({ fn: () => removeSessionListVote(s.id, l.id), ok: 'Đã bỏ danh sách khỏi chương trình họp.' })}
              >
                <Button size="small" danger data-testid="list-vote-remove">
                  Bỏ
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      title={`Biểu quyết cả danh sách (${s.listVotes.length})`}
      style={{ marginBottom: 16 }}
      extra={
        mayEdit ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="list-vote-add">
            Thêm danh sách
          </Button>
        ) : null
      }
      data-testid="list-votes"
    >
      {mayRecord && s.listVotes.some((l) => !l.recorded) ? (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} message="Ghi kết quả biểu quyết của từng danh sách trước khi kết thúc phiên họp." />
      ) : null}
      <Table<SessionListVote>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={s.listVotes}
        columns={columns}
        scroll={{ x: 560 }}
        expandable={{ expandedRowRender: (l) => <Names s={s} l={l} /> }}
        locale={{ emptyText: 'Chưa có danh sách nào; các đề nghị được bỏ phiếu kín từng người.' }}
      />
      <AddListModal s={s} open={adding} onClose={() => setAdding(false)} onDone={refresh} />
    </Card>
  );
}
