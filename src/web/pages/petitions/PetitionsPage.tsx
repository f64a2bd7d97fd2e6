/** "Kiến nghị của tôi" for everyone, and the Office's inbox (due dates, overdue) for those who handle petitions. */
import { Alert, App, Button, Drawer, Form, Input, Segmented, Select, Space, Switch, Table, Tag, Typography, Upload } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { UploadFile } from 'antd/es/upload/interface';
import { fileToBase64, listPetitions, submitPetition, type PetitionInput, type PetitionSummary } from '../../api/petitions';
import { listDecisions, listDossiers, listNotices } from '../../api/dossiers';
import { errorText, flag } from '../../api/client';
import { keys } from '../../api/keys';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { fmtDate } from '../../lib/format';
import { PETITION_KINDS, PETITION_KIND_LABELS, PETITION_SUBJECT_LABELS } from '../../../shared/codes';

export function statusTag(p: Pick<PetitionSummary, 'status' | 'statusLabel' | 'overdue'>) {
  if (p.overdue) return <Tag color="red">Quá hạn</Tag>;
  const color = p.status === 'answered' || p.status === 'closed' ? 'green' : p.status === 'info_requested' ? 'orange' : 'blue';
  return <Tag color={color}>{p.statusLabel}</Tag>;
}

type SubjectChoice = 'general' | 'record' | 'dossier' | 'decision' | 'notice';
const SUBJECT_CHOICES: readonly SubjectChoice[] = ['record', 'dossier', 'decision', 'notice', 'general'];

interface Values {
  kind: PetitionInput['kind'];
  subjectType: SubjectChoice;
  subjectId?: string;
  decisionId?: string;
  noticeId?: string;
  candidateId?: string;
  title: string;
  content: string;
  authorContact?: string;
  anonymous?: boolean;
}

function SubmitDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const kind = Form.useWatch('kind', form);
  const subject = Form.useWatch('subjectType', form);
  const noticeId = Form.useWatch('noticeId', form);
  // The records one may petition about, read only when that subject is chosen (a list the sender cannot read stays empty).
  const dossiers = useQuery({
    queryKey: keys.dossiers.list('petition', undefined, '', 1),
    queryFn: () => listDossiers({ pageSize: 200 }),
    enabled: open && subject === 'dossier',
  });
  const decisions = useQuery({ queryKey: keys.decisions.all, queryFn: listDecisions, enabled: open && subject === 'decision' });
  const notices = useQuery({ queryKey: keys.notices, queryFn: listNotices, enabled: open && subject === 'notice' });
  const notice = notices.data?.items.find((n) => n.id === noticeId);
  const m = useMutation({
    mutationFn: async (v: Values) => {
      const attachments = [];
      for (const f of files) if (f.originFileObj) attachments.push({ fileName: f.name, data: await fileToBase64(f.originFileObj) });
      // Only the link of the chosen subject is sent.
      const { subjectId, decisionId, noticeId: nId, candidateId, ...rest } = v;
      const links =
        v.subjectType === 'dossier'
          ? { subjectId }
          : v.subjectType === 'decision'
            ? { decisionId }
            : v.subjectType === 'notice'
              ? { noticeId: nId, candidateId }
              : {};
      return submitPetition({ ...rest, ...links, attachments });
    },
    onSuccess: (p) => {
      message.success(`Đã gửi. Hạn trả lời: ${fmtDate(p.dueDate)}.`);
      void qc.invalidateQueries({ queryKey: ['petitions'] });
      form.resetFields();
      setFiles([]);
      onClose();
      void navigate(`/don-thu/${p.id}`);
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Drawer title="Gửi thắc mắc, kiến nghị, khiếu nại, tố cáo" open={open} onClose={onClose} width={Math.min(560, window.innerWidth)} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'thac_mac', subjectType: 'record' }} onFinish={(v) => m.mutate(v)}>
        <Form.Item name="kind" label="Loại đơn" rules={[{ required: true }]}>
          <Select options={PETITION_KINDS.map((k) => ({ value: k, label: PETITION_KIND_LABELS[k] }))} data-testid="petition-kind" />
        </Form.Item>
        <Form.Item name="subjectType" label="Về việc">
          <Select options={SUBJECT_CHOICES.map((s) => ({ value: s, label: PETITION_SUBJECT_LABELS[s] }))} data-testid="petition-subject" />
        </Form.Item>
        {subject === 'dossier' ? (
          <Form.Item name="subjectId" label="Hồ sơ đề nghị khen thưởng" rules={[{ required: true, message: 'Hãy chọn hồ sơ.' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={dossiers.isFetching}
              notFoundContent="Không có hồ sơ nào bạn xem được"
              options={(dossiers.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.title} (${d.unitName})` }))}
              data-testid="petition-dossier"
            />
          </Form.Item>
        ) : null}
        {subject === 'decision' ? (
          <Form.Item name="decisionId" label="Quyết định khen thưởng" rules={[{ required: true, message: 'Hãy chọn quyết định.' }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={decisions.isFetching}
              notFoundContent="Không có quyết định nào bạn xem được"
              options={(decisions.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.numberText} — ${d.title}` }))}
              data-testid="petition-decision"
            />
          </Form.Item>
        ) : null}
        {subject === 'notice' ? (
          <>
            <Form.Item name="noticeId" label="Thông báo công khai lấy ý kiến" rules={[{ required: true, message: 'Hãy chọn thông báo.' }]}>
              <Select
                loading={notices.isFetching}
                notFoundContent="Không có thông báo nào"
                onChange={() => form.setFieldValue('candidateId', undefined)}
                options={(notices.data?.items ?? []).map((n) => ({ value: n.id, label: n.title }))}
                data-testid="petition-notice"
              />
            </Form.Item>
            <Form.Item name="candidateId" label="Người/tập thể trong danh sách">
              <Select
                allowClear
                placeholder="Chung cho cả danh sách"
                options={(notice?.items ?? []).map((i) => ({ value: i.candidateId, label: i.displayName }))}
                data-testid="petition-candidate"
              />
            </Form.Item>
          </>
        ) : null}
        {(kind === 'khieu_nai' || kind === 'to_cao') && (subject === 'decision' || (subject === 'notice' && form.getFieldValue('candidateId'))) ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={
              subject === 'decision'
                ? 'Việc thi hành quyết định sẽ tạm dừng cho đến khi đơn được trả lời.'
                : 'Việc xét khen thưởng người/tập thể này sẽ tạm dừng cho đến khi đơn được trả lời.'
            }
          />
        ) : null}
        <Form.Item name="title" label="Trích yếu" rules={[{ required: true, message: 'Hãy nhập trích yếu.' }]}>
          <Input maxLength={300} data-testid="petition-title" />
        </Form.Item>
        <Form.Item name="content" label="Nội dung" rules={[{ required: true, message: 'Hãy nhập nội dung đơn.' }]}>
          <Input.TextArea rows={6} maxLength={10000} showCount data-testid="petition-content" />
        </Form.Item>
        <Form.Item name="authorContact" label="Điện thoại / thư điện tử liên hệ">
          <Input maxLength={300} />
        </Form.Item>
        {kind === 'to_cao' ? (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message="Thông tin người tố cáo chỉ người được giao xử lý và Lãnh đạo xem được; mọi lần xem đều được ghi nhật ký."
            />
            <Form.Item name="anonymous" label="Không ghi tên (tiếp nhận như thông tin có nội dung tố cáo)" valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        ) : null}
        <Form.Item label="Tệp đính kèm (tối đa 3 tệp PDF, JPG, PNG, DOCX; mỗi tệp ≤ 2 MB)">
          <Upload fileList={files} beforeUpload={() => false} onChange={(i) => setFiles(i.fileList.slice(0, 3))} accept=".pdf,.jpg,.jpeg,.png,.docx">
            <Button icon={<UploadOutlined />}>Chọn tệp</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={m.isPending} data-testid="petition-send">
          Gửi
        </Button>
      </Form>
    </Drawer>
  );
}

