/**
 * The Báo cáo thành tích of one candidate: prefilled by the server from the records, edited by the
 * dossier's unit (narrative parts as text, tables as rows), downloaded as Word or PDF, and attached
 * to the dossier as the candidate's report, or signed (ký số) by the people its form names, the signed
 * PDF then becoming the candidate's report. Buttons follow the report's `abilities`.
 */
import { useEffect } from 'react';
import { Alert, App, Button, Col, Drawer, Form, Input, Row, Space, Tag, Typography, Grid } from 'antd';
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  attachAchievementReport,
  downloadAchievementReport,
  getAchievementReport,
  saveAchievementReport,
  type AchievementReport,
  type AchievementReportContent,
} from '../../api/dossiers';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtDateTime } from '../../lib/format';
import { DocumentSignatures } from '../signing/DocumentSignatures';

type TableName = 'xepLoai' | 'danhHieu' | 'khenThuong';
type Column = { name: string; label: string; span: number };

const RATING_COLUMNS: Column[] = [
  { name: 'nam', label: 'Năm', span: 5 },
  { name: 'xepLoai', label: 'Xếp loại chất lượng', span: 10 },
  { name: 'ghiChu', label: 'Ghi chú', span: 8 },
];
const AWARD_COLUMNS: Column[] = [
  { name: 'nam', label: 'Năm', span: 4 },
  { name: 'noiDung', label: 'Danh hiệu / hình thức', span: 7 },
  { name: 'soNgayQuyetDinh', label: 'Số, ngày quyết định', span: 6 },
  { name: 'coQuanBanHanh', label: 'Cơ quan ban hành', span: 6 },
];

/** Rows of a table: one line of inputs per row (stacked on a phone), add and remove. */
function RowsEditor({ name, title, columns, readOnly }: { name: TableName; title: string; columns: Column[]; readOnly: boolean }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div data-testid={`report-${name}`}>
          <Typography.Text strong>{title}</Typography.Text>
          {fields.length === 0 ? <div style={{ color: '#888', margin: '4px 0 8px' }}>Không có (văn bản in "Không có").</div> : null}
          {fields.map((f) => (
            <Row key={f.key} gutter={8} align="top" style={{ marginTop: 6 }} data-testid={`report-${name}-row`}>
              {columns.map((c) => (
                <Col key={c.name} xs={24} md={c.span}>
                  <Form.Item name={[f.name, c.name]} style={{ marginBottom: 6 }}>
                    <Input placeholder={c.label} aria-label={c.label} disabled={readOnly} />
                  </Form.Item>
                </Col>
              ))}
              {readOnly ? null : (
                <Col xs={24} md={1}>
                  <Button icon={<DeleteOutlined />} aria-label="Bỏ dòng" danger type="text" onClick={() => remove(f.name)} />
                </Col>
              )}
            </Row>
          ))}
          {readOnly ? null : (
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 12 }} data-testid={`report-${name}-add`}>
              Thêm dòng
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}

const text = (name: keyof AchievementReportContent, label: string, readOnly: boolean) => (
  <Form.Item name={name} label={label} style={{ marginBottom: 8 }}>
    <Input disabled={readOnly} data-testid={`report-${name}`} />
  </Form.Item>
);
const area = (name: keyof AchievementReportContent, label: string, readOnly: boolean, rows = 4) => (
  <Form.Item name={name} label={label} extra="Mỗi dòng là một đoạn văn." style={{ marginBottom: 8 }}>
    <Input.TextArea autoSize={{ minRows: 2, maxRows: rows * 3 }} disabled={readOnly} data-testid={`report-${name}`} />
  </Form.Item>
);

