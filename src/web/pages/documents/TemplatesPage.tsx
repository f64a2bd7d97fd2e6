/** "Mẫu văn bản": the unit's DOCX templates (download, edit in Word, upload back, versions, revert) and its phôi calibration. */
import { Alert, App, Button, Card, Drawer, Flex, InputNumber, Popconfirm, Space, Table, Tabs, Tag, Tooltip, Typography, Upload } from 'antd';
import { DownloadOutlined, EyeOutlined, FilePdfOutlined, HistoryOutlined, RollbackOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  downloadCalibrationTest,
  downloadTemplate,
  getCalibration,
  getTemplates,
  getTemplateVersions,
  previewTemplate,
  revertTemplate,
  saveCalibration,
  templateAbilities,
  uploadTemplate,
  type Calibration,
  type TemplateItem,
  type TemplateKind,
} from '../../api/documents';
import { errorText } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { RegisterTab } from './RegisterTab';
import { useUser } from '../../auth/AuthContext';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { keys } from '../../api/keys';

const MAX_BYTES = 10 * 1024 * 1024;

function InForce({ item }: { item: TemplateItem }) {
  const f = item.inForce;
  if (f.source === 'own') return <Tag color="green">Mẫu riêng · phiên bản {f.version}</Tag>;
  if (f.source === 'inherited')
    return (
      <Tag color="blue">
        Mẫu của {f.unitName} · phiên bản {f.version}
      </Tag>
    );
  return <Tag>Mẫu mặc định (NĐ 30/2020)</Tag>;
}

function Versions({ kind, label, onClose }: { kind: TemplateKind; label: string; onClose: () => void }) {
  const { message } = App.useApp();
  const versions = useQuery({ queryKey: keys.templates.versions(kind), queryFn: () => getTemplateVersions(kind) });
  return (
    <Drawer open title={`Các phiên bản: ${label}`} size="large" onClose={onClose}>
      {versions.error ? <ErrorAlert error={versions.error} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={versions.isPending}
        dataSource={versions.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: 'Đơn vị chưa tải lên mẫu riêng nào.' }}
        columns={[
          { title: 'Phiên bản', dataIndex: 'version', width: 90 },
          { title: 'Nội dung', render: (_, v) => (v.isRevert ? <Typography.Text type="secondary">Trở về mẫu mặc định</Typography.Text> : v.fileName) },
          { title: 'Người thực hiện', dataIndex: 'createdBy' },
          { title: 'Thời gian', dataIndex: 'createdAtText', width: 140 },
          {
            title: '',
            width: 60,
            render: (_, v) =>
              v.isRevert ? null : (
                <Tooltip title="Tải phiên bản này">
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={() => downloadTemplate(kind, { versionId: v.id }).catch((e: unknown) => void message.error(errorText(e)))}
                  />
                </Tooltip>
              ),
          },
        ]}
      />
    </Drawer>
  );
}

