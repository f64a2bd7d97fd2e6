import { Alert, App, Button, Card, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import {
  castClusterBallot,
  closeClusterMeeting,
  createClusterMeeting,
  downloadClusterMinutes,
  downloadClusterProposal,
  enterClusterPaperBallots,
  getClusterScoring,
  listClusterMeetings,
  proposeFromClusterMeeting,
  type Cluster,
  type ClusterMeeting,
} from '../../api/clusters';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { FormModal } from '../../components/FormModal';
import { EmptyBlock, LoadingBlock } from '../../components/PageStates';
import { blankToNull, DATE_FORMAT, fmtDate, fromDayjs } from '../../lib/format';
import { todayDayjs } from '../../lib/today';

const HONORS = [
  { value: 'CO_BO_TINH', label: 'Cờ thi đua của tỉnh' },
  { value: 'CO_CP', label: 'Cờ thi đua của Chính phủ' },
  { value: 'BK_BO_TINH', label: 'Bằng khen của Chủ tịch UBND tỉnh' },
] as const;
type HonorCode = (typeof HONORS)[number]['value'];
const CHOICES = [
  { value: 'approve', label: 'Đồng ý' },
  { value: 'reject', label: 'Không đồng ý' },
  { value: 'abstain', label: 'Không biểu quyết' },
] as const;
type Choice = (typeof CHOICES)[number]['value'];

interface MeetingValues {
  heldOn: Dayjs;
  place?: string;
  present: string[];
  items: { memberId: string; honor: HonorCode }[];
  minutes?: string;
}

function NewMeeting({ c, open, onClose }: { c: Cluster; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<MeetingValues>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const scoring = useQuery({ queryKey: [...keys.clusters.detail(c.id), 'scoring'], queryFn: () => getClusterScoring(c.id), enabled: open });
  const leader = scoring.data?.ranking[0];
  const save = useMutation({
    mutationFn: (v: MeetingValues) =>
      createClusterMeeting(c.id, {
        heldOn: fromDayjs(v.heldOn) ?? '',
        place: blankToNull(v.place),
        presentMemberIds: v.present ?? [],
        items: v.items ?? [],
        minutes: blankToNull(v.minutes),
      }),
    onSuccess: async () => {
      message.success('Đã lập hội nghị; các thành viên có mặt bỏ phiếu kín.');
      onClose();
      await qc.invalidateQueries({ queryKey: keys.clusters.detail(c.id) });
    },
  });
  return (
    <FormModal<MeetingValues>
      open={open}
      title="Hội nghị tổng kết, suy tôn"
      okText="Lập hội nghị"
      onCancel={onClose}
      form={form}
      onFinish={(v) => save.mutate(v)}
      pending={save.isPending}
      error={save.error ? errorText(save.error) : null}
      width={760}
      destroyOnHidden
      okTestId="cluster-meeting-ok"
      initialValues={{
        heldOn: todayDayjs(),
        present: c.members.map((m) => m.id),
        items: leader ? [{ memberId: leader.memberId, honor: 'CO_BO_TINH' }] : [],
      }}
    >
      <Flex gap={12} wrap>
        <Form.Item name="heldOn" label="Ngày họp" rules={[{ required: true, message: 'Hãy chọn ngày họp.' }]}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item name="place" label="Địa điểm" style={{ minWidth: 300 }}>
          <Input />
        </Form.Item>
      </Flex>
      <Form.Item name="present" label="Thành viên có mặt">
        <Checkbox.Group options={c.members.map((m) => ({ value: m.id, label: m.name }))} style={{ display: 'grid', gap: 4 }} />
      </Form.Item>
      {leader ? <Alert type="info" showIcon style={{ marginBottom: 8 }} title={`Dẫn đầu bảng điểm: ${leader.name} (${leader.total} điểm).`} /> : null}
      <Typography.Text strong>Đề nghị suy tôn</Typography.Text>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Flex key={f.key} gap={8} wrap>
                <Form.Item name={[f.name, 'memberId']} rules={[{ required: true, message: 'Chọn thành viên.' }]} style={{ minWidth: 300, flex: 1 }}>
                  <Select
                    aria-label={`Thành viên được suy tôn ${i + 1}`}
                    options={c.members.map((m) => ({ value: m.id, label: m.name }))}
                    showSearch
                    optionFilterProp="label"
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'honor']} rules={[{ required: true, message: 'Chọn hình thức.' }]} style={{ minWidth: 240 }}>
                  <Select aria-label={`Hình thức ${i + 1}`} options={HONORS.map((h) => ({ ...h }))} />
                </Form.Item>
                <Button danger onClick={() => remove(f.name)}>
                  Xóa
                </Button>
              </Flex>
            ))}
            <Button onClick={() => add({ honor: 'BK_BO_TINH' })} style={{ marginBottom: 12 }}>
              Thêm đề nghị
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="minutes" label="Diễn biến hội nghị (đưa vào biên bản)">
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