function ReportForm({ report, onChanged }: { report: AchievementReport; onChanged: () => Promise<unknown> }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<AchievementReportContent>();
  const qc = useQueryClient();
  const canEdit = report.abilities.includes('update');
  const canAttach = report.abilities.includes('attach');
  const readOnly = !canEdit;
  const key = keys.achievementReport(report.dossierId, report.candidateId);
  useEffect(() => form.setFieldsValue(report.content), [form, report]);

  /** Saves what is on screen when it differs from the stored report; answers the version to act on. */
  const saveIfNeeded = async (): Promise<number> => {
    if (!canEdit) return report.version;
    if (report.version > 0 && !form.isFieldsTouched()) return report.version;
    const content = await form.validateFields();
    const saved = await saveAchievementReport(report.dossierId, report.candidateId, { content: { ...report.content, ...content }, version: report.version });
    qc.setQueryData(key, saved);
    form.resetFields();
    form.setFieldsValue(saved.content);
    return saved.version;
  };
  const save = useMutation({
    mutationFn: saveIfNeeded,
    onSuccess: () => message.success('Đã lưu báo cáo thành tích.'),
    onError: (e) => message.error(errorText(e)),
  });
  const attach = useMutation({
    mutationFn: async () => attachAchievementReport(report.dossierId, report.candidateId, await saveIfNeeded()),
    onSuccess: async (r) => {
      qc.setQueryData(key, r);
      await onChanged();
      message.success('Đã đính kèm báo cáo thành tích (PDF) vào hồ sơ.');
    },
    onError: (e) => message.error(errorText(e)),
  });
  const get = useMutation({
    mutationFn: async (format: 'docx' | 'pdf') => {
      await saveIfNeeded();
      await downloadAchievementReport(report.dossierId, report.candidateId, format);
    },
    onError: (e) => message.error(errorText(e)),
  });
  const collective = report.form === 'collective';

  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message={report.formLabel}
        description={
          <Space direction="vertical" size={2}>
            <span>
              Chế độ áp dụng: {report.regimeLabel}
              {report.formNumber ? ` · ${report.formNumber}` : ' · số hiệu mẫu chưa được xác minh, văn bản không in số mẫu'}
            </span>
            <span>
              {report.id
                ? `Đã lưu ${report.updatedAt ? fmtDateTime(report.updatedAt) : ''}`
                : 'Chưa lưu: nội dung điền sẵn từ dữ liệu của hệ thống (lý lịch, xếp loại, khen thưởng, sáng kiến).'}
            </span>
            {report.attachedAt ? <Tag color="green">Đã đính kèm vào hồ sơ {fmtDateTime(report.attachedAt)}</Tag> : null}
            {report.signed ? (
              <span>Chỉ xem: báo cáo đã được ký số, nội dung không sửa nữa.</span>
            ) : readOnly ? (
              <span>Chỉ xem: hồ sơ đã rời đơn vị hoặc bạn không có quyền sửa.</span>
            ) : null}
          </Space>
        }
        data-testid="report-form-info"
      />
      <Form form={form} layout="vertical" initialValues={report.content} disabled={false}>
        {text('hinhThucDeNghi', 'Hình thức đề nghị khen thưởng', readOnly)}
        <Typography.Title level={5}>{collective ? 'I. Sơ lược đặc điểm, tình hình' : 'I. Sơ lược lý lịch'}</Typography.Title>
        {collective ? (
          <>
            {text('tenTapThe', 'Tên tập thể', readOnly)}
            {text('diaChi', 'Địa chỉ', readOnly)}
            {text('dienThoai', 'Điện thoại, e-mail', readOnly)}
            {area('quaTrinh', 'Quá trình thành lập và phát triển', readOnly)}
            {area('coCau', 'Cơ cấu tổ chức, tổng số cán bộ', readOnly)}
          </>
        ) : (
          <Row gutter={12}>
            {(
              [
                ['hoTen', 'Họ và tên'],
                ['gioiTinh', 'Giới tính'],
                ['ngaySinh', 'Ngày, tháng, năm sinh'],
                ['queQuan', 'Quê quán'],
                ['truQuan', 'Trú quán'],
                ['donViCongTac', 'Đơn vị công tác'],
                ['chucVu', 'Chức vụ (Đảng, chính quyền, đoàn thể)'],
                ['trinhDo', 'Trình độ chuyên môn, nghiệp vụ'],
                ['hocHam', 'Học hàm, học vị, danh hiệu, giải thưởng'],
              ] as const
            ).map(([n, l]) => (
              <Col key={n} xs={24} md={12}>
                {text(n, l, readOnly)}
              </Col>
            ))}
          </Row>
        )}
        <Typography.Title level={5}>II. Thành tích đạt được</Typography.Title>
        {area('nhiemVu', collective ? 'Chức năng, nhiệm vụ được giao' : 'Quyền hạn, nhiệm vụ được giao', readOnly)}
        {area('thanhTich', collective ? 'Kết quả thực hiện nhiệm vụ' : 'Thành tích đạt được', readOnly, 6)}
        <RowsEditor name="xepLoai" title="Kết quả xếp loại chất lượng các năm" columns={RATING_COLUMNS} readOnly={readOnly} />
        {area('bienPhap', 'Các biện pháp, giải pháp đã thực hiện', readOnly)}
        {area('sangKien', 'Sáng kiến, đề tài được công nhận', readOnly)}
        <Typography.Title level={5}>III. Các hình thức đã được khen thưởng</Typography.Title>
        <RowsEditor name="danhHieu" title="1. Danh hiệu thi đua" columns={AWARD_COLUMNS} readOnly={readOnly} />
        <RowsEditor name="khenThuong" title="2. Hình thức khen thưởng" columns={AWARD_COLUMNS} readOnly={readOnly} />
        <Typography.Title level={5}>Chữ ký</Typography.Title>
        {text('thuTruong', 'Thủ trưởng đơn vị', readOnly)}
        {collective ? text('thuTruongCapTren', 'Thủ trưởng đơn vị cấp trên trực tiếp', readOnly) : null}
      </Form>
      <Space wrap style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '8px 0', width: '100%' }}>
        {canEdit ? (
          <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => save.mutate()} data-testid="report-save">
            Lưu
          </Button>
        ) : null}
        <Button icon={<DownloadOutlined />} loading={get.isPending && get.variables === 'docx'} onClick={() => get.mutate('docx')} data-testid="report-docx">
          Tải Word
        </Button>
        <Button icon={<DownloadOutlined />} loading={get.isPending && get.variables === 'pdf'} onClick={() => get.mutate('pdf')} data-testid="report-pdf">
          Tải PDF
        </Button>
        {canAttach ? (
          <Button icon={<PaperClipOutlined />} loading={attach.isPending} onClick={() => attach.mutate()} data-testid="report-attach">
            Đính kèm vào hồ sơ
          </Button>
        ) : null}
      </Space>
      <DocumentSignatures
        kind="bao_cao_thanh_tich"
        id={report.candidateId}
        revision={report.version}
        onSigned={() => void Promise.all([qc.invalidateQueries({ queryKey: key }), onChanged()])}
      />
    </>
  );
}

export function AchievementReportDrawer({
  dossierId,
  candidate,
  onClose,
  onChanged,
}: {
  dossierId: string;
  candidate: { id: string; displayName: string } | null;
  onClose: () => void;
  onChanged: () => Promise<unknown>;
}) {
  const phone = !Grid.useBreakpoint().md;
  const q = useQuery({
    queryKey: keys.achievementReport(dossierId, candidate?.id ?? ''),
    queryFn: () => getAchievementReport(dossierId, candidate!.id),
    enabled: candidate !== null,
  });
  return (
    <Drawer
      open={candidate !== null}
      onClose={onClose}
      width={phone ? '100%' : 820}
      title={candidate ? `Báo cáo thành tích — ${candidate.displayName}` : ''}
      destroyOnHidden
      data-testid="report-drawer"
    >
      {q.isLoading ? (
        <LoadingBlock />
      ) : q.isError || !q.data ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <ReportForm report={q.data} onChanged={onChanged} />
      )}
    </Drawer>
  );
}
