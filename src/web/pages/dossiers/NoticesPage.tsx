/** Public notice (công khai): post nominees on the portal for N working days or between two dates, replace or withdraw a notice, read and answer the comments. */
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Grid,
  Input,
  InputNumber,
  List,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  answerComment,
  getNotice,
  listNotices,
  pipelineAbilities,
  postNotice,
  readyToDecide,
  replaceNotice,
  setCommentsAside,
  withdrawNotice,
  type NoticeInput,
  type NoticeSummary,
  type PublicNotice,
} from '../../api/dossiers';
import { errorText } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { fmtDate, fmtDateTime, fromDayjs } from '../../lib/format';
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

type WindowMode = 'working' | 'calendar';
interface NoticeFormValues {
  candidateIds: string[];
  title: string;
  body?: string;
  mode: WindowMode;
  startDate?: Dayjs;
  workingDays?: number;
  range?: [Dayjs, Dayjs];
  number?: string;
  issuedDate?: Dayjs;
  issuer?: string;
}

/** The form's values as the API takes them: a window by two calendar dates, or from a day for N working days. */
function toNoticeInput(v: NoticeFormValues): NoticeInput {
  const identity = { number: v.number?.trim() || null, issuedDate: fromDayjs(v.issuedDate), issuer: v.issuer?.trim() || null };
  const window =
    v.mode === 'calendar' && v.range
      ? { startDate: fromDayjs(v.range[0]) ?? undefined, endDate: fromDayjs(v.range[1]) ?? undefined }
      : { startDate: fromDayjs(v.startDate) ?? undefined, workingDays: v.workingDays ?? 10 };
  return { candidateIds: v.candidateIds ?? [], title: v.title, body: v.body ?? null, ...window, ...identity };
}

