/** Import of ratings or award history from .xlsx: preview every row with its errors; store only on confirmation. */
import { Alert, Button, Card, Flex, Radio, Result, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { commitRecordImport, previewRecordImport, type ImportPreviewRows } from '../../api/records';
import { errorText } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ImportProgress, useImportProgress } from '../../components/ImportProgress';
import { ImportFindings } from '../../components/ImportFindings';
import { fmtNumber } from '../../lib/format';
import { keys } from '../../api/keys';

type Kind = 'ratings' | 'honors';
const COLUMNS: Record<Kind, { key: string; title: string }[]> = {
  ratings: [
    { key: 'fullName', title: 'Họ và tên' },
    { key: 'unit', title: 'Đơn vị' },
    { key: 'year', title: 'Năm' },
    { key: 'rating', title: 'Xếp loại' },
  ],
  honors: [
    { key: 'fullName', title: 'Họ và tên' },
    { key: 'unit', title: 'Đơn vị' },
    { key: 'year', title: 'Năm' },
    { key: 'honor', title: 'Danh hiệu, hình thức' },
    { key: 'decisionNumber', title: 'Số QĐ' },
    { key: 'decisionDate', title: 'Ngày QĐ' },
  ],
};

export default function RecordsImportPage() {
  const qc = useQueryClient();
  const [kind, setKind] = useState<Kind>('ratings');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreviewRows | null>(null);
  const [done, setDone] = useState<{ imported: number; skipped: number; replaced?: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const progress = useImportProgress();
  const previewMut = useMutation({
    mutationFn: (f: File) => previewRecordImport(kind, f, progress.onProgress),
    onSuccess: (d) => (setError(null), setPreview(d)),
    onError: (e) => setError(errorText(e)),
  });
  const commitMut = useMutation({
    mutationFn: () => commitRecordImport(kind, file as File, progress.onProgress),
    onSuccess: async (d) => {
      setDone(d);
      await qc.invalidateQueries({ queryKey: keys.records.all });
      await qc.invalidateQueries({ queryKey: keys.candidates.all });
    },
    onError: (e) => setError(errorText(e)),
  });
  const restart = () => (setFile(null), setPreview(null), setDone(null), setError(null));

  return (
    <>
      <PageHeader
        title="Nhập xếp loại, lịch sử khen thưởng từ Excel"
        subtitle="Tải tệp lên để kiểm tra từng dòng; hệ thống chỉ lưu sau khi bạn xác nhận."
        extra={
          <Button icon={<DownloadOutlined />} href={`/api/records/import/template?kind=${kind}`}>
            Tải tệp mẫu
          </Button>
        }
      />
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          closable={{ onClose: () => setError(null) }}
          data-testid="records-import-error"
        />
      ) : null}
      <ImportProgress job={progress.job} active={previewMut.isPending || commitMut.isPending} />
      {preview ? <ImportFindings notices={preview.notices} rows={preview.rows} testId="records-import-findings" /> : null}
      {done ? (
        <Result
          status="success"
          title={`Đã nhập ${fmtNumber(done.imported)} dòng`}
          subTitle={`${done.skipped ? `Bỏ qua ${fmtNumber(done.skipped)} dòng lỗi. ` : ''}${done.replaced ? `Thay ${fmtNumber(done.replaced)} xếp loại cũ.` : ''}`}
          extra={<Button onClick={restart}>Nhập tệp khác</Button>}
        />
      ) : !preview ? (
        <Card size="small">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Radio.Group
              value={kind}
              onChange={(e) => setKind(e.target.value as Kind)}
              optionType="button"
              options={[
                { value: 'ratings', label: 'Xếp loại chất lượng hằng năm' },
                { value: 'honors', label: 'Lịch sử khen thưởng' },
              ]}
            />
            <Typography.Text type="secondary">
              {kind === 'ratings'
                ? 'Cột: Họ và tên, Số CCCD (nên có), Đơn vị, Năm, Xếp loại (HTXSNV/HTTNV/HTNV/KHTNV hoặc tên đầy đủ), Ghi chú. Dòng chỉ có «Đơn vị» là xếp loại của tập thể.'
                : 'Cột: Họ và tên, Số CCCD, Đơn vị, Năm, Danh hiệu, hình thức (LĐTT, CSTĐCS, Giấy khen…), Loại hình, Số quyết định, Ngày quyết định, Cơ quan ban hành, Đã thu hồi.'}
            </Typography.Text>
            <Upload.Dragger
              accept=".xlsx"
              multiple={false}
              showUploadList={false}
              beforeUpload={(f) => {
                setFile(f);
                previewMut.mutate(f);
                return Upload.LIST_IGNORE;
              }}
              disabled={previewMut.isPending}
              data-testid="records-import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{previewMut.isPending ? 'Đang đọc tệp…' : 'Bấm hoặc kéo thả tệp Excel (.xlsx) vào đây'}</p>
            </Upload.Dragger>
          </Space>
        </Card>
      ) : (
        <Card size="small">
          <Flex wrap gap={32} align="center" style={{ marginBottom: 12 }}>
            <Statistic title="Tổng số dòng" value={fmtNumber(preview.total)} />
            <Statistic title="Hợp lệ" value={fmtNumber(preview.valid)} styles={{ content: { color: '#237804' } }} />
            <Statistic title="Có lỗi" value={fmtNumber(preview.invalid)} styles={{ content: { color: preview.invalid ? '#cf1322' : undefined } }} />
            <Space>
              <Button icon={<ReloadOutlined />} onClick={restart}>
                Chọn tệp khác
              </Button>
              <Button
                type="primary"
                disabled={preview.valid === 0}
                loading={commitMut.isPending}
                onClick={() => commitMut.mutate()}
                data-testid="records-import-confirm"
              >
                {preview.invalid
                  ? `Nhập ${fmtNumber(preview.valid)} dòng hợp lệ, bỏ qua ${fmtNumber(preview.invalid)} dòng lỗi`
                  : `Nhập ${fmtNumber(preview.valid)} dòng`}
              </Button>
            </Space>
          </Flex>
          <Table
            rowKey="row"
            size="small"
            dataSource={preview.rows}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            // On a phone the table scrolls inside its card instead of pushing the page sideways.
            scroll={{ x: 'max-content' }}
            columns={[
              { title: 'Dòng', dataIndex: 'row', width: 70 },
              ...COLUMNS[preview.kind].map((c) => ({ title: c.title, render: (_: unknown, r: ImportPreviewRows['rows'][number]) => r.values[c.key] || '—' })),
              { title: 'Đối tượng', dataIndex: 'subjectName', render: (v: string | null) => v ?? '—' },
              {
                title: 'Kiểm tra',
                width: 300,
                render: (_: unknown, r: ImportPreviewRows['rows'][number]) =>
                  r.ok ? (
                    <>
                      <Tag color="success">Hợp lệ</Tag>
                      {r.warnings.map((w) => (
                        <div key={w}>
                          <Typography.Text type="warning">{w}</Typography.Text>
                        </div>
                      ))}
                    </>
                  ) : (
                    r.errors.map((e) => (
                      <div key={e}>
                        <Typography.Text type="danger">{e}</Typography.Text>
                      </div>
                    ))
                  ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
