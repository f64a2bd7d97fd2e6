/** One report: the figures from data (the unit may type over them), the narrative, and the buttons its abilities allow. */
import { Alert, App, Button, Card, DatePicker, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { downloadReportDocx, extendReport, getReport, receiveReport, returnReport, saveReport, submitReport, type Report } from '../../api/reports';
import { errorText } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtDate, fmtMoney, fmtNumber, fromDayjs } from '../../lib/format';
import { DocumentSignatures } from '../signing/DocumentSignatures';

const SECTIONS = [
  ['results', 'Kết quả thực hiện'],
  ['shortcomings', 'Tồn tại, hạn chế và nguyên nhân'],
  ['lessons', 'Bài học kinh nghiệm'],
  ['proposals', 'Phương hướng, kiến nghị, đề xuất'],
] as const;

function Editor({ report }: { report: Report }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const can = (a: string) => report.abilities.includes(a);
  const [typed, setTyped] = useState<Record<string, number>>(Object.fromEntries(report.rows.filter((r) => r.typed !== null).map((r) => [r.key, r.typed!])));
  const [narrative, setNarrative] = useState<Report['narrative']>(report.narrative);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState<Dayjs | null>(null);
  const edit = can('write');
  const done = async (text: string) => {
    message.success(text);
    await qc.invalidateQueries({ queryKey: ['reports'] });
  };
  const onError = (e: unknown) => message.error(errorText(e));
  const save = useMutation({
    mutationFn: () => saveReport(report.id, { version: report.version, narrative, typed }),
    onSuccess: () => done('Đã lưu báo cáo.'),
    onError,
  });
  const submit = useMutation({
    // A signed report is sent as signed (its content is no longer saved).
    mutationFn: async () =>
      submitReport(report.id, edit ? (await saveReport(report.id, { version: report.version, narrative, typed })).version : report.version),
    onSuccess: () => done('Đã gửi báo cáo.'),
    onError,
  });
  const receive = useMutation({ mutationFn: () => receiveReport(report.id, report.version), onSuccess: () => done('Đã tiếp nhận báo cáo.'), onError });
  const ret = useMutation({ mutationFn: () => returnReport(report.id, report.version, reason), onSuccess: () => done('Đã trả lại báo cáo.'), onError });
  const extend = useMutation({
    mutationFn: () => extendReport(report.id, fromDayjs(until) ?? ''),
    onSuccess: () => done('Đã gia hạn gửi báo cáo.'),
    onError,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Tag>{report.statusLabel}</Tag>
        {report.overdue ? <Tag color="error">Quá hạn</Tag> : null}
        {report.late ? <Tag color="orange">Gửi muộn</Tag> : null}
        {report.requestUnitName ? <span>Gửi tới: {report.requestUnitName}</span> : null}
        {can('receive') || can('extend') ? <Link to={`/bao-cao/yeu-cau/${report.requestId}`}>Xem tổng hợp của yêu cầu</Link> : null}
        <span>
          Kỳ: {fmtDate(report.periodFrom)} – {fmtDate(report.periodTo)}; hạn gửi {fmtDate(report.dueDate)}
        </span>
      </Space>
      {report.returnReason && report.status === 'returned' ? (
        <Alert
          type="warning"
          showIcon
          message={`Báo cáo bị trả lại: ${report.returnReason}`}
          description={can('submit') ? 'Sửa nội dung, số liệu rồi gửi lại.' : undefined}
        />
      ) : null}
      {can('submit') && report.status === 'draft' ? (
        <Alert type="info" showIcon message={`Đơn vị cần hoàn thành và gửi báo cáo trước ngày ${fmtDate(report.dueDate)}.`} />
      ) : null}
      {report.signed && can('submit') ? (
        <Alert type="info" showIcon message="Báo cáo đã được ký số: nội dung và số liệu không sửa được nữa. Đơn vị gửi báo cáo như đã ký." />
      ) : null}
      {can('receive') ? <Alert type="info" showIcon message="Báo cáo đã gửi, chờ đơn vị tiếp nhận hoặc trả lại." /> : null}
      <Card title="Số liệu (lấy từ dữ liệu; đơn vị sửa nếu khác)" size="small">
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={report.rows}
          columns={[
            { title: 'Chỉ tiêu', dataIndex: 'label' },
            { title: 'Theo dữ liệu', align: 'right', render: (_, r) => (r.money ? fmtMoney(r.data) : fmtNumber(r.data)) },
            {
              title: 'Đơn vị báo cáo',
              align: 'right',
              render: (_, r) =>
                edit ? (
                  <InputNumber
                    min={0}
                    value={typed[r.key] ?? r.data}
                    onChange={(v) =>
                      setTyped((t) => ({
                        ...Object.fromEntries(Object.entries(t).filter(([k]) => k !== r.key)),
                        ...(v === null || v === r.data ? {} : { [r.key]: v }),
                      }))
                    }
                  />
                ) : (
                  <span style={{ color: r.typed !== null && r.typed !== r.data ? '#d4380d' : undefined }}>
                    {r.money ? fmtMoney(r.stated) : fmtNumber(r.stated)}
                  </span>
                ),
            },
          ]}
        />
      </Card>
      {SECTIONS.map(([k, label]) => (
        <Card key={k} title={label} size="small">
          {edit ? (
            <Input.TextArea rows={4} maxLength={20000} showCount value={narrative[k]} onChange={(e) => setNarrative((n) => ({ ...n, [k]: e.target.value }))} />
          ) : (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{narrative[k] || '—'}</Typography.Paragraph>
          )}
        </Card>
      ))}
      <DocumentSignatures kind="bao_cao" id={report.id} revision={report.version} onSigned={() => void qc.invalidateQueries({ queryKey: ['reports'] })} />
      <Space wrap>
        {edit ? (
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            Lưu
          </Button>
        ) : null}
        {can('submit') ? (
          <Button type="primary" onClick={() => submit.mutate()} loading={submit.isPending}>
            Gửi báo cáo
          </Button>
        ) : null}
        {can('receive') ? (
          <Button type="primary" onClick={() => receive.mutate()} loading={receive.isPending}>
            Tiếp nhận
          </Button>
        ) : null}
        {can('return') ? (
          <Space.Compact>
            <Input placeholder="Lý do trả lại" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="return-reason" />
            <Button danger onClick={() => ret.mutate()} loading={ret.isPending} disabled={reason.trim().length < 5}>
              Trả lại
            </Button>
          </Space.Compact>
        ) : null}
        {can('extend') ? (
          <Space.Compact>
            <DatePicker format="DD/MM/YYYY" placeholder="Gia hạn đến ngày" value={until} onChange={setUntil} data-testid="extend-until" />
            <Button onClick={() => extend.mutate()} loading={extend.isPending} disabled={!until}>
              Gia hạn
            </Button>
          </Space.Compact>
        ) : null}
        <Button onClick={() => void downloadReportDocx(report.id).catch(onError)}>Tải báo cáo (Word)</Button>
        <Button onClick={() => void downloadReportDocx(report.id, 'pdf').catch(onError)}>PDF</Button>
      </Space>
    </Space>
  );
}

export default function ReportPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['reports', 'one', id], queryFn: () => getReport(id) });
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <LoadingBlock />;
  return (
    <>
      <PageHeader title={q.data.requestTitle} subtitle={q.data.unitName} />
      <Editor key={q.data.version} report={q.data} />
    </>
  );
}
