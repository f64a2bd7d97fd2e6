/**
 * Adding many candidates to a dossier at once (a district's LĐTT list of two thousand names): from an
 * Excel list (template, preview with each row's findings, then the valid rows), from the eligible list
 * of the unit (chosen with checkboxes), or from the named registrations of the campaign. Each ends
 * with what was added and what was skipped, and why.
 */
import { Alert, App, Button, Checkbox, Drawer, Dropdown, Grid, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, DownOutlined, UploadOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  addCandidatesBulk,
  candidateImportTemplateUrl,
  commitCandidateImport,
  dossierEligible,
  previewCandidateImport,
  type BulkCandidateResult,
  type CandidateImportPreview,
  type Dossier,
  type DossierEligibleList,
} from '../../api/dossiers';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { ImportFindings } from '../../components/ImportFindings';
import { fmtNumber } from '../../lib/format';
import { HONOR_INFO, type Honor } from '../../../shared/codes';
import { honorOptions } from './common';

type Mode = 'excel' | 'eligible' | 'registrations' | null;
type Row = CandidateImportPreview['rows'][number];
type EligibleItem = DossierEligibleList['items'][number];

/** Honors a list of people or units is proposed for (the ones a person or a collective can receive). */
const listHonors = () => {
  const seen = new Set<string>();
  return [...honorOptions('individual'), ...honorOptions('collective')].filter((o) => (seen.has(o.value) ? false : (seen.add(o.value), true)));
};

/** What an add did: the count added, and each skipped row with its reasons. */
export function BulkResult({ r }: { r: BulkCandidateResult }) {
  return (
    <div data-testid="bulk-result">
      <Alert
        type={r.added > 0 ? 'success' : 'warning'}
        showIcon
        style={{ marginBottom: 12 }}
        message={`Đã thêm ${fmtNumber(r.added)} vào danh sách đề nghị${r.skipped.length ? `, bỏ qua ${fmtNumber(r.skipped.length)}` : ''}; hồ sơ nay có ${fmtNumber(r.total)} đề nghị.`}
      />
      {r.skipped.length ? (
        <Table
          rowKey={(x, i) => `${x.row ?? ''}-${x.name}-${i ?? 0}`}
          size="small"
          dataSource={r.skipped}
          pagination={{ pageSize: 10, showSizeChanger: false, size: 'small' }}
          scroll={{ x: 480 }}
          columns={[
            { title: 'Dòng', key: 'row', width: 60, render: (_: unknown, x) => x.row ?? '—' },
            { title: 'Người/tập thể', key: 'name', width: 180, render: (_: unknown, x) => x.name || '—' },
            { title: 'Lý do bỏ qua', key: 'why', render: (_: unknown, x) => [...x.errors, ...x.warnings].join('; ') },
          ]}
          data-testid="bulk-skipped"
        />
      ) : null}
    </div>
  );
}

function HonorPick({ value, onChange, testId }: { value: Honor | undefined; onChange: (h: Honor) => void; testId: string }) {
  return (
    <Select<Honor>
      style={{ width: '100%', maxWidth: 420 }}
      placeholder="Chọn danh hiệu, hình thức"
      value={value}
      onChange={onChange}
      showSearch
      optionFilterProp="label"
      options={listHonors()}
      data-testid={testId}
    />
  );
}

