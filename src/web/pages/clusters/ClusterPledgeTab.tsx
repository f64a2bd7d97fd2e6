import { Alert, App, Button, DatePicker, Descriptions, Form, Input, Popconfirm, Space, Tag, Upload } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { downloadClusterPledge, getClusterPledge, publishClusterPledge, saveClusterPledge, uploadClusterPledgeScan, type Cluster } from '../../api/clusters';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { FormModal } from '../../components/FormModal';
import { EmptyBlock, LoadingBlock } from '../../components/PageStates';
import { blankToNull, DATE_FORMAT, fmtDate, fromDayjs, toDayjs } from '../../lib/format';

interface PledgeValues {
  signedDate?: Dayjs | null;
  place?: string;
  common?: string;
  own: Record<string, string | undefined>;
}

const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** Giao ước thi đua: the head records date, place, common and own targets, uploads the signed scan and publishes it. */
export function PledgeTab({ c }: { c: Cluster }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<PledgeValues>();
  const [open, setOpen] = useState(false);
  const q = useQuery({ queryKey: [...keys.clusters.detail(c.id), 'pledge'], queryFn: () => getClusterPledge(c.id) });
  const edit = c.abilities.includes('edit');
  const refresh = () => qc.invalidateQueries({ queryKey: keys.clusters.detail(c.id) });
  const save = useMutation({
    mutationFn: (v: PledgeValues) =>
      saveClusterPledge(c.id, {
        signedDate: fromDayjs(v.signedDate),
        place: blankToNull(v.place),
        commonTargets: lines(v.common),
        memberTargets: c.members.map((m) => ({ memberId: m.id, targets: lines(v.own?.[m.id]) })),
      }),
    onSuccess: async () => {
      message.success('Đã lưu giao ước.');
      setOpen(false);
      await refresh();
    },
  });
  const upload = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append('file', f, f.name);
      return uploadClusterPledgeScan(c.id, form);
    },
    onSuccess: async () => {
      message.success('Đã tải lên bản giao ước đã ký.');
      await refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const publish = useMutation({
    mutationFn: () => publishClusterPledge(c.id),
    onSuccess: async () => {
      message.success('Đã công bố giao ước tới các thành viên.');
      await refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const doc = useMutation({ mutationFn: (f: 'docx' | 'pdf') => downloadClusterPledge(c.id, f), onError: (e) => message.error(errorText(e)) });
  if (!q.data) return <LoadingBlock />;
  const p = q.data;
  const openEditor = () => {
    form.setFieldsValue({
      signedDate: toDayjs(p.signedDate) ?? null,
      place: p.place ?? '',
      common: p.commonTargets.join('\n'),
      own: Object.fromEntries(c.members.map((m) => [m.id, m.targets.join('\n')])),
    });
    save.reset();
    setOpen(true);
  };
  const empty = !p.signedDate && !p.commonTargets.length;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {edit ? (
        <Space wrap>
          <Button type="primary" onClick={openEditor}>
            {empty ? 'Lập giao ước' : 'Sửa giao ước'}
          </Button>
          <Upload
            accept=".pdf,.jpg,.jpeg,.png"
            showUploadList={false}
            beforeUpload={(f) => {
              upload.mutate(f);
              return false;
            }}
          >
            <Button loading={upload.isPending}>Tải bản đã ký</Button>
          </Upload>
          {!p.published ? (
            <Popconfirm title="Công bố giao ước tới các thành viên?" okText="Công bố" cancelText="Không" onConfirm={() => publish.mutate()}>
              <Button disabled={empty}>Công bố</Button>
            </Popconfirm>
          ) : null}
        </Space>
      ) : null}
      {edit && !p.published && !empty ? (
        <Alert type="warning" showIcon title="Giao ước chưa công bố: các thành viên chưa thấy nội dung. Tải bản đã ký rồi bấm “Công bố”." />
      ) : null}
      {empty ? (
        <EmptyBlock text={p.published ? 'Giao ước chưa có nội dung.' : 'Giao ước chưa được công bố.'} />
      ) : (
        <>
          <Space wrap>
            <Button onClick={() => doc.mutate('docx')} loading={doc.isPending}>
              Bản giao ước (Word)
            </Button>
            <Button onClick={() => doc.mutate('pdf')} loading={doc.isPending}>
              PDF
            </Button>
          </Space>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="Ngày ký">{fmtDate(p.signedDate) || '—'}</Descriptions.Item>
            <Descriptions.Item label="Nơi ký">{p.place ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Chỉ tiêu chung">
              <ol style={{ margin: 0, paddingLeft: 18 }}>
                {p.commonTargets.map((t, i) => (
                  <li key={i}>{t}</li>
                ))}
              </ol>
            </Descriptions.Item>
            <Descriptions.Item label="Chỉ tiêu riêng">
              {p.memberTargets.filter((m) => m.targets.length).length
                ? p.memberTargets
                    .filter((m) => m.targets.length)
                    .map((m) => (
                      <div key={m.memberId}>
                        <strong>{m.name}</strong>: {m.targets.join('; ')}
                      </div>
                    ))
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="Bản đã ký">
              {p.scan ? <a href={`/api/clusters/${c.id}/pledge/scan`}>{p.scan.name}</a> : 'Chưa tải lên'}{' '}
              {p.published ? <Tag color="green">Đã công bố</Tag> : <Tag>Chưa công bố</Tag>}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
      <FormModal<PledgeValues>
        open={open}
        title="Giao ước thi đua"
        onCancel={() => setOpen(false)}
        form={form}
        onFinish={(v) => save.mutate(v)}
        pending={save.isPending}
        error={save.error ? errorText(save.error) : null}
        width={760}
        okTestId="cluster-pledge-ok"
      >
        <Space wrap style={{ width: '100%' }}>
          <Form.Item name="signedDate" label="Ngày ký" rules={[{ required: true, message: 'Hãy chọn ngày ký.' }]}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="place" label="Nơi ký" style={{ minWidth: 280 }}>
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="common" label="Chỉ tiêu chung (mỗi dòng một chỉ tiêu)" rules={[{ required: true, message: 'Hãy nhập ít nhất một chỉ tiêu chung.' }]}>
          <Input.TextArea rows={5} />
        </Form.Item>
        {c.members.map((m) => (
          <Form.Item key={m.id} name={['own', m.id]} label={`Chỉ tiêu riêng của ${m.name}`}>
            <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        ))}
      </FormModal>
    </Space>
  );
}
