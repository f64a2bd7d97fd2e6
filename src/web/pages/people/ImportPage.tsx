/** Import wizard: upload → preview every row with its errors → confirm → result. Nothing is stored before confirming. */
import { Alert, Button, Card, Flex, Form, Radio, Result, Select, Space, Statistic, Steps, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { commitImport, IMPORT_TEMPLATE_URL, previewImport } from '../../api/people';
import { ApiError, errorText } from '../../api/client';
import type { ImportMappingInfo, ImportPreview, ImportResult } from '../../api/people';
import { PageHeader } from '../../components/PageHeader';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { ImportProgress, useImportProgress } from '../../components/ImportProgress';
import { ImportFindings } from '../../components/ImportFindings';
import { fmtNumber } from '../../lib/format';
import { keys } from '../../api/keys';

type PreviewRow = ImportPreview['rows'][number];
const MAX_BYTES = 10 * 1024 * 1024;

const text = (v: string | undefined) => (v && v.trim() ? v : <Typography.Text type="secondary">—</Typography.Text>);

export default function ImportPage() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Column mapping: what the server detected, changed by the user; sent back with the commit.
  const [mappingInfo, setMappingInfo] = useState<ImportMappingInfo | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const progress = useImportProgress();

  const previewMut = useMutation({
    mutationFn: ({ f, m }: { f: File; m: Record<string, string> }) => previewImport(f, unitId, m, progress.onProgress),
    onSuccess: (data) => {
      setError(null);
      setPreview(data);
      if (data.columns && data.mapping && data.fields) setMappingInfo({ columns: data.columns, mapping: data.mapping, fields: data.fields });
      setOnlyErrors(data.invalid > 0 && data.invalid < data.total && data.total > 50);
    },
    onError: (err) => {
      setError(errorText(err));
      // A sheet whose columns were not recognised: offer the mapping instead of a dead end.
      const d = err instanceof ApiError ? (err.details as Partial<ImportMappingInfo> | undefined) : undefined;
      if (d?.columns && d.mapping && d.fields) setMappingInfo({ columns: d.columns, mapping: d.mapping, fields: d.fields });
    },
  });
  const remap = (key: string, letter: string) => {
    const next = { ...mapping, [key]: letter };
    setMapping(next);
    if (file) previewMut.mutate({ f: file, m: next });
  };
  const commitMut = useMutation({
    mutationFn: () => commitImport(file as File, unitId, mapping, progress.onProgress),
    onSuccess: async (data) => {
      setError(null);
      setResult(data);
      await qc.invalidateQueries({ queryKey: keys.people.all });
      await qc.invalidateQueries({ queryKey: keys.units.all });
    },
    onError: (err) => setError(errorText(err)),
  });

  const restart = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
    setMappingInfo(null);
    setMapping({});
  };

  const choose = (f: File) => {
    setResult(null);
    if (!/\.xlsx$/i.test(f.name)) {
      setError('Chỉ nhận tệp Excel dạng .xlsx. Nếu tệp đang là .xls, hãy mở bằng Excel và lưu lại dưới dạng "Excel Workbook (.xlsx)".');
      return;
    }
    if (f.size > MAX_BYTES) {
      setError('Tệp vượt quá dung lượng cho phép (10 MB).');
      return;
    }
    setFile(f);
    setMapping({});
    setMappingInfo(null);
    previewMut.mutate({ f, m: {} });
  };

  const step = result ? 2 : preview ? 1 : 0;
  const rows = preview ? (onlyErrors ? preview.rows.filter((r) => !r.ok) : preview.rows) : [];

  return (
    <>
      <PageHeader
        title="Nhập danh sách cán bộ từ Excel"
        subtitle="Tải tệp lên để xem trước; hệ thống chỉ lưu sau khi bạn xác nhận."
        extra={
          <Button icon={<DownloadOutlined />} href={IMPORT_TEMPLATE_URL} data-testid="import-template">
            Tải tệp mẫu
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps current={step} items={[{ title: 'Chọn tệp' }, { title: 'Kiểm tra từng dòng' }, { title: 'Kết quả' }]} />
      </Card>
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="import-error" closable={{ onClose: () => setError(null) }} />
      ) : null}

      <ImportProgress job={progress.job} active={previewMut.isPending || commitMut.isPending} />

      {mappingInfo && file && !result ? (
        <Card size="small" title="Ghép cột: mỗi thông tin lấy từ cột nào của tệp" style={{ marginBottom: 16 }} data-testid="import-mapping">
          <Flex wrap gap={12}>
            {mappingInfo.fields.map((f) => (
              <div key={f.key} style={{ width: 230 }}>
                <Typography.Text strong={f.required}>
                  {f.label}
                  {f.required ? ' *' : ''}
                </Typography.Text>
                <Select
                  size="small"
                  style={{ width: '100%' }}
                  value={mapping[f.key] ?? mappingInfo.mapping[f.key] ?? ''}
                  onChange={(v: string) => remap(f.key, v)}
                  disabled={previewMut.isPending}
                  options={[
                    { value: '', label: '(không nhập)' },
                    ...mappingInfo.columns.map((c) => ({ value: c.letter, label: `Cột ${c.letter}: ${c.header}` })),
                  ]}
                  data-testid={`import-map-${f.key}`}
                />
              </div>
            ))}
          </Flex>
        </Card>
      ) : null}

      {preview && step >= 1 ? <ImportFindings notices={preview.notices ?? []} rows={preview.rows} /> : null}

      {step === 0 ? (
        <Card size="small">
          <Form layout="vertical" style={{ maxWidth: 520 }}>
            <Form.Item label="Đơn vị mặc định" extra='Dùng cho các dòng không có cột "Đơn vị". Để trống nếu tệp đã ghi đơn vị cho từng người.'>
              <UnitTreeSelect value={unitId} onChange={setUnitId} allowClear placeholder="Không chọn" data-testid="import-unit" />
            </Form.Item>
          </Form>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            beforeUpload={(f) => {
              choose(f);
              return Upload.LIST_IGNORE;
            }}
            disabled={previewMut.isPending}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{previewMut.isPending ? 'Đang đọc tệp…' : 'Bấm hoặc kéo thả tệp Excel (.xlsx) vào đây'}</p>
            <p className="ant-upload-hint">Tối đa 10 MB. Dòng đầu tiên là tiêu đề cột, theo tệp mẫu.</p>
          </Upload.Dragger>
        </Card>
      ) : null}

      {step === 1 && preview ? (
        <Card size="small">
          <Flex wrap gap={32} align="center" style={{ marginBottom: 16 }}>
            <Statistic title="Tệp" value={file?.name ?? ''} styles={{ content: { fontSize: 16 } }} />
            <Statistic title="Tổng số dòng" value={fmtNumber(preview.total)} />
            <Statistic title="Hợp lệ" value={fmtNumber(preview.valid)} styles={{ content: { color: '#237804' } }} />
            <Statistic title="Có lỗi" value={fmtNumber(preview.invalid)} styles={{ content: { color: preview.invalid ? '#cf1322' : undefined } }} />
          </Flex>
          {preview.invalid > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`${fmtNumber(preview.invalid)} dòng có lỗi sẽ bị bỏ qua. Bạn có thể sửa tệp rồi tải lên lại, hoặc nhập ngay các dòng hợp lệ.`}
            />
          ) : null}
          <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
            <Radio.Group
              value={onlyErrors ? 'errors' : 'all'}
              onChange={(e) => setOnlyErrors(e.target.value === 'errors')}
              options={[
                { value: 'all', label: `Tất cả (${fmtNumber(preview.total)})` },
                { value: 'errors', label: `Chỉ dòng lỗi (${fmtNumber(preview.invalid)})` },
              ]}
              optionType="button"
            />
            <Space>
              <Button icon={<ReloadOutlined />} onClick={restart}>
                Chọn tệp khác
              </Button>
              <Button
                type="primary"
                disabled={preview.valid === 0}
                loading={commitMut.isPending}
                onClick={() => commitMut.mutate()}
                data-testid="import-confirm"
              >
                {preview.invalid > 0
                  ? `Nhập ${fmtNumber(preview.valid)} dòng hợp lệ, bỏ qua ${fmtNumber(preview.invalid)} dòng lỗi`
                  : `Nhập ${fmtNumber(preview.valid)} dòng`}
              </Button>
            </Space>
          </Flex>
          <Table<PreviewRow>
            rowKey="row"
            size="small"
            dataSource={rows}
            rowClassName={(r) => (r.ok ? '' : 'row-invalid')}
            pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (t) => `${fmtNumber(t)} dòng` }}
            scroll={{ x: 1600 }}
            data-testid="import-preview-table"
            locale={{ emptyText: 'Tệp không có dòng dữ liệu nào (hoặc không có dòng lỗi).' }}
            columns={[
              { title: 'Dòng', dataIndex: 'row', width: 64, fixed: 'left' },
              {
                title: 'Kết quả',
                key: 'ok',
                width: 100,
                fixed: 'left',
                render: (_: unknown, r) => (r.ok ? <Tag color="green">Hợp lệ</Tag> : <Tag color="red">Lỗi</Tag>),
              },
              { title: 'Họ và tên', key: 'fullName', width: 180, render: (_: unknown, r) => text(r.values.fullName) },
              {
                title: 'Lỗi cần sửa, lưu ý',
                key: 'errors',
                width: 340,
                render: (_: unknown, r) =>
                  r.errors.length || r.warnings.length ? (
                    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                      {r.errors.map((e, i) => (
                        <li key={`e${i}`} style={{ color: '#cf1322' }}>
                          {e}
                        </li>
                      ))}
                      {r.warnings.map((w, i) => (
                        <li key={`w${i}`} style={{ color: '#ad6800' }}>
                          {w}
                        </li>
                      ))}
                    </ul>
                  ) : null,
              },
              { title: 'Giới tính', key: 'gender', width: 80, render: (_: unknown, r) => text(r.values.gender) },
              { title: 'Ngày sinh', key: 'birthDate', width: 110, render: (_: unknown, r) => text(r.values.birthDate) },
              { title: 'Số CCCD', key: 'cccd', width: 130, render: (_: unknown, r) => text(r.values.cccd) },
              { title: 'Đơn vị', key: 'unit', width: 180, render: (_: unknown, r) => text(r.values.unit) },
              { title: 'Chức vụ', key: 'position', width: 140, render: (_: unknown, r) => text(r.values.position) },
              { title: 'Lãnh đạo', key: 'isLeader', width: 90, render: (_: unknown, r) => text(r.values.isLeader) },
              { title: 'Loại cán bộ', key: 'employmentType', width: 120, render: (_: unknown, r) => text(r.values.employmentType) },
              { title: 'Thư điện tử', key: 'email', width: 180, render: (_: unknown, r) => text(r.values.email) },
            ]}
          />
        </Card>
      ) : null}

      {step === 2 && result ? (
        <Card size="small">
          <Result
            status="success"
            title={`Đã nhập ${fmtNumber(result.imported)} cán bộ`}
            subTitle={
              result.skipped > 0
                ? `Bỏ qua ${fmtNumber(result.skipped)} dòng lỗi. Hãy sửa các dòng đó trong tệp và nhập lại riêng.`
                : 'Tất cả các dòng đã được nhập.'
            }
            extra={[
              <Button type="primary" key="list" onClick={() => navigate('/can-bo')}>
                Xem danh sách cán bộ
              </Button>,
              <Button key="again" onClick={restart}>
                Nhập tệp khác
              </Button>,
            ]}
            data-testid="import-result"
          />
        </Card>
      ) : null}
    </>
  );
}