function TemplatesTab() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const templates = useQuery({ queryKey: keys.templates.all, queryFn: getTemplates });
  const [uploadError, setUploadError] = useState<{ kind: TemplateKind; text: string } | null>(null);
  const [versionsOf, setVersionsOf] = useState<TemplateItem | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: keys.templates.all });

  const upload = useMutation({
    mutationFn: ({ kind, file }: { kind: TemplateKind; file: File }) => uploadTemplate(kind, file),
    onSuccess: async (r) => {
      setUploadError(null);
      void message.success(`Đã lưu mẫu mới (phiên bản ${r.version}).`);
      await refresh();
    },
    onError: (e, v) => setUploadError({ kind: v.kind, text: errorText(e) }),
  });
  const revert = useMutation({
    mutationFn: (kind: TemplateKind) => revertTemplate(kind),
    onSuccess: async () => {
      void message.success('Đã trở về mẫu mặc định.');
      await refresh();
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const download = (run: Promise<void>) => run.catch((e: unknown) => void message.error(errorText(e)));

  if (templates.isPending) return <LoadingBlock />;
  if (templates.error) return <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />;
  const data = templates.data;

  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={`Mẫu áp dụng cho ${data.unit.name}.`}
        description="Tải mẫu về, sửa bằng Word hoặc LibreOffice (giữ nguyên các trường trộn trong dấu ngoặc nhọn như {trichYeu}, {#danhSach}…{/danhSach}), rồi tải lên lại. Mẫu có lỗi sẽ bị từ chối và không được lưu. Đơn vị cấp dưới chưa có mẫu riêng sẽ dùng mẫu của đơn vị này."
      />
      {uploadError ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setUploadError(null) }}
          style={{ marginBottom: 12 }}
          title={`Không lưu mẫu "${data.items.find((i) => i.kind === uploadError.kind)?.label}"`}
          description={uploadError.text}
          data-testid="template-error"
        />
      ) : null}
      <Table
        size="middle"
        rowKey="kind"
        dataSource={data.items}
        pagination={false}
        expandable={{
          expandedRowRender: (item) => (
            <Space size={[4, 4]} wrap>
              <Typography.Text type="secondary">Trường trộn:</Typography.Text>
              {item.fields.map((f) => (
                <Tooltip
                  key={f.name}
                  title={
                    f.type === 'table' && f.columns
                      ? `${f.label}: ${Object.entries(f.columns)
                          .map(([k, v]) => `{${k}} ${v}`)
                          .join('; ')}`
                      : f.label
                  }
                >
                  <Tag style={{ fontFamily: 'monospace' }}>{f.type === 'text' ? `{${f.name}}` : `{#${f.name}}…{/${f.name}}`}</Tag>
                </Tooltip>
              ))}
            </Space>
          ),
        }}
        columns={[
          { title: 'Loại văn bản', dataIndex: 'label', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          { title: 'Đang áp dụng', render: (_, item) => <InForce item={item} />, width: 300 },
          {
            title: 'Thao tác',
            width: 520,
            render: (_, item) => (
              <Space wrap size={6}>
                <Button
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() => void download(downloadTemplate(item.kind))}
                  data-testid={`template-download-${item.kind}`}
                >
                  Tải mẫu
                </Button>
                <Button size="small" icon={<EyeOutlined />} onClick={() => void download(previewTemplate(item.kind))}>
                  Xem thử
                </Button>
                {data.pdf ? (
                  <Button
                    size="small"
                    icon={<FilePdfOutlined />}
                    onClick={() => void download(previewTemplate(item.kind, 'pdf'))}
                    data-testid={`template-pdf-${item.kind}`}
                  >
                    PDF
                  </Button>
                ) : null}
                {data.canWrite ? (
                  <Upload
                    accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      if (file.size > MAX_BYTES) setUploadError({ kind: item.kind, text: 'Tệp vượt quá dung lượng cho phép (10 MB).' });
                      else upload.mutate({ kind: item.kind, file });
                      return Upload.LIST_IGNORE;
                    }}
                  >
                    <Button
                      size="small"
                      type="primary"
                      ghost
                      icon={<UploadOutlined />}
                      loading={upload.isPending && upload.variables?.kind === item.kind}
                      data-testid={`template-upload-${item.kind}`}
                    >
                      Tải lên mẫu đã sửa
                    </Button>
                  </Upload>
                ) : null}
                <Button size="small" icon={<HistoryOutlined />} onClick={() => setVersionsOf(item)} disabled={item.versionCount === 0}>
                  Phiên bản ({item.versionCount})
                </Button>
                {data.canWrite && item.inForce.source === 'own' ? (
                  <Popconfirm title="Bỏ mẫu riêng, trở về mẫu mặc định?" okText="Trở về mặc định" cancelText="Không" onConfirm={() => revert.mutate(item.kind)}>
                    <Button size="small" danger icon={<RollbackOutlined />}>
                      Mặc định
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {versionsOf ? <Versions kind={versionsOf.kind} label={versionsOf.label} onClose={() => setVersionsOf(null)} /> : null}
    </>
  );
}

type Row = { key: string; label: string };

function CalibrationTab() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const state = useQuery({ queryKey: keys.calibration, queryFn: getCalibration });
  const [cal, setCal] = useState<Calibration | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (state.data) setCal(structuredClone(state.data.calibration));
  }, [state.data]);
  const save = useMutation({
    mutationFn: () => saveCalibration(cal as Calibration, state.data?.version ?? 0),
    onSuccess: async () => {
      setError(null);
      void message.success('Đã lưu căn chỉnh phôi.');
      await qc.invalidateQueries({ queryKey: keys.calibration });
    },
    onError: (e) => setError(errorText(e)),
  });
  if (state.isPending || !cal) return <LoadingBlock />;
  if (state.error) return <ErrorAlert error={state.error} />;
  const labels = state.data.fieldLabels;
  const canWrite = state.data.canWrite;
  const setField = (key: string, prop: 'x' | 'y' | 'width' | 'fontSize', v: number | null) => {
    if (v === null) return;
    const f = cal.fields[key];
    if (!f) return;
    setCal({ ...cal, fields: { ...cal.fields, [key]: { ...f, [prop]: v } } });
  };
  const rows: Row[] = Object.keys(labels)
    .filter((k) => cal.fields[k])
    .map((k) => ({ key: k, label: labels[k] ?? k }));
  const num = (key: string, prop: 'x' | 'y' | 'width' | 'fontSize') => (
    <InputNumber
      size="small"
      min={prop === 'fontSize' ? 4 : 0}
      max={prop === 'fontSize' ? 96 : 400}
      step={prop === 'fontSize' ? 0.5 : 1}
      value={cal.fields[key]?.[prop]}
      disabled={!canWrite}
      onChange={(v) => setField(key, prop, v)}
      style={{ width: 90 }}
    />
  );
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="In Giấy khen, Bằng khen lên phôi in sẵn"
        description="Tải trang in thử, in lên một tờ giấy trắng đặt chồng lên phôi (hoặc lên phôi hỏng) và soi dưới ánh sáng. Nếu cả trang bị lệch, sửa độ lệch máy in; nếu một trường lệch, sửa vị trí của trường đó (đơn vị mm, tính từ góc trên bên trái). Lưu rồi in thử lại."
      />
      {error ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} closable={{ onClose: () => setError(null) }} data-testid="calibration-error" />
      ) : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={24} wrap align="center">
          <span>
            Khổ giấy: {cal.pageWidth} × {cal.pageHeight} mm
          </span>
          <span>
            Độ lệch ngang (mm):{' '}
            <InputNumber size="small" step={0.5} value={cal.offsetX} disabled={!canWrite} onChange={(v) => v !== null && setCal({ ...cal, offsetX: v })} />
          </span>
          <span>
            Độ lệch dọc (mm):{' '}
            <InputNumber size="small" step={0.5} value={cal.offsetY} disabled={!canWrite} onChange={(v) => v !== null && setCal({ ...cal, offsetY: v })} />
          </span>
          <Space>
            {canWrite ? (
              <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} onClick={() => save.mutate()} data-testid="calibration-save">
                Lưu căn chỉnh
              </Button>
            ) : null}
            <Button
              icon={<FilePdfOutlined />}
              onClick={() => downloadCalibrationTest().catch((e: unknown) => void message.error(errorText(e)))}
              data-testid="calibration-test"
            >
              Tải trang in thử (PDF)
            </Button>
          </Space>
        </Flex>
        {!state.data.saved ? <Typography.Text type="secondary">Đơn vị chưa căn chỉnh: đang dùng vị trí mặc định.</Typography.Text> : null}
      </Card>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: 'Trường', dataIndex: 'label' },
          { title: 'Trái (x)', render: (_, r) => num(r.key, 'x') },
          { title: 'Trên (y)', render: (_, r) => num(r.key, 'y') },
          { title: 'Rộng', render: (_, r) => num(r.key, 'width') },
          { title: 'Cỡ chữ (pt)', render: (_, r) => num(r.key, 'fontSize') },
        ]}
      />
    </>
  );
}

export default function TemplatesPage() {
  const can = templateAbilities(useUser());
  return (
    <>
      <PageHeader
        title="Mẫu văn bản"
        subtitle="Mẫu Word của đơn vị cho kế hoạch, tờ trình, biên bản, quyết định, báo cáo; căn chỉnh in Giấy khen, Bằng khen trên phôi; sổ vàng."
      />
      <Card size="small">
        <Tabs
          items={[
            { key: 'templates', label: 'Mẫu văn bản (Word)', children: <TemplatesTab /> },
            { key: 'calibration', label: 'Phôi Giấy khen, Bằng khen', children: <CalibrationTab /> },
            ...(can.certificates ? [{ key: 'register', label: 'Sổ vàng', children: <RegisterTab canIssue={can.issue} /> }] : []),
          ]}
        />
      </Card>
    </>
  );
}