function ExcelImport({ d, onAdded }: { d: Dossier; onAdded: () => void }) {
  const { message } = App.useApp();
  const [honor, setHonor] = useState<Honor | undefined>('LDTT');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CandidateImportPreview | null>(null);
  const [result, setResult] = useState<BulkCandidateResult | null>(null);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const form = (f: File, withVersion: boolean) => {
    const fd = new FormData();
    if (honor) fd.append('honor', honor);
    if (withVersion) fd.append('version', String(d.version));
    fd.append('file', f, f.name);
    return fd;
  };
  const check = useMutation({
    mutationFn: (f: File) => previewCandidateImport(d.id, form(f, false)),
    onSuccess: (p) => setPreview(p),
    onError: (e) => message.error(errorText(e)),
  });
  const commit = useMutation({
    mutationFn: (f: File) => commitCandidateImport(d.id, form(f, true)),
    onSuccess: (r) => {
      setResult(r);
      setPreview(null);
      setFile(null);
      onAdded();
    },
    onError: (e) => message.error(errorText(e)),
  });
  // The rows to correct come first: on a list of two thousand they would hide on a later page.
  const rows = preview
    ? onlyErrors
      ? preview.rows.filter((r) => !r.valid)
      : [...preview.rows.filter((r) => !r.valid), ...preview.rows.filter((r) => r.valid)]
    : [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Tải tệp mẫu, ghi mỗi người một dòng (Số CCCD, họ và tên, danh hiệu, tóm tắt thành tích), rồi tải lên để kiểm tra. Hệ thống chỉ thêm các dòng hợp lệ sau
        khi bạn xác nhận.
      </Typography.Paragraph>
      <Button icon={<DownloadOutlined />} href={candidateImportTemplateUrl(d.id)} data-testid="bulk-template">
        Tải tệp mẫu
      </Button>
      <div>
        <Typography.Text strong>Danh hiệu cho các dòng để trống cột "Danh hiệu, hình thức"</Typography.Text>
        <HonorPick value={honor} onChange={setHonor} testId="bulk-excel-honor" />
      </div>
      <Upload
        accept=".xlsx"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(f) => {
          setFile(f);
          setResult(null);
          check.mutate(f);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={check.isPending} data-testid="bulk-upload">
          {file ? `Chọn tệp khác (${file.name})` : 'Chọn tệp Excel (.xlsx)'}
        </Button>
      </Upload>
      {result ? <BulkResult r={result} /> : null}
      {preview ? (
        <>
          <Alert
            type={preview.invalid ? 'warning' : 'success'}
            showIcon
            message={`${fmtNumber(preview.total)} dòng: ${fmtNumber(preview.valid)} hợp lệ, ${fmtNumber(preview.invalid)} có lỗi (không được thêm).`}
            data-testid="bulk-preview-summary"
          />
          <ImportFindings
            notices={preview.notices}
            rows={preview.rows.filter((r): r is Row & { row: number } => r.row !== null)}
            testId="bulk-import-findings"
          />
          <Checkbox checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)}>
            Chỉ xem dòng có lỗi
          </Checkbox>
          <Table
            rowKey={(r, i) => `${r.row ?? i}`}
            size="small"
            dataSource={rows}
            pagination={{ pageSize: 20, showSizeChanger: false, size: 'small' }}
            scroll={{ x: 640 }}
            data-testid="bulk-preview"
            columns={[
              { title: 'Dòng', key: 'row', width: 60, render: (_: unknown, r: Row) => r.row ?? '—' },
              {
                title: 'Họ và tên',
                key: 'name',
                width: 190,
                render: (_: unknown, r: Row) => (
                  <div>
                    {r.name || r.values.fullName || '—'}
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.values.cccd}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              },
              { title: 'Danh hiệu', key: 'honor', width: 150, render: (_: unknown, r: Row) => (r.honor ? HONOR_INFO[r.honor].label : r.values.honor || '—') },
              {
                title: 'Kiểm tra',
                key: 'check',
                render: (_: unknown, r: Row) =>
                  r.valid ? (
                    <>
                      <Tag color="green">Hợp lệ</Tag>
                      {r.warnings.map((w) => (
                        <div key={w} style={{ fontSize: 12 }}>
                          <Typography.Text type="warning">{w}</Typography.Text>
                        </div>
                      ))}
                    </>
                  ) : (
                    r.errors.map((e) => (
                      <div key={e} style={{ fontSize: 12 }}>
                        <Typography.Text type="danger">{e}</Typography.Text>
                      </div>
                    ))
                  ),
              },
            ]}
          />
          <Button
            type="primary"
            disabled={!preview.valid || !file}
            loading={commit.isPending}
            onClick={() => file && commit.mutate(file)}
            data-testid="bulk-commit"
          >
            Thêm {fmtNumber(preview.valid)} dòng hợp lệ vào danh sách
          </Button>
        </>
      ) : null}
    </Space>
  );
}

