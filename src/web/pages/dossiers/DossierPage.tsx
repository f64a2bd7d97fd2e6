/** One dossier: candidates, documents, completeness checklist, versions, and the buttons its state and the user's role allow. */
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Popover,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  InputNumber,
  Table,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DocumentSignatures } from '../signing/DocumentSignatures';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  addCandidate,
  addWrittenDocument,
  appraiseCandidate,
  dossierCommand,
  forwardCandidate,
  forwardDossier,
  getDossier,
  removeCandidate,
  removeDocument,
  returnDossier,
  uploadDocument,
  type Candidate,
  type Dossier,
} from '../../api/dossiers';
import { errorText } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { PersonPicker } from '../../components/PersonPicker';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { fmtDate, fmtDateTime } from '../../lib/format';
import { SUBJECT_KINDS, SUBJECT_KIND_LABELS, type Honor, type SubjectKind } from '../../../shared/codes';
import { codeOf } from '../../lib/codes';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, type DocumentKind } from '../../../shared/dossiers';
import { ClockTag, DocumentDownloads, StatusTag, honorOptions } from './common';
import { keys } from '../../api/keys';
import { RegimeDate } from './RegimeDate';
import { AchievementReportDrawer } from './AchievementReportDrawer';
import { BulkCandidates } from './BulkCandidates';
import { HigherDecisionModal } from './HigherDecisionModal';
import { CandidateEditModal } from './CandidateEditModal';
import { DossierInitiatives } from '../initiatives/DossierInitiatives';
import { DossierConsultations } from '../consultations/DossierConsultations';

const CANDIDATE_PAGE = 20;

function AppraisalCell({ c }: { c: Candidate }) {
  if (!c.appraisal) return <Typography.Text type="secondary">Chưa thẩm định</Typography.Text>;
  const tag =
    c.appraisal.eligible === true ? (
      <Tag color="green">Đủ điều kiện</Tag>
    ) : c.appraisal.eligible === false ? (
      <Tag color="red">Chưa đủ điều kiện</Tag>
    ) : (
      <Tag color="gold">Cần xác nhận</Tag>
    );
  return (
    <Popover
      title="Kết quả kiểm tra theo bộ quy tắc"
      content={
        <List
          size="small"
          style={{ maxWidth: 520 }}
          dataSource={c.appraisal.reasons}
          renderItem={(r) => (
            <List.Item>
              <span>
                {r.ok === true ? '✔' : r.ok === false ? '✘' : '?'} {r.text}
                {r.article ? (
                  <Typography.Text type="secondary">
                    {' '}
                    ({r.article}
                    {r.verified ? '' : ', chưa xác minh'})
                  </Typography.Text>
                ) : null}
              </span>
            </List.Item>
          )}
        />
      }
    >
      <Space direction="vertical" size={0}>
        {tag}
        {c.appraisalNote ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.appraisalNote}
          </Typography.Text>
        ) : null}
      </Space>
    </Popover>
  );
}