function Ballot({ c, m, memberId, onClose }: { c: Cluster; m: ClusterMeeting; memberId: string; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, Choice>>();
  const member = c.members.find((x) => x.id === memberId);
  // Only the items this member has not voted on yet (an account may speak for several members).
  const pendingItems = m.items.filter((i) => !i.myVotedMemberIds.includes(memberId));
  const vote = useMutation({
    mutationFn: (v: Record<string, Choice>) =>
      castClusterBallot(c.id, m.id, { memberId, choices: Object.entries(v).map(([itemId, choice]) => ({ itemId, choice })) }),
    onSuccess: async () => {
      message.success('Đã bỏ phiếu kín.');
      onClose();
      await qc.invalidateQueries({ queryKey: keys.clusters.detail(c.id) });
    },
  });
  return (
    <FormModal<Record<string, Choice>>
      open
      title={`Phiếu bầu kín — ${member?.name ?? ''}`}
      okText="Bỏ phiếu"
      onCancel={onClose}
      form={form}
      onFinish={(v) => vote.mutate(v)}
      pending={vote.isPending}
      error={vote.error ? errorText(vote.error) : null}
      okTestId="cluster-ballot-ok"
      initialValues={Object.fromEntries(pendingItems.map((i) => [i.id, 'approve']))}
    >
      <Typography.Paragraph type="secondary">Phiếu được niêm phong: hệ thống chỉ ghi thành viên đã bỏ phiếu, không ghi ai chọn gì.</Typography.Paragraph>
      {pendingItems.map((i) => (
        <Form.Item key={i.id} name={i.id} label={`${i.memberName} — ${i.honorLabel}`}>
          <Radio.Group options={CHOICES.map((x) => ({ ...x }))} />
        </Form.Item>
      ))}
    </FormModal>
  );
}

function PaperCounts({ c, m, onClose }: { c: Cluster; m: ClusterMeeting; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ itemId: string; approve: number; reject: number; abstain: number }>();
  const enter = useMutation({
    mutationFn: (v: { itemId: string; approve: number; reject: number; abstain: number }) =>
      enterClusterPaperBallots(c.id, m.id, { itemId: v.itemId, counts: { approve: v.approve ?? 0, reject: v.reject ?? 0, abstain: v.abstain ?? 0 } }),
    onSuccess: async () => {
      message.success('Đã nhập kết quả phiếu giấy.');
      onClose();
      await qc.invalidateQueries({ queryKey: keys.clusters.detail(c.id) });
    },
  });
  return (
    <FormModal<{ itemId: string; approve: number; reject: number; abstain: number }>
      open
      title="Nhập kết quả kiểm phiếu giấy"
      onCancel={onClose}
      form={form}
      onFinish={(v) => enter.mutate(v)}
      pending={enter.isPending}
      error={enter.error ? errorText(enter.error) : null}
      okTestId="cluster-paper-ok"
      initialValues={{ itemId: m.items[0]?.id, approve: 0, reject: 0, abstain: 0 }}
    >
      <Typography.Paragraph type="secondary">Phiếu giấy của các thành viên không bỏ phiếu trên hệ thống (cơ quan ngoài hệ thống).</Typography.Paragraph>
      <Form.Item name="itemId" label="Nội dung biểu quyết">
        <Select options={m.items.map((i) => ({ value: i.id, label: `${i.memberName} — ${i.honorLabel}` }))} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="approve" label="Đồng ý">
          <InputNumber min={0} aria-label="Số phiếu đồng ý" />
        </Form.Item>
        <Form.Item name="reject" label="Không đồng ý">
          <InputNumber min={0} aria-label="Số phiếu không đồng ý" />
        </Form.Item>
        <Form.Item name="abstain" label="Không biểu quyết">
          <InputNumber min={0} aria-label="Số phiếu không biểu quyết" />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}

function CloseMeeting({ c, m, onClose }: { c: Cluster; m: ClusterMeeting; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ minutes?: string }>();
  const close = useMutation({
    mutationFn: (v: { minutes?: string }) => closeClusterMeeting(c.id, m.id, blankToNull(v.minutes)),
    onSuccess: async () => {
      message.success('Đã kết thúc bỏ phiếu và ghi biên bản.');
      onClose();
      await qc.invalidateQueries({ queryKey: keys.clusters.detail(c.id) });
    },
  });
  return (
    <FormModal<{ minutes?: string }>
      open
      title="Kết thúc bỏ phiếu, ghi biên bản"
      okText="Kết thúc bỏ phiếu"
      onCancel={onClose}
      form={form}
      onFinish={(v) => close.mutate(v)}
      pending={close.isPending}
      error={close.error ? errorText(close.error) : null}
      okTestId="cluster-close-meeting-ok"
      initialValues={{ minutes: m.minutes ?? '' }}
    >
      <Typography.Paragraph>Mở các phiếu kín, cộng phiếu giấy và tính kết quả theo tỷ lệ quy định.</Typography.Paragraph>
      <Form.Item name="minutes" label="Biên bản hội nghị">
        <Input.TextArea rows={5} />
      </Form.Item>
    </FormModal>
  );
}

function MeetingCard({ c, m }: { c: Cluster; m: ClusterMeeting }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const edit = c.abilities.includes('edit');
  const [voting, setVoting] = useState<string | null>(null);
  const [paper, setPaper] = useState(false);
  const [closing, setClosing] = useState(false);
  const myPresent = c.members.filter((x) => x.mine && m.presentMemberIds.includes(x.id));
  const votedAll = (memberId: string) => m.items.every((i) => i.myVotedMemberIds.includes(memberId));
  const propose = useMutation({
    mutationFn: () => proposeFromClusterMeeting(c.id, m.id),
    onSuccess: async (d) => {
      message.success('Đã lập Tờ trình thành hồ sơ đề nghị khen thưởng. Hãy bổ sung báo cáo thành tích và gửi hồ sơ.');
      await qc.invalidateQueries({ queryKey: keys.clusters.detail(c.id) });
      void navigate(`/ho-so/${d.dossierId}`);
    },
    onError: (e) => message.error(errorText(e)),
  });
  const doc = useMutation({
    mutationFn: (what: 'minutes' | 'proposal') =>
      what === 'minutes' ? downloadClusterMinutes(c.id, m.id, 'docx') : downloadClusterProposal(c.id, m.id, 'docx'),
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Card
      size="small"
      title={`Hội nghị ngày ${fmtDate(m.heldOn)}${m.place ? ` — ${m.place}` : ''}`}
      extra={m.status === 'closed' ? <Tag>Đã kết thúc</Tag> : <Tag color="blue">Đang bỏ phiếu</Tag>}
    >
      <div>
        Có mặt {m.presentMemberIds.length}/{m.totalMembers} thành viên
      </div>
      {m.items.map((it) => (
        <div key={it.id}>
          {it.memberName} — {it.honorLabel}:{' '}
          {it.result ? (
            <>
              {it.result.text} {it.result.passed ? <Tag color="green">Đạt</Tag> : <Tag color="red">Không đạt</Tag>}
            </>
          ) : (
            `${it.voted} phiếu kín đã bỏ${it.paperCounts ? `, ${Object.values(it.paperCounts).reduce((a, b) => a + b, 0)} phiếu giấy` : ''}`
          )}
        </div>
      ))}
      <Space wrap style={{ marginTop: 8 }}>
        {m.status === 'open' && c.abilities.includes('vote')
          ? myPresent.map((x) =>
              !votedAll(x.id) ? (
                <Button key={x.id} type="primary" data-testid={`cluster-vote-${x.id}`} onClick={() => setVoting(x.id)}>
                  Bỏ phiếu{myPresent.length > 1 ? `: ${x.name}` : ''}
                </Button>
              ) : (
                <Tag key={x.id} color="green" data-testid={`cluster-voted-${x.id}`}>
                  {myPresent.length > 1 ? `${x.name} đã bỏ phiếu` : 'Đơn vị bạn đã bỏ phiếu'}
                </Tag>
              ),
            )
          : null}
        {m.status === 'open' && edit ? (
          <>
            <Button onClick={() => setPaper(true)}>Nhập phiếu giấy</Button>
            <Button danger onClick={() => setClosing(true)}>
              Kết thúc bỏ phiếu
            </Button>
          </>
        ) : null}
        <Button onClick={() => doc.mutate('minutes')}>Biên bản (Word)</Button>
        {m.status === 'closed' ? <Button onClick={() => doc.mutate('proposal')}>Tờ trình (Word)</Button> : null}
        {m.dossierId ? (
          <Link to={`/ho-so/${m.dossierId}`}>Xem hồ sơ đề nghị</Link>
        ) : m.status === 'closed' && edit ? (
          <Button type="primary" loading={propose.isPending} onClick={() => propose.mutate()}>
            Lập Tờ trình đề nghị
          </Button>
        ) : null}
      </Space>
      {voting ? <Ballot c={c} m={m} memberId={voting} onClose={() => setVoting(null)} /> : null}
      {paper ? <PaperCounts c={c} m={m} onClose={() => setPaper(false)} /> : null}
      {closing ? <CloseMeeting c={c} m={m} onClose={() => setClosing(false)} /> : null}
    </Card>
  );
}

export function MeetingsTab({ c }: { c: Cluster }) {
  const [creating, setCreating] = useState(false);
  const q = useQuery({ queryKey: [...keys.clusters.detail(c.id), 'meetings'], queryFn: () => listClusterMeetings(c.id) });
  if (!q.data) return <LoadingBlock />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {c.abilities.includes('edit') ? (
        <Button type="primary" onClick={() => setCreating(true)} style={{ alignSelf: 'flex-start' }}>
          Lập hội nghị
        </Button>
      ) : null}
      {!q.data.items.length ? <EmptyBlock text="Chưa có hội nghị." /> : q.data.items.map((m) => <MeetingCard key={m.id} c={c} m={m} />)}
      {creating ? <NewMeeting c={c} open={creating} onClose={() => setCreating(false)} /> : null}
    </Space>
  );
}