export default function PetitionsPage() {
  const user = useUser();
  const handles = (user.abilities.petition as readonly string[]).includes('handle');
  const [view, setView] = useState<'mine' | 'inbox'>(handles ? 'inbox' : 'mine');
  const [status, setStatus] = useState<string>('open');
  const [overdue, setOverdue] = useState(false);
  const [open, setOpen] = useState(false);
  const filter = { mine: flag(view === 'mine'), status: status === 'all' ? undefined : (status as 'open'), overdue: flag(overdue || undefined), pageSize: 200 };
  const q = useQuery({ queryKey: keys.petitions(filter), queryFn: () => listPetitions(filter) });
  return (
    <>
      <PageHeader
        title={view === 'mine' ? 'Kiến nghị của tôi' : 'Đơn thư về thi đua, khen thưởng'}
        subtitle="Thắc mắc, kiến nghị, khiếu nại, tố cáo — thời hạn giải quyết theo Luật Khiếu nại, Luật Tố cáo và quy chế của cơ quan"
        extra={
          <Space wrap>
            {handles ? (
              <Segmented
                value={view}
                onChange={(v) => setView(v as 'mine' | 'inbox')}
                options={[
                  { value: 'inbox', label: 'Hộp thư Văn phòng' },
                  { value: 'mine', label: 'Của tôi' },
                ]}
              />
            ) : null}
            {(user.abilities.petition as readonly string[]).includes('create') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="petition-new">
                Gửi đơn
              </Button>
            ) : null}
          </Space>
        }
      />
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data && q.data.overdue > 0 && view === 'inbox' ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message={`${q.data.overdue} đơn đang mở đã quá hạn giải quyết`} />
      ) : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          value={status}
          onChange={setStatus}
          style={{ width: 200 }}
          options={[
            { value: 'open', label: 'Đang xử lý' },
            { value: 'answered', label: 'Đã trả lời' },
            { value: 'closed', label: 'Đã kết thúc' },
            { value: 'all', label: 'Tất cả' },
          ]}
        />
        <Space>
          <Switch checked={overdue} onChange={setOverdue} /> Chỉ đơn quá hạn
        </Space>
      </Space>
      <Table<PetitionSummary>
        size="small"
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        data-testid="petition-list"
        columns={[
          {
            title: 'Hạn',
            dataIndex: 'dueDate',
            width: 100,
            render: (d: string, r) => <Typography.Text type={r.overdue ? 'danger' : undefined}>{fmtDate(d)}</Typography.Text>,
          },
          { title: 'Loại', dataIndex: 'kindLabel', width: 90, render: (v: string) => <Tag>{v}</Tag> },
          {
            title: 'Trích yếu',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Link to={`/don-thu/${r.id}`}>{r.title}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.identityHidden ? 'Người gửi: giữ bí mật' : r.anonymous ? 'Không ghi tên' : r.authorName} ·{' '}
                  {r.channel === 'portal' ? 'Cổng công khai' : 'Trong hệ thống'}
                  {r.holdsSubject ? ' · đang tạm dừng xét' : ''}
                </Typography.Text>
              </Space>
            ),
          },
          { title: 'Người xử lý', dataIndex: 'handlerName', width: 180, render: (v: string | null) => v ?? '—' },
          { title: 'Trạng thái', width: 130, render: (_, r) => statusTag(r) },
        ]}
      />
      <SubmitDrawer open={open} onClose={() => setOpen(false)} />
    </>
  );
}