function NoticeForm({
  form,
  onFinish,
  candidateOptions,
  replacing,
}: {
  form: FormInstance<NoticeFormValues>;
  onFinish: (v: NoticeFormValues) => void;
  candidateOptions: { value: string; label: string }[];
  replacing: PublicNotice | null;
}) {
  const mode = Form.useWatch('mode', form);
  // The shared form keeps the last notice's values: a replacement starts from the replaced notice's issuer.
  useEffect(() => {
    if (replacing) form.setFieldsValue({ issuer: replacing.issuer ?? undefined });
  }, [form, replacing]);
  return (
    <Form<NoticeFormValues>
      form={form}
      layout="vertical"
      initialValues={{ workingDays: 10, candidateIds: [], mode: 'working', issuer: replacing?.issuer ?? undefined }}
      onFinish={onFinish}
    >
      {replacing ? (
        <Typography.Paragraph type="secondary">
          Thay thế thông báo {replacing.number ? `số ${replacing.number}` : `"${replacing.title}"`}: {replacing.items.length} đề nghị được chuyển sang thông báo
          mới; các ý kiến góp ý đã nhận ở lại thông báo cũ.
        </Typography.Paragraph>
      ) : null}
      <Form.Item name="title" label="Tiêu đề" rules={[{ required: true, min: 3, message: 'Hãy nhập tiêu đề.' }]}>
        <Input placeholder="Công khai danh sách đề nghị khen thưởng …" />
      </Form.Item>
      <Row gutter={8}>
        <Col xs={24} sm={8}>
          <Form.Item name="number" label="Số, ký hiệu">
            <Input placeholder="08/TB-HĐTĐKT" data-testid="notice-number" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="issuedDate" label="Ngày ban hành">
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="issuer" label="Cơ quan ban hành">
            <Input placeholder="Hội đồng Thi đua - Khen thưởng" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="body" label="Nội dung">
        <Input.TextArea rows={3} placeholder="Mọi ý kiến góp ý xin gửi về …" />
      </Form.Item>
      <Form.Item
        name="candidateIds"
        label={replacing ? 'Đề nghị thêm vào (không bắt buộc)' : 'Đề nghị được công khai'}
        rules={replacing ? [] : [{ required: true, message: 'Hãy chọn đề nghị.' }]}
      >
        <Select mode="multiple" options={candidateOptions} />
      </Form.Item>
      <Form.Item name="mode" label="Thời gian lấy ý kiến">
        <Radio.Group
          options={[
            { value: 'working', label: 'Số ngày làm việc' },
            { value: 'calendar', label: 'Từ ngày … đến hết ngày …' },
          ]}
        />
      </Form.Item>
      {mode === 'calendar' ? (
        <Form.Item name="range" label="Từ ngày – đến hết ngày" rules={[{ required: true, message: 'Chọn ngày bắt đầu và ngày kết thúc.' }]}>
          <DatePicker.RangePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="notice-range" />
        </Form.Item>
      ) : (
        <Row gutter={8}>
          <Col xs={24} sm={12}>
            <Form.Item name="startDate" label="Từ ngày (để trống: hôm nay)">
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="workingDays" label="Số ngày làm việc">
              <InputNumber min={1} max={60} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </Form>
  );
}

function StatusTag({ n }: { n: PublicNotice }) {
  if (n.status === 'withdrawn') return <Tag color="red">Đã thu hồi</Tag>;
  if (n.status === 'replaced') return <Tag color="orange">Đã được thay thế</Tag>;
  return n.open ? <Tag color="processing">Đang lấy ý kiến</Tag> : <Tag>Đã kết thúc</Tag>;
}

function noticeLabel(n: { number: string | null; title: string }): string {
  return n.number ? `số ${n.number}` : `"${n.title}"`;
}

export default function NoticesPage() {
  const user = useUser();
  const ab = pipelineAbilities(user);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: keys.notices, queryFn: listNotices });
  const ready = useQuery({ queryKey: keys.decisions.ready, queryFn: readyToDecide, enabled: ab.postNotice });
  const [open, setOpen] = useState(false);
  const [replacing, setReplacing] = useState<NoticeSummary | null>(null);
  const [withdrawing, setWithdrawing] = useState<{ notice: NoticeSummary; reason: string } | null>(null);
  const [form] = Form.useForm<NoticeFormValues>();
  const refresh = () => qc.invalidateQueries({ queryKey: keys.notices });
  const post = useMutation({
    mutationFn: postNotice,
    onSuccess: async () => {
      message.success('Đã đăng công khai trên cổng thông tin.');
      setOpen(false);
      await refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const replace = useMutation({
    mutationFn: (v: { id: string; input: NoticeInput }) => replaceNotice(v.id, v.input),
    onSuccess: async (n) => {
      message.success(`Đã đăng thông báo thay thế${n.number ? ` số ${n.number}` : ''}.`);
      setReplacing(null);
      await refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const withdraw = useMutation({
    mutationFn: (v: { id: string; reason: string }) => withdrawNotice(v.id, v.reason),
    onSuccess: async () => {
      message.success('Đã thu hồi thông báo; cổng công khai không còn nhận góp ý.');
      setWithdrawing(null);
      await refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  // On a phone the table keeps one column: the title with its window, its state and its buttons.
  const wide = Grid.useBreakpoint().sm !== false;
  const timeText = (n: NoticeSummary) =>
    n.dayCountKind === 'calendar'
      ? `Từ ${fmtDate(n.startDate)} đến hết ${fmtDate(n.endDate)} (${n.workingDays} ngày làm việc)`
      : `${fmtDate(n.startDate)} – ${fmtDate(n.endDate)} (${n.workingDays} ngày làm việc)`;
  const actionsOf = (n: NoticeSummary) => (
    <Space wrap size={4}>
      {n.actions.includes('replace') ? (
        <Button
          size="small"
          onClick={() => {
            form.resetFields();
            setReplacing(n);
          }}
          data-testid="notice-replace"
        >
          Thay thế
        </Button>
      ) : null}
      {n.actions.includes('withdraw') ? (
        <Button size="small" danger onClick={() => setWithdrawing({ notice: n, reason: '' })} data-testid="notice-withdraw">
          Thu hồi
        </Button>
      ) : null}
    </Space>
  );
  const candidateOptions = (ready.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.displayName} — ${c.honorLabel}` }));
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
        scroll={wide ? { x: 'max-content' } : undefined}
        expandable={{
          expandedRowRender: (n: NoticeSummary) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {n.replaces ? <Typography.Text>Thay thế thông báo {noticeLabel(n.replaces)}.</Typography.Text> : null}
              {n.replacedBy ? (
                <Typography.Text type="warning" data-testid="notice-replaced-by">
                  Đã được thay thế bằng thông báo {noticeLabel(n.replacedBy)}.
                </Typography.Text>
              ) : null}
              {n.status === 'withdrawn' ? (
                <Typography.Text type="danger" data-testid="notice-withdrawn">
                  Đã thu hồi{n.withdrawnAt ? ` ngày ${fmtDateTime(n.withdrawnAt)}` : ''}: {n.withdrawnReason}
                </Typography.Text>
              ) : null}
              <Link to={`/cong-khai/lay-y-kien/${n.id}`} target="_blank" data-testid="notice-public-link">
                Xem trên cổng công khai
              </Link>
              <Card size="small" title="Ý kiến góp ý">
                <Comments id={n.id} mayAnswer={n.actions.includes('answer')} />
              </Card>
            </Space>
          ),
        }}
        columns={[
          {
            title: 'Tiêu đề',
            key: 't',
            render: (_: unknown, n: NoticeSummary) => (
              <div style={{ minWidth: wide ? 180 : undefined, maxWidth: 420, whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
                <div>{n.title}</div>
                {n.number || n.issuedDate || n.issuer ? (
                  <Typography.Text type="secondary">
                    {[n.number ? `Số ${n.number}` : null, n.issuedDate ? `ngày ${fmtDate(n.issuedDate)}` : null, n.issuer].filter(Boolean).join(', ')}
                  </Typography.Text>
                ) : null}
                {wide ? null : (
                  <Space orientation="vertical" size={4} style={{ display: 'flex', marginTop: 4 }}>
                    <Typography.Text>{timeText(n)}</Typography.Text>
                    <Typography.Text type="secondary">
                      {n.items.length} đề nghị · {n.commentCount} góp ý
                    </Typography.Text>
                    <StatusTag n={n} />
                    {actionsOf(n)}
                  </Space>
                )}
              </div>
            ),
          },
          {
            title: 'Thời gian',
            key: 'd',
            width: 230,
            responsive: ['sm'],
            render: (_: unknown, n: NoticeSummary) => timeText(n),
          },
          { title: 'Số đề nghị', key: 'n', width: 100, align: 'right' as const, responsive: ['sm'], render: (_: unknown, n: NoticeSummary) => n.items.length },
          { title: 'Góp ý', dataIndex: 'commentCount', key: 'c', width: 80, align: 'right' as const, responsive: ['sm'] },
          { title: '', key: 's', width: 140, responsive: ['sm'], render: (_: unknown, n: NoticeSummary) => <StatusTag n={n} /> },
          {
            title: '',
            key: 'a',
            width: 170,
            responsive: ['sm'],
            render: (_: unknown, n: NoticeSummary) => actionsOf(n),
          },
        ]}
      />
      <Modal
        open={open || replacing !== null}
        title={replacing ? `Thay thế thông báo ${noticeLabel(replacing)}` : 'Đăng công khai danh sách đề nghị'}
        okText={replacing ? 'Đăng thông báo thay thế' : 'Đăng'}
        cancelText="Đóng"
        onCancel={() => {
          setOpen(false);
          setReplacing(null);
        }}
        onOk={() => form.submit()}
        confirmLoading={post.isPending || replace.isPending}
        width={720}
        destroyOnHidden
      >
        <NoticeForm
          form={form}
          replacing={replacing}
          candidateOptions={candidateOptions}
          onFinish={(v) => (replacing ? replace.mutate({ id: replacing.id, input: toNoticeInput(v) }) : post.mutate(toNoticeInput(v)))}
        />
      </Modal>
      <Modal
        open={withdrawing !== null}
        title={withdrawing ? `Thu hồi thông báo ${noticeLabel(withdrawing.notice)}` : ''}
        okText="Thu hồi"
        okButtonProps={{ danger: true, disabled: (withdrawing?.reason.trim().length ?? 0) < 3 }}
        cancelText="Đóng"
        confirmLoading={withdraw.isPending}
        onCancel={() => setWithdrawing(null)}
        onOk={() => withdrawing && withdraw.mutate({ id: withdrawing.notice.id, reason: withdrawing.reason })}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">Cổng công khai sẽ hiện thông báo là đã thu hồi và không nhận góp ý nữa.</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          value={withdrawing?.reason ?? ''}
          onChange={(e) => withdrawing && setWithdrawing({ ...withdrawing, reason: e.target.value })}
          placeholder="Lý do thu hồi (ghi vào nhật ký và hiện trên cổng công khai)"
          aria-label="Lý do thu hồi"
          data-testid="notice-withdraw-reason"
        />
      </Modal>
    </>
  );
}