function AddCandidateForm({ d, onDone }: { d: Dossier; onDone: () => void }) {
  const [form] = Form.useForm<{
    subjectKind: SubjectKind;
    personId?: string;
    unitId?: string;
    householdName?: string;
    proposedHonor: Honor;
    achievement?: string;
    posthumous?: boolean;
    inKindDescription?: string;
    inKindValue?: number;
  }>();
  const kind = Form.useWatch('subjectKind', form) ?? 'individual';
  const { message } = App.useApp();
  const add = useMutation({
    mutationFn: (v: Parameters<typeof addCandidate>[1]) => addCandidate(d.id, { ...v, version: d.version }),
    onSuccess: () => {
      message.success('Đã thêm vào danh sách đề nghị.');
      form.resetFields(['personId', 'unitId', 'householdName', 'achievement', 'posthumous', 'inKindDescription', 'inKindValue']);
      onDone();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Form form={form} layout="vertical" initialValues={{ subjectKind: 'individual', proposedHonor: 'GK' }} onFinish={(v) => add.mutate(v)}>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="subjectKind" label="Đối tượng">
            <Select options={SUBJECT_KINDS.map((k) => ({ value: k, label: SUBJECT_KIND_LABELS[k] }))} />
          </Form.Item>
        </Col>
        <Col span={10}>
          {kind === 'individual' ? (
            <Form.Item name="personId" label="Cán bộ" rules={[{ required: true, message: 'Hãy chọn cán bộ.' }]}>
              <PersonPicker data-testid="candidate-person" />
            </Form.Item>
          ) : kind === 'collective' ? (
            <Form.Item name="unitId" label="Tập thể" rules={[{ required: true, message: 'Hãy chọn tập thể.' }]}>
              <UnitTreeSelect />
            </Form.Item>
          ) : (
            <Form.Item name="householdName" label="Chủ hộ" rules={[{ required: true, message: 'Hãy nhập tên chủ hộ.' }]}>
              <Input />
            </Form.Item>
          )}
        </Col>
        <Col span={8}>
          <Form.Item name="proposedHonor" label="Hình thức đề nghị" rules={[{ required: true }]}>
            <Select options={honorOptions(kind)} data-testid="candidate-honor" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="achievement" label="Tóm tắt thành tích">
        <Input.TextArea rows={2} />
      </Form.Item>
      <Row gutter={12}>
        {kind === 'individual' ? (
          <Col xs={24} md={6}>
            <Form.Item name="posthumous" label="Truy tặng (đã hy sinh, từ trần)" valuePropName="checked">
              <Switch data-testid="candidate-posthumous" />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={12}>
          <Form.Item name="inKindDescription" label="Hiện vật khen thưởng (nếu có)">
            <Input placeholder="Ví dụ: Công trình phúc lợi: nhà văn hóa thôn" />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="inKindValue" label="Giá trị hiện vật (đồng)">
            <InputNumber min={1} step={1000000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={add.isPending} data-testid="candidate-add">
        Thêm vào danh sách
      </Button>
    </Form>
  );
}

function DocumentModal({ d, open, onClose, onDone }: { d: Dossier; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ kind: DocumentKind; candidateId?: string; title?: string; content?: string; voteResult?: string }>();
  const [mode, setMode] = useState<'write' | 'upload'>('write');
  const [file, setFile] = useState<File | null>(null);
  const kind = Form.useWatch('kind', form);
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: async (v: { kind: DocumentKind; candidateId?: string; title?: string; content?: string; voteResult?: string }) => {
      if (mode === 'write')
        return addWrittenDocument(d.id, {
          kind: v.kind,
          candidateId: v.candidateId ?? null,
          title: v.title ?? null,
          content: v.content ?? '',
          voteResult: v.voteResult ?? null,
        });
      if (!file) throw new Error('Hãy chọn tệp.');
      const fd = new FormData();
      fd.append('kind', v.kind);
      if (v.candidateId) fd.append('candidateId', v.candidateId);
      if (v.title) fd.append('title', v.title);
      if (v.voteResult) fd.append('voteResult', v.voteResult);
      fd.append('version', String(d.version));
      fd.append('file', file, file.name);
      return uploadDocument(d.id, fd);
    },
    onSuccess: () => {
      message.success('Đã thêm tài liệu.');
      form.resetFields();
      setFile(null);
      onDone();
      onClose();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const perCandidate = kind === 'bao_cao_thanh_tich' || kind === 'minh_chung';
  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      title="Thêm tài liệu"
      okText="Lưu"
      confirmLoading={save.isPending}
      width={720}
      destroyOnHidden
    >
      <Radio.Group
        value={mode}
        onChange={(e) => setMode(e.target.value as 'write' | 'upload')}
        optionType="button"
        style={{ marginBottom: 12 }}
        options={[
          { value: 'write', label: 'Soạn trên hệ thống' },
          { value: 'upload', label: 'Tải tệp lên (PDF, Word, ảnh ≤ 10 MB)' },
        ]}
      />
      <Form form={form} layout="vertical" initialValues={{ kind: 'bao_cao_thanh_tich' }} onFinish={(v) => save.mutate(v)}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label="Loại tài liệu">
              <Select options={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))} data-testid="document-kind" />
            </Form.Item>
          </Col>
          <Col span={12}>
            {perCandidate ? (
              <Form.Item name="candidateId" label="Của" rules={[{ required: true, message: 'Hãy chọn người/tập thể.' }]}>
                <Select options={d.candidates.map((c) => ({ value: c.id, label: c.displayName }))} data-testid="document-candidate" />
              </Form.Item>
            ) : null}
          </Col>
        </Row>
        <Form.Item name="title" label="Tiêu đề (để trống: tự đặt)">
          <Input />
        </Form.Item>
        {kind === 'bien_ban_hop_xet' ? (
          <Form.Item name="voteResult" label="Kết quả biểu quyết" rules={[{ required: true, message: 'Biên bản phải ghi kết quả biểu quyết.' }]}>
            <Input placeholder="Ví dụ: 5/6 thành viên đồng ý" />
          </Form.Item>
        ) : null}
        {mode === 'write' ? (
          <Form.Item name="content" label="Nội dung" rules={[{ required: true, message: 'Hãy nhập nội dung.' }]}>
            <Input.TextArea
              rows={10}
              placeholder={kind === 'bao_cao_thanh_tich' ? 'I. SƠ LƯỢC LÝ LỊCH …\nII. THÀNH TÍCH ĐẠT ĐƯỢC …\nIII. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG …' : ''}
              data-testid="document-content"
            />
          </Form.Item>
        ) : (
          <Upload
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            maxCount={1}
            onRemove={() => setFile(null)}
            accept=".pdf,.doc,.docx,.jpg,.jpeg,.png"
          >
            <Button icon={<UploadOutlined />}>Chọn tệp</Button>
          </Upload>
        )}
      </Form>
    </Modal>
  );
}

export default function DossierPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: keys.dossier(id), queryFn: () => getDossier(id) });
  const [docOpen, setDocOpen] = useState(false);
  const [candPage, setCandPage] = useState({ current: 1, pageSize: CANDIDATE_PAGE });
  const [returning, setReturning] = useState(false);
  const [reasons, setReasons] = useState('');
  const [appraising, setAppraising] = useState<Candidate | null>(null);
  const [reporting, setReporting] = useState<Candidate | null>(null);
  const [editing, setEditing] = useState<Candidate | null>(null);
  const [forwarding, setForwarding] = useState(false);
  const [recording, setRecording] = useState(false);
  const [appraiseForm] = Form.useForm<{ note?: string; lowerTo?: Honor; lowerReason?: string }>();
  const [receiver, setReceiver] = useState('');
  const refresh = () => qc.invalidateQueries({ queryKey: keys.dossier(id) });
  const act = useMutation({
    mutationFn: async (fn: () => Promise<unknown>) => fn(),
    onSuccess: async () => {
      await refresh();
      await qc.invalidateQueries({ queryKey: keys.dossiers.all });
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (q.isLoading) return <LoadingBlock />;
  if (q.isError || !q.data) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const run = (fn: () => Promise<unknown>, ok: string) =>
    act.mutate(async () => {
      await fn();
      message.success(ok);
    });
  // A modal that saved by itself: say so and reload the dossier and the lists.
  const changed = async (ok: string) => {
    message.success(ok);
    await refresh();
    await qc.invalidateQueries({ queryKey: keys.dossiers.all });
  };
  const canAppraise = d.actions.includes('appraise');

  const candidateColumns = [
    {
      title: 'Họ tên / tập thể',
      key: 'name',
      width: 300,
      render: (_: unknown, c: Candidate) => (
        <div>
          <strong>{c.displayName}</strong>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.subjectKindLabel}
              {c.positionText ? ` · ${c.positionText}` : ''}
            </Typography.Text>
          </div>
          {c.achievement ? <div style={{ fontSize: 12 }}>{c.achievement}</div> : null}
          <Button size="small" style={{ marginTop: 4 }} onClick={() => setReporting(c)} data-testid="candidate-report">
            Báo cáo thành tích
          </Button>
        </div>
      ),
    },
    {
      title: 'Hình thức',
      key: 'honor',
      width: 220,
      render: (_: unknown, c: Candidate) => (
        <div>
          {c.honor !== c.proposedHonor ? (
            <>
              <Typography.Text delete type="secondary">
                {c.proposedHonorLabel}
              </Typography.Text>
              <br />
            </>
          ) : null}
          <span>{c.posthumous ? c.awardWording : c.honorLabel}</span>
          {c.classUndecided ? <Tag>Chưa xác định hạng</Tag> : null}
          {c.inKindDescription ? (
            <div style={{ fontSize: 12 }}>
              Hiện vật: {c.inKindDescription}
              {c.inKindValue !== null ? ` (${c.inKindValue.toLocaleString('vi-VN')} đ)` : ''}
            </div>
          ) : null}
          {c.loweredReason ? (
            <div style={{ fontSize: 12 }}>
              <Typography.Text type="warning">Hạ mức: {c.loweredReason}</Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    { title: 'Thẩm định', key: 'appraisal', width: 190, render: (_: unknown, c: Candidate) => <AppraisalCell c={c} /> },
    {
      title: 'Hội đồng',
      key: 'council',
      width: 150,
      render: (_: unknown, c: Candidate) =>
        c.councilResult ? (
          <Tag color={c.councilResult === 'passed' ? 'green' : 'red'} title={c.councilText ?? ''}>
            {c.councilResult === 'passed' ? 'Đạt tỷ lệ phiếu' : 'Không đạt'}
          </Tag>
        ) : (
          '—'
        ),
    },
    {
      title: 'Kết quả',
      key: 'outcome',
      width: 150,
      render: (_: unknown, c: Candidate) => (
        <Tag color={c.outcome === 'awarded' ? 'green' : c.outcome === 'forwarded' ? 'magenta' : c.outcome === 'pending' ? 'default' : 'red'}>
          {c.outcomeLabel}
        </Tag>
      ),
    },
    {
      title: '',
      key: 'actions',
      width: 130,
      render: (_: unknown, c: Candidate) => (
        <Space direction="vertical" size={4}>
          {c.actions?.includes('update') ? (
            <Button size="small" onClick={() => setEditing(c)} data-testid="candidate-edit">
              Sửa
            </Button>
          ) : null}
          {c.actions?.includes('remove') ? (
            <Popconfirm
              title={`Bỏ ${c.displayName} khỏi danh sách?`}
              okText="Bỏ"
              cancelText="Không"
              onConfirm={() => run(() => removeCandidate(d.id, c.id), 'Đã bỏ khỏi danh sách.')}
            >
              <Button size="small" danger>
                Bỏ
              </Button>
            </Popconfirm>
          ) : null}
          {c.actions?.includes('appraise') ? (
            <Button
              size="small"
              onClick={() => {
                setAppraising(c);
                appraiseForm.setFieldsValue({ note: c.appraisalNote ?? undefined, lowerTo: undefined, lowerReason: undefined });
              }}
              data-testid="candidate-appraise"
            >
              Thẩm định
            </Button>
          ) : null}
          {c.actions?.includes('forward') ? (
            <Popconfirm
              title={`Trình cấp trên tặng ${c.honorLabel} cho ${c.displayName}?`}
              okText="Trình"
              cancelText="Không"
              onConfirm={() => run(() => forwardCandidate(d.id, c.id), 'Đã đưa vào hồ sơ trình cấp trên.')}
            >
              <Button size="small">Trình cấp trên</Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];

  // Columns appear with the step they belong to: appraisal once received, council and outcome once voted.
  const afterCouncil = d.candidates.some((c) => c.councilResult !== null) || d.level === 'upward';
  const appraised = canAppraise || d.candidates.some((c) => c.appraisal !== null);
  const visibleColumns = candidateColumns.filter((c) =>
    c.key === 'appraisal'
      ? appraised
      : c.key === 'council' || c.key === 'outcome'
        ? afterCouncil
        : c.key === 'actions'
          ? d.candidates.some((x) => x.actions?.length)
          : true,
  );

  return (
    <>
      <PageHeader
        title={d.title}
        subtitle={
          <Space wrap>
            <Link to="/ho-so">← Hồ sơ</Link>
            <span>{d.unitName}</span>
            <span>
              · {d.typeLabel} · năm {d.year}
            </span>
            <StatusTag status={d.status} label={d.statusLabel} />
            <ClockTag clock={d.clock} />
          </Space>
        }
        extra={
          <>
            <DocumentDownloads url={`/api/dossiers/${d.id}/to-trinh.docx`} label="Tờ trình" numbered testId="to-trinh" />
            {d.actions.includes('submit') ? (
              <Button
                type="primary"
                onClick={() => run(() => dossierCommand(d.id, 'submit', d.version), 'Đã nộp hồ sơ.')}
                disabled={!d.checklist.complete}
                data-testid="dossier-submit"
              >
                {d.revision > 0 ? 'Nộp lại' : 'Nộp hồ sơ'}
              </Button>
            ) : null}
            {d.actions.includes('withdraw') ? (
              <Popconfirm
                title="Rút hồ sơ đã nộp?"
                okText="Rút"
                cancelText="Không"
                onConfirm={() => run(() => dossierCommand(d.id, 'withdraw'), 'Đã rút hồ sơ.')}
              >
                <Button>Rút hồ sơ</Button>
              </Popconfirm>
            ) : null}
            {d.actions.includes('receive') ? (
              <Button type="primary" onClick={() => run(() => dossierCommand(d.id, 'receive'), 'Đã tiếp nhận hồ sơ.')} data-testid="dossier-receive">
                Tiếp nhận
              </Button>
            ) : null}
            {d.actions.includes('return') ? (
              <Button danger onClick={() => setReturning(true)} data-testid="dossier-return">
                Trả lại
              </Button>
            ) : null}
            {d.actions.includes('forward') ? (
              <Button type="primary" onClick={() => setForwarding(true)}>
                Trình cấp trên
              </Button>
            ) : null}
            {d.actions.includes('recordHigherDecision') ? (
              <Button type="primary" onClick={() => setRecording(true)}>
                Ghi nhận quyết định cấp trên
              </Button>
            ) : null}
          </>
        }
      />
      {d.status === 'returned' && d.returnReasons.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`Hồ sơ bị trả lại ${d.returnedAt ? `ngày ${fmtDate(d.returnedAt)}` : ''}: cần bổ sung rồi nộp lại`}
          description={
            <ul style={{ margin: 0 }}>
              {d.returnReasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          }
          data-testid="return-reasons"
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card
            size="small"
            title={`Danh sách đề nghị (${d.candidates.length})`}
            extra={d.editable ? <BulkCandidates d={d} onAdded={() => void refresh()} /> : null}
            style={{ marginBottom: 16 }}
          >
            <Table
              rowKey="id"
              size="small"
              // A district's list runs to thousands of names: shown a page at a time.
              pagination={
                d.candidates.length > CANDIDATE_PAGE
                  ? {
                      ...candPage,
                      onChange: (current, pageSize) => setCandPage({ current, pageSize }),
                      showSizeChanger: true,
                      pageSizeOptions: [20, 50, 100],
                      showTotal: (n) => `${n.toLocaleString('vi-VN')} đề nghị`,
                      size: 'small',
                    }
                  : false
              }
              dataSource={d.candidates}
              columns={visibleColumns}
              // On a phone the table scrolls inside its card instead of squeezing names letter by letter.
              scroll={{ x: 720 }}
              locale={{ emptyText: 'Chưa có ai trong danh sách.' }}
              data-testid="candidate-table"
            />
            {d.editable ? (
              <div style={{ marginTop: 16, paddingTop: 12, borderTop: '1px solid #f0f0f0' }}>
                <AddCandidateForm d={d} onDone={() => void refresh()} />
              </div>
            ) : null}
          </Card>
          <DossierConsultations dossierId={d.id} />
          <DossierInitiatives dossierId={d.id} />
          <DocumentSignatures kind="to_trinh" id={d.id} revision={d.version} onSigned={() => void refresh()} />
          <Card
            size="small"
            title={`Tài liệu (${d.documents.length})`}
            extra={
              d.documentsEditable ? (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setDocOpen(true)} data-testid="document-add">
                  Thêm tài liệu
                </Button>
              ) : null
            }
          >
            <List
              size="small"
              dataSource={d.documents}
              locale={{ emptyText: 'Chưa có tài liệu.' }}
              renderItem={(x) => (
                <List.Item
                  actions={[
                    x.fileName ? (
                      <a key="dl" href={`/api/dossiers/${d.id}/documents/${x.id}/file`}>
                        Tải tệp
                      </a>
                    ) : null,
                    d.documentsEditable ? (
                      <Popconfirm key="rm" title="Bỏ tài liệu này?" onConfirm={() => run(() => removeDocument(d.id, x.id), 'Đã bỏ tài liệu.')}>
                        <a>Bỏ</a>
                      </Popconfirm>
                    ) : null,
                  ].filter(Boolean)}
                >
                  <List.Item.Meta
                    title={
                      <Space>
                        <span>{x.title}</span>
                        <Tag>{x.kindLabel}</Tag>
                      </Space>
                    }
                    description={
                      x.fileName
                        ? `${x.fileName} · ${Math.ceil((x.size ?? 0) / 1024)} KB`
                        : x.voteResult
                          ? `Kết quả biểu quyết: ${x.voteResult}`
                          : (x.content ?? '').slice(0, 160)
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          <Card size="small" title="Thành phần hồ sơ" style={{ marginBottom: 16 }} data-testid="checklist">
            {d.checklist.complete ? (
              <Alert type="success" showIcon message="Đủ thành phần theo quy định" style={{ marginBottom: 8 }} />
            ) : (
              <Alert type="warning" showIcon message={`Còn thiếu ${d.checklist.missing.length} thành phần`} style={{ marginBottom: 8 }} />
            )}
            <List
              size="small"
              dataSource={d.checklist.items}
              renderItem={(i) => (
                <List.Item>
                  <Space align="start">
                    {i.present ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
                    <span>
                      {i.label}
                      {i.candidateName ? ` — ${i.candidateName}` : ''}
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                        {i.article}
                      </Typography.Text>
                    </span>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title="Thông tin" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="Gửi đến">{d.receiverUnitName ?? d.receiverName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Hạn nộp">
                {d.deadline.dueDate ? fmtDate(d.deadline.dueDate) : 'Không đặt'}
                {d.deadline.extensionUntil ? ` (gia hạn đến ${fmtDate(d.deadline.extensionUntil)})` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="Ngày áp dụng quy định">
                <RegimeDate d={d} />
              </Descriptions.Item>
              <Descriptions.Item label="Lập lúc">{fmtDateTime(d.createdAt)}</Descriptions.Item>
              {d.receivedAt ? <Descriptions.Item label="Tiếp nhận">{fmtDateTime(d.receivedAt)}</Descriptions.Item> : null}
            </Descriptions>
          </Card>
          <Card size="small" title="Các lần nộp">
            {d.versions.length ? (
              <Timeline
                items={d.versions.map((v) => ({
                  children: (
                    <div>
                      <strong>Lần {v.revision}</strong> · {fmtDateTime(v.createdAt)}
                      <ul style={{ margin: 0, paddingLeft: 18 }}>
                        {v.changes.map((c) => (
                          <li key={c}>{c}</li>
                        ))}
                      </ul>
                    </div>
                  ),
                }))}
              />
            ) : (
              <Typography.Text type="secondary">Chưa nộp lần nào.</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      <DocumentModal d={d} open={docOpen} onClose={() => setDocOpen(false)} onDone={() => void refresh()} />
      <AchievementReportDrawer dossierId={d.id} candidate={reporting} onClose={() => setReporting(null)} onChanged={refresh} />
      <Modal
        open={returning}
        title="Trả lại hồ sơ"
        okText="Trả lại"
        okButtonProps={{ danger: true }}
        onCancel={() => setReturning(false)}
        onOk={() => {
          run(
            () =>
              returnDossier(
                d.id,
                reasons
                  .split('\n')
                  .map((r) => r.trim())
                  .filter(Boolean),
              ),
            'Đã trả lại hồ sơ.',
          );
          setReturning(false);
        }}
      >
        <Typography.Paragraph>Ghi rõ từng lý do (mỗi dòng một lý do) để đơn vị bổ sung.</Typography.Paragraph>
        <Input.TextArea
          rows={5}
          value={reasons}
          onChange={(e) => setReasons(e.target.value)}
          placeholder="Thiếu báo cáo thành tích của …"
          data-testid="return-reasons-input"
        />
      </Modal>
      <Modal
        open={appraising !== null}
        title={`Thẩm định: ${appraising?.displayName ?? ''}`}
        okText="Kiểm tra và lưu"
        onCancel={() => setAppraising(null)}
        onOk={() => appraiseForm.submit()}
        width={640}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          Hệ thống kiểm tra đề nghị theo bộ quy tắc của chế độ pháp lý hiện hành, dựa trên dữ liệu thi đua đã lưu; kết quả được giữ làm căn cứ.
        </Typography.Paragraph>
        <Form
          form={appraiseForm}
          layout="vertical"
          onFinish={(v) => {
            const c = appraising!;
            run(() => appraiseCandidate(d.id, c.id, { note: v.note ?? null, lowerTo: v.lowerTo ?? null, lowerReason: v.lowerReason ?? null }), 'Đã thẩm định.');
            setAppraising(null);
          }}
        >
          <Form.Item name="note" label="Ý kiến thẩm định">
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="lowerTo" label="Hạ mức hình thức (nếu cần)">
            <Select
              allowClear
              options={appraising ? honorOptions(codeOf(SUBJECT_KINDS, appraising.subjectKind)).filter((o) => o.value !== appraising.honor) : []}
            />
          </Form.Item>
          <Form.Item name="lowerReason" label="Lý do hạ mức">
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={forwarding}
        title="Trình hồ sơ lên cấp trên"
        okText="Trình"
        onCancel={() => setForwarding(false)}
        okButtonProps={{ disabled: !d.checklist.complete || receiver.trim().length < 2, id: 'forward-ok' }}
        onOk={() => {
          run(() => forwardDossier(d.id, receiver.trim()), 'Đã trình cấp trên.');
          setForwarding(false);
        }}
      >
        {!d.checklist.complete ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message="Hồ sơ chưa đủ thành phần, chưa trình được"
            description={`Còn thiếu: ${d.checklist.missing.join('; ')}.`}
          />
        ) : null}
        <Form layout="vertical" onFinish={() => undefined}>
          <Form.Item
            label="Cơ quan nhận hồ sơ"
            required
            htmlFor="forward-receiver"
            validateStatus={receiver.length > 0 && receiver.trim().length < 2 ? 'error' : undefined}
            help={receiver.length > 0 && receiver.trim().length < 2 ? 'Hãy nhập cơ quan nhận hồ sơ (cơ quan cấp trên).' : undefined}
          >
            <Input id="forward-receiver" value={receiver} onChange={(e) => setReceiver(e.target.value)} placeholder="Ban Thi đua - Khen thưởng tỉnh …" />
          </Form.Item>
        </Form>
      </Modal>
      <HigherDecisionModal d={d} open={recording} onClose={() => setRecording(false)} onDone={() => changed('Đã ghi nhận quyết định.')} />
      <CandidateEditModal dossierId={d.id} candidate={editing} onClose={() => setEditing(null)} onDone={() => changed('Đã sửa đề nghị.')} />
    </>
  );
}
