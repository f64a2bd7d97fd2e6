/** Sổ vàng: register the certificates of issued decisions, print them (full design or on the phôi), list and export the register. */
import { App, Button, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { exportCertificates, issueDecisionCertificates, listCertificates, printCertificates } from '../../api/documents';
import { downloadSignedCertificate } from '../../api/signing';
import { listDecisions } from '../../api/dossiers';
import { errorText } from '../../api/client';
import { ExportButton } from '../../components/ExportButton';
import { ErrorAlert } from '../../components/PageStates';
import { fmtDate } from '../../lib/format';
import { keys } from '../../api/keys';

export function RegisterTab({ canIssue }: { canIssue: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [q, setQ] = useState('');
  const decisions = useQuery({ queryKey: keys.decisions.all, queryFn: listDecisions });
  const certs = useQuery({ queryKey: keys.certificates.list(year, q), queryFn: () => listCertificates({ year, q: q || undefined }) });
  const issue = useMutation({
    mutationFn: issueDecisionCertificates,
    onSuccess: async (r) => {
      void message.success(r.created ? `Đã vào sổ vàng ${r.created} Giấy khen/Bằng khen.` : 'Quyết định đã có đủ số sổ vàng.');
      await qc.invalidateQueries({ queryKey: keys.certificates.all });
      await qc.invalidateQueries({ queryKey: keys.decisions.all });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const print = (id: string, mode: 'full' | 'blank') => printCertificates(id, mode).catch((e: unknown) => void message.error(errorText(e)));
  const internal = (decisions.data?.items ?? []).filter((d) => d.kind === 'internal');

  return (
    <>
      <Typography.Title level={5}>Quyết định khen thưởng đã ban hành</Typography.Title>
      {decisions.error ? <ErrorAlert error={decisions.error} /> : null}
      <Table
        size="small"
        rowKey="id"
        loading={decisions.isPending}
        dataSource={internal}
        pagination={{ pageSize: 10 }}
        locale={{ emptyText: 'Chưa có quyết định khen thưởng nào do đơn vị ban hành.' }}
        style={{ marginBottom: 24 }}
        columns={[
          { title: 'Số', dataIndex: 'numberText', width: 150 },
          { title: 'Ngày', dataIndex: 'decisionDate', width: 110, render: (v: string) => fmtDate(v) },
          { title: 'Trích yếu', dataIndex: 'title' },
          { title: 'Trong sổ vàng', width: 130, render: (_, d) => `${d.certificateCount ?? 0}/${d.awardeeCount ?? '?'}` },
          {
            title: 'Thao tác',
            width: 420,
            render: (_, d) =>
              d.status === 'revoked' ? (
                <Tag color="red">Đã hủy bỏ</Tag>
              ) : d.status === 'signing' ? (
                <Tag color="orange">Chờ ký số phát hành</Tag>
              ) : (
                <Space wrap size={6}>
                  {canIssue ? (
                    <Button
                      size="small"
                      icon={<SafetyCertificateOutlined />}
                      loading={issue.isPending && issue.variables === d.id}
                      onClick={() => issue.mutate(d.id)}
                      data-testid="register-issue"
                    >
                      Vào sổ vàng
                    </Button>
                  ) : null}
                  <Button size="small" icon={<FilePdfOutlined />} disabled={!d.certificateCount} onClick={() => void print(d.id, 'full')}>
                    In Giấy khen (mẫu đầy đủ)
                  </Button>
                  <Button size="small" icon={<PrinterOutlined />} disabled={!d.certificateCount} onClick={() => void print(d.id, 'blank')}>
                    In trên phôi
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          Sổ vàng
        </Typography.Title>
        <InputNumber placeholder="Năm" min={2000} max={2100} value={year} onChange={(v) => setYear(v ?? undefined)} />
        <Input.Search placeholder="Họ tên, số quyết định, mã xác minh" allowClear onSearch={setQ} style={{ width: 320 }} />
        <ExportButton download={() => exportCertificates({ year, q: q || undefined })} />
      </Space>
      <Table
        size="small"
        rowKey="id"
        loading={certs.isPending}
        dataSource={certs.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: 'Số sổ vàng', dataIndex: 'registerNumber', width: 110 },
          { title: 'Hình thức', dataIndex: 'honorLabel', width: 180 },
          { title: 'Người/tập thể được khen', dataIndex: 'recipientName' },
          { title: 'Quyết định', width: 230, render: (_, c) => `${c.decisionNumber} ngày ${fmtDate(c.decisionDate)}` },
          {
            title: 'Mã xác minh',
            width: 140,
            render: (_, c) => (
              <a href={c.verificationUrl} target="_blank" rel="noreferrer">
                {c.code}
              </a>
            ),
          },
          {
            title: 'Tình trạng',
            width: 160,
            render: (_, c) =>
              c.revoked ? (
                <Tag color="red" title={c.revokedReason ?? ''}>
                  Đã hủy bỏ
                </Tag>
              ) : (
                <Tag color="green">Còn hiệu lực</Tag>
              ),
          },
          {
            title: 'Bản điện tử',
            width: 170,
            render: (_, c) =>
              c.signState === 'issued' ? (
                <Button
                  size="small"
                  type="link"
                  onClick={() => void downloadSignedCertificate(c.id, `Giay khen ${c.registerNumber.replace('/', '-')} - ky so.pdf`)}
                  data-testid="certificate-signed-download"
                >
                  Đã ký số (PDF)
                </Button>
              ) : c.signState === 'approved' ? (
                <Tag color="blue">Chờ cơ quan ký</Tag>
              ) : (
                <Tag>Chưa ký số</Tag>
              ),
          },
        ]}
      />
    </>
  );
}
