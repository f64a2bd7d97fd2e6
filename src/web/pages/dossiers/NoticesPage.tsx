/** Public notice (công khai): post nominees on the portal for N working days, read and answer the comments. */
import { App, Button, Card, Checkbox, Form, Input, InputNumber, List, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { answerComment, getNotice, listNotices, pipelineAbilities, postNotice, readyToDecide, setCommentsAside, type PublicNotice } from '../../api/dossiers';
import { errorText } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { keys } from '../../api/keys';

const DISPOSITION_LABELS = { spam: 'Spam', duplicate: 'Trùng lặp' } as const;
type Disposition = keyof typeof DISPOSITION_LABELS;

function Comments({ id, mayAnswer }: { id: string; mayAnswer: boolean }) {
  const q = useQuery({ queryKey: keys.notice(id), queryFn: () => getNotice(id) });
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [picked, setPicked] = useState<string[]>([]);
  const [aside, setAside] = useState<{ disposition: Disposition; reason: string } | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: keys.notice(id) });
  const answer = useMutation({
    mutationFn: (commentId: string) => answerComment(id, commentId, answers[commentId] ?? ''),
    onSuccess: async () => {
      message.success('Đã trả lời.');
      await refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const putAside = useMutation({
    mutationFn: (v: { disposition: Disposition; reason: string }) => setCommentsAside(id, { commentIds: picked, ...v }),
    onSuccess: async (r) => {
      message.success(`Đã đánh dấu ${r.total} ý kiến; các ý kiến này được trả lời chung và không chặn việc ban hành quyết định.`);
      setPicked([]);
      setAside(null);
      await refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const open = (q.data?.comments ?? []).filter((c) => !c.answer);
  return (
    <>
      {mayAnswer && open.length ? (
        <Space wrap style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">Đã chọn {picked.length} ý kiến chưa trả lời</Typography.Text>
          <Button size="small" disabled={!picked.length} onClick={() => setAside({ disposition: 'spam', reason: '' })} data-testid="comments-set-aside">
            Đánh dấu spam / trùng lặp
          </Button>
        </Space>
      ) : null}
      <List
        size="small"
        loading={q.isLoading}
        dataSource={q.data?.comments ?? []}
        locale={{ emptyText: 'Chưa có ý kiến góp ý.' }}
        renderItem={(c) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              {mayAnswer && !c.answer ? (
                <Checkbox
                  checked={picked.includes(c.id)}
                  onChange={(e) => setPicked(e.target.checked ? [...picked, c.id] : picked.filter((x) => x !== c.id))}
                  style={{ marginRight: 8 }}
                  aria-label={`Chọn ý kiến của ${c.authorName}`}
                />
              ) : null}
              <strong>{c.authorName}</strong> {c.authorContact ? <Typography.Text type="secondary">({c.authorContact})</Typography.Text> : null} ·{' '}
              {fmtDateTime(c.createdAt)}
              <div style={{ overflowWrap: 'anywhere' }}>{c.content}</div>
              {c.answer ? (
                <div style={{ marginTop: 4 }}>
                  {c.disposition ? <Tag color="default">{DISPOSITION_LABELS[c.disposition]}</Tag> : <Tag color="green">Đã trả lời</Tag>}
                  {c.answer}
                </div>
              ) : mayAnswer ? (
                <Space.Compact style={{ width: '100%', marginTop: 4 }}>
                  <Input value={answers[c.id] ?? ''} onChange={(e) => setAnswers({ ...answers, [c.id]: e.target.value })} placeholder="Nội dung trả lời" />
                  <Button type="primary" onClick={() => answer.mutate(c.id)} disabled={(answers[c.id] ?? '').trim().length < 2}>
                    Trả lời
                  </Button>
                </Space.Compact>
              ) : (
                <Tag color="gold" style={{ marginTop: 4 }}>
                  Chưa trả lời
                </Tag>
              )}
            </div>
          </List.Item>
        )}
      />
      <Modal
        open={aside !== null}
        title={`Đánh dấu ${picked.length} ý kiến`}
        okText="Đánh dấu"
        cancelText="Đóng"
        okButtonProps={{ disabled: (aside?.reason.trim().length ?? 0) < 3 }}
        confirmLoading={putAside.isPending}
        onCancel={() => setAside(null)}
        onOk={() => aside && putAside.mutate(aside)}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group
            value={aside?.disposition}
            onChange={(e) => aside && setAside({ ...aside, disposition: e.target.value as Disposition })}
            options={[
              { value: 'spam', label: 'Spam (quảng cáo, nội dung không liên quan)' },
              { value: 'duplicate', label: 'Trùng lặp với ý kiến đã có' },
            ]}
          />
          <Input.TextArea
            rows={3}
            value={aside?.reason ?? ''}
            onChange={(e) => aside && setAside({ ...aside, reason: e.target.value })}
            placeholder="Lý do (ghi vào câu trả lời chung và nhật ký), ví dụ: Nội dung quảng cáo, không liên quan đến người được đề nghị."
            aria-label="Lý do"
          />
        </Space>
      </Modal>
    </>
  );
}

export default function NoticesPage() {
  const user = useUser();
  const ab = pipelineAbilities(user);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: keys.notices, queryFn: listNotices });
  const ready = useQuery({ queryKey: keys.decisions.ready, queryFn: readyToDecide, enabled: ab.postNotice });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ candidateIds: string[]; title: string; body?: string; workingDays: number }>();
  const post = useMutation({
    mutationFn: postNotice,
    onSuccess: async () => {
      message.success('Đã đăng công khai trên cổng thông tin.');
      setOpen(false);
      await qc.invalidateQueries({ queryKey: keys.notices });
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <>
      <PageHeader
        title="Công khai lấy ý kiến"
        subtitle="Danh sách đề nghị được đăng trên cổng công khai trong số ngày làm việc quy định (Huân chương, danh hiệu vinh dự Nhà nước: ít nhất 10 ngày)."
        extra={
          ab.postNotice ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              Đăng công khai
            </Button>
          ) : null
        }
      />
      {q.isError ? <ErrorAlert error={q.error} /> : null}
      <Table
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: 'Chưa có đợt công khai nào.' }}
        expandable={{
          expandedRowRender: (n: PublicNotice) => (
            <Card size="small" title="Ý kiến góp ý">
              <Comments id={n.id} mayAnswer={ab.answerNotice} />
            </Card>
          ),
        }}
        columns={[
          { title: 'Tiêu đề', dataIndex: 'title', key: 't' },
          {
            title: 'Thời gian',
            key: 'd',
            width: 230,
            render: (_: unknown, n: PublicNotice) => `${fmtDate(n.startDate)} – ${fmtDate(n.endDate)} (${n.workingDays} ngày làm việc)`,
          },
          { title: 'Số đề nghị', key: 'n', width: 100, align: 'right' as const, render: (_: unknown, n: PublicNotice) => n.items.length },
          { title: 'Góp ý', dataIndex: 'commentCount', key: 'c', width: 80, align: 'right' as const },
          {
            title: '',
            key: 's',
            width: 120,
            render: (_: unknown, n: PublicNotice) => (n.open ? <Tag color="processing">Đang lấy ý kiến</Tag> : <Tag>Đã kết thúc</Tag>),
          },
        ]}
      />
      <Modal
        open={open}
        title="Đăng công khai danh sách đề nghị"
        okText="Đăng"
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={post.isPending}
        width={720}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ workingDays: 10, candidateIds: [] }} onFinish={(v) => post.mutate({ ...v, body: v.body ?? null })}>
          <Form.Item name="title" label="Tiêu đề" rules={[{ required: true, min: 3 }]}>
            <Input placeholder="Công khai danh sách đề nghị khen thưởng …" />
          </Form.Item>
          <Form.Item name="body" label="Nội dung">
            <Input.TextArea rows={3} placeholder="Mọi ý kiến góp ý xin gửi về …" />
          </Form.Item>
          <Form.Item name="candidateIds" label="Đề nghị được công khai" rules={[{ required: true, message: 'Hãy chọn đề nghị.' }]}>
            <Select mode="multiple" options={(ready.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.displayName} — ${c.honorLabel}` }))} />
          </Form.Item>
          <Form.Item name="workingDays" label="Số ngày làm việc">
            <InputNumber min={1} max={60} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