function EligibleAdd({ d, onAdded }: { d: Dossier; onAdded: () => void }) {
  const { message } = App.useApp();
  const [honor, setHonor] = useState<Honor | undefined>('LDTT');
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<BulkCandidateResult | null>(null);
  const q = useQuery({
    queryKey: [...keys.dossier(d.id), 'eligible', honor],
    queryFn: () => dossierEligible(d.id, honor!),
    enabled: honor !== undefined,
  });
  const add = useMutation({
    mutationFn: () => {
      const items = q.data?.items ?? [];
      const picked = items.filter((i) => chosen.includes(`${i.kind}:${i.id}`));
      return addCandidatesBulk(d.id, {
        source: 'eligible',
        honor: honor!,
        personIds: picked.filter((i) => i.kind === 'individual').map((i) => i.id),
        unitIds: picked.filter((i) => i.kind === 'collective').map((i) => i.id),
        version: d.version,
      });
    },
    onSuccess: (r) => {
      setResult(r);
      setChosen([]);
      onAdded();
      void q.refetch();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const key = (i: EligibleItem) => `${i.kind}:${i.id}`;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Những người, tập thể trong đơn vị lập hồ sơ đủ điều kiện danh hiệu đã chọn theo dữ liệu thi đua đã lưu (năm {d.year}). Đánh dấu những ai cần thêm.
      </Typography.Paragraph>
      <HonorPick
        value={honor}
        onChange={(h) => {
          setHonor(h);
          setChosen([]);
          setResult(null);
        }}
        testId="bulk-eligible-honor"
      />
      {result ? <BulkResult r={result} /> : null}
      {q.isError ? <Alert type="error" showIcon message={errorText(q.error)} /> : null}
      <Table<EligibleItem>
        rowKey={key}
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        rowSelection={{
          selectedRowKeys: chosen,
          onChange: (ks) => setChosen(ks.map(String)),
          getCheckboxProps: (i) => ({ disabled: i.inDossier }),
        }}
        pagination={{ pageSize: 20, showSizeChanger: false, size: 'small' }}
        scroll={{ x: 420 }}
        locale={{ emptyText: honor ? 'Không có ai đủ điều kiện danh hiệu này.' : 'Hãy chọn danh hiệu.' }}
        columns={[
          { title: 'Họ tên / tập thể', key: 'name', render: (_: unknown, i) => <strong>{i.name}</strong> },
          { title: 'Đơn vị', key: 'unit', width: 200, render: (_: unknown, i) => i.unitName },
          { title: '', key: 'in', width: 110, render: (_: unknown, i) => (i.inDossier ? <Tag>Đã có trong hồ sơ</Tag> : null) },
        ]}
        data-testid="bulk-eligible"
      />
      <Button type="primary" disabled={!chosen.length} loading={add.isPending} onClick={() => add.mutate()} data-testid="bulk-eligible-add">
        Thêm {fmtNumber(chosen.length)} người/tập thể đã chọn
      </Button>
    </Space>
  );
}

function RegistrationsAdd({ d, onAdded }: { d: Dossier; onAdded: () => void }) {
  const { message } = App.useApp();
  const [honor, setHonor] = useState<Honor | undefined>('LDTT');
  const [result, setResult] = useState<BulkCandidateResult | null>(null);
  // The eligible list answers the number of named registrations too.
  const q = useQuery({
    queryKey: [...keys.dossier(d.id), 'eligible', honor],
    queryFn: () => dossierEligible(d.id, honor!),
    enabled: honor !== undefined,
  });
  const add = useMutation({
    mutationFn: () => addCandidatesBulk(d.id, { source: 'registrations', honor: honor!, version: d.version }),
    onSuccess: (r) => {
      setResult(r);
      onAdded();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Thêm mọi người, tập thể đã đăng ký thi đua theo tên danh hiệu đã chọn trong phong trào, năm {d.year} của hồ sơ.
      </Typography.Paragraph>
      <HonorPick
        value={honor}
        onChange={(h) => {
          setHonor(h);
          setResult(null);
        }}
        testId="bulk-registrations-honor"
      />
      {q.data ? <Typography.Text data-testid="bulk-registrations-count">Có {fmtNumber(q.data.registrations)} đăng ký theo tên.</Typography.Text> : null}
      {result ? <BulkResult r={result} /> : null}
      <Button type="primary" disabled={!honor} loading={add.isPending} onClick={() => add.mutate()} data-testid="bulk-registrations-add">
        Thêm từ đăng ký thi đua
      </Button>
    </Space>
  );
}

const TITLES: Record<Exclude<Mode, null>, string> = {
  excel: 'Thêm nhiều từ tệp Excel',
  eligible: 'Thêm những người đủ điều kiện',
  registrations: 'Thêm từ đăng ký thi đua',
};

/** The "Thêm nhiều" menu and its drawer; `onAdded` refreshes the dossier. */
export function BulkCandidates({ d, onAdded }: { d: Dossier; onAdded: () => void }) {
  const [mode, setMode] = useState<Mode>(null);
  const phone = !Grid.useBreakpoint().md;
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'excel', label: <span data-testid="bulk-menu-excel">Từ tệp Excel</span> },
            { key: 'eligible', label: <span data-testid="bulk-menu-eligible">Người đủ điều kiện</span> },
            { key: 'registrations', label: <span data-testid="bulk-menu-registrations">Từ đăng ký thi đua</span> },
          ],
          onClick: ({ key }) => setMode(key as Exclude<Mode, null>),
        }}
      >
        <Button size="small" icon={<UsergroupAddOutlined />} data-testid="bulk-menu">
          Thêm nhiều <DownOutlined />
        </Button>
      </Dropdown>
      <Drawer
        open={mode !== null}
        onClose={() => setMode(null)}
        width={phone ? '100%' : 880}
        title={mode ? TITLES[mode] : ''}
        destroyOnHidden
        data-testid="bulk-drawer"
      >
        {mode === 'excel' ? <ExcelImport d={d} onAdded={onAdded} /> : null}
        {mode === 'eligible' ? <EligibleAdd d={d} onAdded={onAdded} /> : null}
        {mode === 'registrations' ? <RegistrationsAdd d={d} onAdded={onAdded} /> : null}
      </Drawer>
    </>
  );
}
