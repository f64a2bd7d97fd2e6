/**
 * Quỹ thi đua, khen thưởng of a year (and the bonus fund of NĐ 73/2024, kept apart): the base of
 * the budget cap, sources, money per decision (pay), organising spending, the ledger and its
 * export; the award-item stock at a date, receipts, spoilage and issue per decision; re-issue and
 * exchange requests. Every button shows only when the record's abilities allow it.
 */
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Grid,
  Input,
  InputNumber,
  Segmented,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
  type FormInstance,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ComponentProps } from 'react';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import {
  addSource,
  configureFund,
  createReissue,
  exportLedger,
  getFund,
  getStock,
  grantReissue,
  issueItemsForDecision,
  listCommitments,
  listEntries,
  listItemMoves,
  listReissues,
  pay,
  recordItemMove,
  refuseReissue,
  spendOnOrganising,
  type FundCommitment,
  type FundEntry,
  type ReissueRequest,
} from '../../api/fund';
import { listDecisions } from '../../api/dossiers';
import { listCertificates } from '../../api/documents';
import { ExportButton } from '../../components/ExportButton';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { fmtDate, fromDayjs } from '../../lib/format';
import { todayVn } from '../../lib/today';
import {
  AWARD_ITEM_KINDS,
  AWARD_ITEM_KIND_LABELS,
  FUND_CAP_BASES,
  FUND_CAP_BASIS_LABELS,
  FUND_ENTRY_KINDS,
  FUND_ENTRY_KIND_LABELS,
  FUND_KINDS,
  FUND_KIND_LABELS,
  REISSUE_KINDS,
  REISSUE_KIND_LABELS,
  type FundEntryKind,
  type FundKind,
} from '../../../shared/codes';
import { codeOf } from '../../lib/codes';
import { useUrlFilter, yearParam } from '../../lib/url-filter';

const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đ`;
const money = { style: { width: '100%' }, min: 1, step: 100000, formatter: (v?: string | number) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, '.') };
const parseMoney = (v?: string) => Number((v ?? '').replace(/\./g, ''));
const required = (message: string) => [{ required: true, message }];

type Dialog = null | 'configure' | 'source' | 'organising' | 'payOther' | 'pay' | 'move' | 'issue' | 'reissue' | 'grant' | 'refuse';

/** What every money entry of the ledger carries: amount, what it is, the voucher, the day. */
interface EntryValues {
  amount: number;
  description: string;
  voucher?: string;
  entryDate: Dayjs;
}
type SourceValues = EntryValues & { source: 'budget' | 'contribution' };
type PayValues = Omit<EntryValues, 'description'> & { payee: string; description?: string };
interface MoveValues {
  itemKind: (typeof AWARD_ITEM_KINDS)[number];
  move: 'received' | 'spoiled';
  quantity: number;
  moveDate: Dayjs;
  reason?: string;
  reference?: string;
}
interface ReissueValues {
  certificateId: string;
  kind: (typeof REISSUE_KINDS)[number];
  requesterName: string;
  reason: string;
  receivedDate: Dayjs;
}

/** The body fields of an entry as the API takes them (an empty voucher is none). */
const entryBody = (v: { amount: number; voucher?: string; entryDate: Dayjs }) => ({
  amount: v.amount,
  voucher: v.voucher || null,
  entryDate: fromDayjs(v.entryDate) ?? '',
});

/** One mutation that closes the dialog, refreshes the fund queries and says what was done; the server's message stays in the dialog. */
function useAct<V>(fn: (v: V) => Promise<unknown>, done: string, close: () => void) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      close();
      void qc.invalidateQueries({ queryKey: keys.fund.all });
      void message.success(done);
    },
  });
}

const today = () => dayjs(todayVn());
/** The lists of the page: one row per record, 20 a page. */
const LIST_TABLE = { rowKey: 'id', size: 'small', pagination: { pageSize: 20, hideOnSinglePage: true } } as const;

/** Which dialog of a tab is open; `open` fills its form first (`setFieldsValue` works before the first open). */
function useDialog() {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const open = <V,>(name: Dialog, form: FormInstance<V>, values?: Parameters<FormInstance<V>['setFieldsValue']>[0]) => {
    if (values) form.setFieldsValue(values);
    else form.resetFields();
    setDialog(name);
  };
  return { dialog, close, open };
}

/** A dialog whose OK runs `act`: spins while it runs, shows the server's message when it fails. */
function ActModal<V>({ act, ...props }: Omit<ComponentProps<typeof FormModal<V>>, 'onFinish' | 'pending' | 'error'> & { act: ReturnType<typeof useAct<V>> }) {
  return <FormModal<V> {...props} onFinish={(v) => act.mutate(v)} pending={act.isPending} error={act.error ? errorText(act.error) : null} />;
}

function MoneyField({ name = 'amount', label = 'Số tiền (đồng)', testId }: { name?: string; label?: string; testId?: string }) {
  return (
    <Form.Item name={name} label={label} rules={required('Hãy nhập số tiền.')}>
      <InputNumber<number> {...money} parser={parseMoney} data-testid={testId} />
    </Form.Item>
  );
}

function DateField({ name, label = 'Ngày' }: { name: string; label?: string }) {
  return (
    <Form.Item name={name} label={label} rules={required('Hãy chọn ngày.')}>
      <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
    </Form.Item>
  );
}

function TextField({ name, label, max, rule, testId }: { name: string; label: string; max: number; rule?: string; testId?: string }) {
  return (
    <Form.Item name={name} label={label} rules={rule ? required(rule) : []}>
      <Input maxLength={max} data-testid={testId} />
    </Form.Item>
  );
}

/** Amount, content, voucher and day: the fields of a source, an organising expense and a payment. */
function EntryFields({
  description,
  voucherRequired = false,
  dateLabel,
  testIds = {},
}: {
  description: { label: string; rule?: string };
  voucherRequired?: boolean;
  dateLabel?: string;
  testIds?: { amount?: string; description?: string; voucher?: string };
}) {
  return (
    <>
      <MoneyField testId={testIds.amount} />
      <TextField name="description" label={description.label} max={500} rule={description.rule} testId={testIds.description} />
      <TextField name="voucher" label="Số chứng từ" max={100} rule={voucherRequired ? 'Hãy nhập số chứng từ.' : undefined} testId={testIds.voucher} />
      <DateField name="entryDate" label={dateLabel} />
    </>
  );
}

function FundTab({ year, setYear }: { year: number; setYear: (y: number) => void }) {
  // The fund and the ledger's line kind live in the address: the dashboard links here with ?year=…&entryKind=…
  const [url, setUrl] = useUrlFilter(['kind', 'entryKind'] as const);
  const kind: FundKind = codeOf(FUND_KINDS, url.kind) ?? 'tdkt';
  const setKind = (k: FundKind) => setUrl({ kind: k === 'tdkt' ? undefined : k });
  const entryKind = codeOf(FUND_ENTRY_KINDS, url.entryKind);
  const { dialog, close, open } = useDialog();
  const [paying, setPaying] = useState<FundCommitment | null>(null);
  const phone = !Grid.useBreakpoint().sm;
  const fund = useQuery({ queryKey: [...keys.fund.year(year), kind], queryFn: () => getFund(year, kind) });
  const commitments = useQuery({ queryKey: [...keys.fund.year(year), 'commitments'], queryFn: () => listCommitments(year), enabled: kind === 'tdkt' });
  const entries = useQuery({ queryKey: [...keys.fund.year(year), kind, 'entries', entryKind], queryFn: () => listEntries(year, kind, entryKind) });
  const [configForm] = Form.useForm<{ capBasis: string | null; basisAmount: number | null }>();
  const [sourceForm] = Form.useForm<SourceValues>();
  const [organisingForm] = Form.useForm<EntryValues>();
  const [payForm] = Form.useForm<PayValues>();
  const f = fund.data;
  const can = (a: NonNullable<typeof f>['abilities'][number]) => f?.abilities.includes(a) ?? false;
  const configure = useAct(
    (v: { capBasis: string | null; basisAmount: number | null }) =>
      configureFund(year, {
        kind,
        capBasis: (v.capBasis ?? null) as (typeof FUND_CAP_BASES)[number] | null,
        basisAmount: v.basisAmount ?? null,
        version: f?.version || undefined,
      }),
    'Đã lưu căn cứ trích lập quỹ.',
    close,
  );
  const source = useAct(
    (v: SourceValues) => addSource(year, { kind, source: v.source, description: v.description, ...entryBody(v) }),
    'Đã ghi nguồn quỹ.',
    close,
  );
  const organising = useAct(
    (v: EntryValues) => spendOnOrganising(year, { description: v.description, ...entryBody(v) }),
    'Đã ghi khoản chi tổ chức phong trào.',
    close,
  );
  const payM = useAct(
    (v: PayValues) =>
      pay(year, {
        kind,
        commitmentId: dialog === 'pay' ? paying?.id : undefined,
        payee: v.payee,
        description: v.description || null,
        ...entryBody(v),
        voucher: v.voucher ?? '',
      }),
    'Đã ghi khoản chi.',
    close,
  );
  const years = [0, 1, 2, 3, 4, 5].map((i) => Number(todayVn().slice(0, 4)) - i);
  const organisingShare = f ? Math.round(f.organisingCap.share * 100) : 0;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ maxWidth: '100%' }}>
        <Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `Năm ${y}` }))} data-testid="fund-year" />
        {/* On a phone the two long fund names stand one above the other instead of running off the screen. */}
        <Segmented
          value={kind}
          onChange={(v) => setKind(v)}
          orientation={phone ? 'vertical' : 'horizontal'}
          options={FUND_KINDS.map((k) => ({ value: k, label: FUND_KIND_LABELS[k] }))}
          data-testid="fund-kind"
        />
      </Space>
      <Space wrap>
        {can('configure') ? (
          <Button
            onClick={() => open('configure', configForm, { capBasis: f?.capBasis ?? null, basisAmount: f?.basisAmount ?? null })}
            data-testid="fund-configure"
          >
            Căn cứ trích lập
          </Button>
        ) : null}
        {can('addSource') ? (
          <Button type="primary" onClick={() => open('source', sourceForm, { source: 'budget', entryDate: today() })} data-testid="add-source">
            Ghi nguồn quỹ
          </Button>
        ) : null}
        {kind === 'tdkt' && can('spendOrganising') ? (
          <Button onClick={() => open('organising', organisingForm, { entryDate: today() })} data-testid="fund-organising">
            Chi tổ chức phong trào
          </Button>
        ) : null}
        {kind === 'bonus' && can('pay') ? (
          <Button onClick={() => open('payOther', payForm, { entryDate: today() })} data-testid="fund-pay-other">
            Chi thưởng
          </Button>
        ) : null}
        {can('export') ? <ExportButton download={() => exportLedger(year, kind)} label="Xuất sổ quỹ (Excel)" /> : null}
      </Space>
      {f && !f.id ? (
        <Alert type="info" showIcon message={`Chưa có sổ ${f.kindLabel.toLocaleLowerCase('vi')} năm ${year}: ghi nguồn quỹ hoặc căn cứ trích lập để mở sổ.`} />
      ) : null}
      {f ? (
        <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} data-testid="fund-totals">
          <Descriptions.Item label="Đơn vị">{f.unitName}</Descriptions.Item>
          <Descriptions.Item label="Căn cứ trích lập">{f.capBasisLabel ? `${f.capBasisLabel}: ${vnd(f.basisAmount ?? 0)}` : 'Chưa khai báo'}</Descriptions.Item>
          <Descriptions.Item label="Ngân sách cấp tối đa">
            {f.budgetCap?.cap != null ? `${vnd(f.budgetCap.cap)} (${(f.budgetCap.share * 100).toLocaleString('vi-VN')}%, ${f.budgetCap.article})` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="Ngân sách cấp">{vnd(f.totals.budget)}</Descriptions.Item>
          <Descriptions.Item label="Đóng góp, tài trợ">{vnd(f.totals.contribution)}</Descriptions.Item>
          <Descriptions.Item label="Tiền thưởng theo quyết định">{vnd(f.totals.committed - f.totals.returned)}</Descriptions.Item>
          <Descriptions.Item label="Đã chi thưởng">{vnd(f.totals.paid)}</Descriptions.Item>
          <Descriptions.Item label="Chi tổ chức phong trào">
            {vnd(f.totals.organising)} / tối đa {vnd(f.organisingCap.cap)} ({organisingShare}%, {f.organisingCap.article})
          </Descriptions.Item>
          <Descriptions.Item label="Số dư quỹ">
            <Typography.Text strong data-testid="fund-balance">
              {vnd(f.totals.balance)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="Còn phải chi">{vnd(f.totals.owed)}</Descriptions.Item>
          <Descriptions.Item label="Phải thu hồi (khen thưởng bị hủy bỏ)">{vnd(f.totals.toRecover)}</Descriptions.Item>
        </Descriptions>
      ) : null}
      {kind === 'tdkt' ? (
        <Card size="small" title="Tiền thưởng theo quyết định">
          <Table<FundCommitment>
            {...LIST_TABLE}
            scroll={{ x: 700 }}
            loading={commitments.isLoading}
            dataSource={commitments.data?.items ?? []}
            data-testid="fund-commitments"
            columns={[
              { title: 'Quyết định', dataIndex: 'decisionNumber' },
              { title: 'Người được khen', dataIndex: 'awardeeName' },
              { title: 'Tiền thưởng', dataIndex: 'amount', render: vnd },
              { title: 'Đã chi', dataIndex: 'paid', render: vnd },
              {
                title: 'Tình trạng',
                dataIndex: 'status',
                render: (s: string) =>
                  s === 'returned' ? <Tag color="red">Đã hủy bỏ, hoàn quỹ</Tag> : s === 'paid' ? <Tag color="green">Đã chi</Tag> : <Tag>Còn phải chi</Tag>,
              },
              {
                title: '',
                render: (_: unknown, c) =>
                  can('pay') && c.status === 'open' ? (
                    <Button
                      size="small"
                      onClick={() => {
                        setPaying(c);
                        open('pay', payForm, { amount: c.outstanding, voucher: '', payee: c.awardeeName, entryDate: today() });
                      }}
                      data-testid="fund-pay"
                    >
                      Chi
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
      ) : null}
      <Card
        size="small"
        title="Sổ quỹ"
        extra={
          <Select
            allowClear
            size="small"
            placeholder="Mọi loại dòng"
            aria-label="Loại dòng"
            value={entryKind}
            onChange={(v?: FundEntryKind) => setUrl({ entryKind: v })}
            style={{ width: 180 }}
            data-testid="fund-entry-kind"
            options={FUND_ENTRY_KINDS.map((k) => ({ value: k, label: FUND_ENTRY_KIND_LABELS[k] }))}
          />
        }
      >
        <Table<FundEntry>
          {...LIST_TABLE}
          scroll={{ x: 800 }}
          loading={entries.isLoading}
          dataSource={entries.data?.items ?? []}
          data-testid="fund-entries"
          columns={[
            { title: 'Ngày', dataIndex: 'entryDate', render: fmtDate, width: 100 },
            { title: 'Loại', dataIndex: 'kindLabel' },
            { title: 'Nội dung', render: (_: unknown, e) => [e.description, e.decisionNumber ? `QĐ ${e.decisionNumber}` : null].filter(Boolean).join(' — ') },
            { title: 'Người nhận', dataIndex: 'payee', render: (v: string | null) => v ?? '' },
            { title: 'Chứng từ', dataIndex: 'voucher', render: (v: string | null) => v ?? '' },
            {
              title: 'Thu (+) / chi (−)',
              render: (_: unknown, e) =>
                e.cashEffect === 0 ? (
                  <Typography.Text type="secondary">{vnd(e.amount)} (cam kết)</Typography.Text>
                ) : (
                  <Typography.Text
                    type={e.cashEffect < 0 ? 'danger' : 'success'}
                  >{`${e.cashEffect > 0 ? '+' : '−'}${vnd(Math.abs(e.cashEffect))}`}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>

      <ActModal open={dialog === 'configure'} title="Căn cứ trích lập quỹ" onCancel={close} form={configForm} act={configure} okTestId="fund-configure-ok">
        <Form.Item name="capBasis" label="Căn cứ">
          <Select allowClear options={FUND_CAP_BASES.map((b) => ({ value: b, label: FUND_CAP_BASIS_LABELS[b] }))} />
        </Form.Item>
        <Form.Item name="basisAmount" label="Số tiền làm căn cứ (đồng)">
          <InputNumber<number> {...money} parser={parseMoney} />
        </Form.Item>
        <Typography.Text type="secondary">
          Mức ngân sách cấp tối đa được tính theo tỷ lệ của quy định (NĐ 152/2025 Điều 46, NĐ 98/2023 Điều 50).
        </Typography.Text>
      </ActModal>
      <ActModal
        open={dialog === 'source'}
        title={`Ghi nguồn — ${FUND_KIND_LABELS[kind]} năm ${year}`}
        onCancel={close}
        form={sourceForm}
        act={source}
        okTestId="fund-source-ok"
      >
        <Form.Item name="source" label="Nguồn">
          <Select
            options={[
              { value: 'budget', label: 'Ngân sách cấp' },
              { value: 'contribution', label: 'Đóng góp, tài trợ' },
            ]}
          />
        </Form.Item>
        <EntryFields description={{ label: 'Nội dung', rule: 'Hãy ghi nội dung.' }} testIds={{ amount: 'source-amount', description: 'source-description' }} />
      </ActModal>
      <ActModal
        open={dialog === 'organising'}
        title="Chi tổ chức phong trào thi đua"
        onCancel={close}
        form={organisingForm}
        act={organising}
        okTestId="fund-organising-ok"
      >
        {f ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={`Tối đa ${organisingShare}% quỹ (${f.organisingCap.article}): còn được chi ${vnd(Math.max(0, f.organisingCap.cap - f.totals.organising))}.`}
          />
        ) : null}
        <EntryFields description={{ label: 'Nội dung chi', rule: 'Hãy ghi nội dung chi.' }} />
      </ActModal>
      <ActModal
        open={dialog === 'pay' || dialog === 'payOther'}
        title={
          dialog === 'pay'
            ? `Chi tiền thưởng: ${paying?.awardeeName ?? ''} (QĐ ${paying?.decisionNumber ?? ''})`
            : `Chi từ ${FUND_KIND_LABELS[kind].toLocaleLowerCase('vi')}`
        }
        onCancel={close}
        form={payForm}
        act={payM}
        okTestId="fund-pay-ok"
      >
        <TextField name="payee" label="Người nhận" max={200} rule="Hãy nhập người nhận." />
        <EntryFields description={{ label: 'Nội dung' }} voucherRequired dateLabel="Ngày chi" testIds={{ amount: 'pay-amount', voucher: 'pay-voucher' }} />
      </ActModal>
    </Space>
  );
}

function ItemsTab() {
  const [date, setDate] = useState<string>(todayVn());
  const { dialog, close, open } = useDialog();
  const stock = useQuery({ queryKey: [...keys.fund.all, 'stock', date], queryFn: () => getStock(date) });
  const moves = useQuery({ queryKey: [...keys.fund.all, 'moves'], queryFn: () => listItemMoves() });
  const write = stock.data?.abilities.includes('write') ?? false;
  const decisions = useQuery({ queryKey: keys.decisions.all, queryFn: listDecisions, enabled: dialog === 'issue' });
  const [moveForm] = Form.useForm<MoveValues>();
  const [issueForm] = Form.useForm<{ decisionId: string; moveDate: Dayjs }>();
  const move = useAct(
    (v: MoveValues) => recordItemMove({ ...v, moveDate: fromDayjs(v.moveDate) ?? '', reason: v.reason || null, reference: v.reference || null }),
    'Đã ghi sổ kho.',
    close,
  );
  const issue = useAct(
    (v: { decisionId: string; moveDate: Dayjs }) => issueItemsForDecision({ decisionId: v.decisionId, moveDate: fromDayjs(v.moveDate) ?? undefined }),
    'Đã cấp phát phôi, hiện vật theo quyết định.',
    close,
  );
  const moveKind = Form.useWatch('move', moveForm);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>Tồn kho tại ngày</span>
        <DatePicker value={dayjs(date)} format="DD/MM/YYYY" allowClear={false} onChange={(d) => setDate(fromDayjs(d) ?? todayVn())} data-testid="stock-date" />
        {write ? (
          <>
            <Button type="primary" onClick={() => open('move', moveForm, { move: 'received', moveDate: today() })} data-testid="item-move">
              Nhập kho / ghi hỏng
            </Button>
            <Button onClick={() => open('issue', issueForm, { moveDate: today() })} data-testid="item-issue">
              Cấp phát theo quyết định
            </Button>
          </>
        ) : null}
      </Space>
      <Table
        rowKey="itemKind"
        size="small"
        scroll={{ x: 600 }}
        pagination={false}
        loading={stock.isLoading}
        dataSource={stock.data?.items ?? []}
        data-testid="stock-table"
        columns={[
          { title: 'Loại', dataIndex: 'label' },
          { title: 'Nhập', dataIndex: 'received' },
          { title: 'Cấp phát', dataIndex: 'issued' },
          { title: 'Hỏng, hủy', dataIndex: 'spoiled' },
          { title: 'Thu hồi', dataIndex: 'recalled' },
          { title: `Tồn ngày ${fmtDate(date)}`, dataIndex: 'stock', render: (n: number) => <Typography.Text strong>{n}</Typography.Text> },
        ]}
      />
      <Card size="small" title="Sổ nhập, xuất">
        <Table
          {...LIST_TABLE}
          scroll={{ x: 700 }}
          loading={moves.isLoading}
          dataSource={moves.data?.items ?? []}
          columns={[
            { title: 'Ngày', dataIndex: 'moveDate', render: fmtDate, width: 100 },
            { title: 'Loại', dataIndex: 'itemLabel' },
            { title: 'Nghiệp vụ', dataIndex: 'moveLabel' },
            { title: 'Số lượng', dataIndex: 'quantity' },
            {
              title: 'Căn cứ',
              render: (_: unknown, m) =>
                [m.decisionNumber ? `QĐ ${m.decisionNumber}` : null, m.certificateNumber ? `sổ vàng ${m.certificateNumber}` : null, m.reference, m.reason]
                  .filter(Boolean)
                  .join(' — '),
            },
          ]}
        />
      </Card>
      <ActModal open={dialog === 'move'} title="Nhập kho hoặc ghi hỏng, hủy" onCancel={close} form={moveForm} act={move}>
        <Form.Item name="itemKind" label="Loại phôi, hiện vật" rules={required('Hãy chọn loại.')}>
          <Select options={AWARD_ITEM_KINDS.map((k) => ({ value: k, label: AWARD_ITEM_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="move" label="Nghiệp vụ">
          <Select
            options={[
              { value: 'received', label: 'Nhập kho' },
              { value: 'spoiled', label: 'Hỏng, hủy (ghi lý do)' },
            ]}
          />
        </Form.Item>
        <Form.Item name="quantity" label="Số lượng" rules={required('Hãy nhập số lượng.')}>
          <InputNumber<number> min={1} max={100000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label="Lý do" rules={moveKind === 'spoiled' ? required('Hãy ghi lý do hỏng, hủy.') : []}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="reference" label="Số chứng từ, phiếu nhập">
          <Input maxLength={200} />
        </Form.Item>
        <DateField name="moveDate" />
      </ActModal>
      <ActModal open={dialog === 'issue'} title="Cấp phát phôi, hiện vật theo quyết định" onCancel={close} form={issueForm} act={issue}>
        <Typography.Paragraph type="secondary">
          Mỗi Giấy khen, Bằng khen đã vào sổ vàng của quyết định nhận một phôi (và hiện vật kèm theo).
        </Typography.Paragraph>
        <Form.Item name="decisionId" label="Quyết định" rules={required('Hãy chọn quyết định.')}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={decisions.isFetching}
            options={(decisions.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.numberText} — ${d.title}` }))}
          />
        </Form.Item>
        <DateField name="moveDate" label="Ngày cấp phát" />
      </ActModal>
    </Space>
  );
}

function ReissueTab({ write }: { write: boolean }) {
  const { dialog, close, open } = useDialog();
  const [current, setCurrent] = useState<ReissueRequest | null>(null);
  const [q, setQ] = useState('');
  const reissues = useQuery({ queryKey: [...keys.fund.all, 'reissues'], queryFn: () => listReissues() });
  const certs = useQuery({
    queryKey: keys.certificates.list(undefined, q),
    queryFn: () => listCertificates({ q: q || undefined }),
    enabled: dialog === 'reissue',
  });
  const [form] = Form.useForm<ReissueValues>();
  const [answerForm] = Form.useForm<{ answer?: string }>();
  const create = useAct(
    (v: ReissueValues) => createReissue({ ...v, receivedDate: fromDayjs(v.receivedDate) ?? undefined }),
    'Đã nhận đề nghị; hạn giải quyết được đưa vào lịch.',
    close,
  );
  const grant = useAct((v: { answer?: string }) => grantReissue(current!.id, v.answer || null), 'Đã cấp; bản cũ được thu hồi trong sổ vàng.', close);
  const refuse = useAct((v: { answer?: string }) => refuseReissue(current!.id, v.answer ?? ''), 'Đã từ chối đề nghị.', close);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {write ? (
        <Button type="primary" onClick={() => open('reissue', form, { kind: 'cap_lai', receivedDate: today() })} data-testid="reissue-new">
          Nhận đề nghị cấp lại, cấp đổi
        </Button>
      ) : null}
      <Table<ReissueRequest>
        {...LIST_TABLE}
        scroll={{ x: 800 }}
        loading={reissues.isLoading}
        dataSource={reissues.data?.items ?? []}
        columns={[
          { title: 'Loại', dataIndex: 'kindLabel' },
          { title: 'Người đề nghị', dataIndex: 'requesterName' },
          {
            title: 'Bản cũ',
            render: (_: unknown, r) => `${r.oldCertificate.registerNumber} — ${r.oldCertificate.honorLabel}, ${r.oldCertificate.recipientName}`,
          },
          { title: 'Bản mới', render: (_: unknown, r) => r.newCertificate?.registerNumber ?? '' },
          { title: 'Ngày nhận', dataIndex: 'receivedDate', render: fmtDate },
          {
            title: 'Hạn',
            dataIndex: 'dueDate',
            render: (d: string, r) => (
              <Typography.Text type={r.overdue ? 'danger' : undefined} title={r.limitArticle}>
                {fmtDate(d)}
              </Typography.Text>
            ),
          },
          { title: 'Trạng thái', render: (_: unknown, r) => (r.answer ? `${r.statusLabel}: ${r.answer}` : r.statusLabel) },
          {
            title: '',
            render: (_: unknown, r) => (
              <Space>
                {r.abilities.includes('issue') ? (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => {
                      setCurrent(r);
                      open('grant', answerForm);
                    }}
                  >
                    Cấp
                  </Button>
                ) : null}
                {r.abilities.includes('refuse') ? (
                  <Button
                    size="small"
                    danger
                    onClick={() => {
                      setCurrent(r);
                      open('refuse', answerForm);
                    }}
                  >
                    Từ chối
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <ActModal open={dialog === 'reissue'} title="Nhận đề nghị cấp lại, cấp đổi" onCancel={close} form={form} act={create}>
        <Form.Item name="certificateId" label="Giấy khen, Bằng khen trong sổ vàng" rules={required('Hãy chọn Giấy khen/Bằng khen.')}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            loading={certs.isFetching}
            placeholder="Gõ tên người được khen hoặc số sổ vàng"
            options={(certs.data?.items ?? [])
              .filter((c) => !c.revoked)
              .map((c) => ({ value: c.id, label: `${c.registerNumber} — ${c.honorLabel}, ${c.recipientName} (QĐ ${c.decisionNumber})` }))}
          />
        </Form.Item>
        <Form.Item name="kind" label="Đề nghị">
          <Select options={REISSUE_KINDS.map((k) => ({ value: k, label: REISSUE_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="requesterName" label="Người đề nghị" rules={required('Hãy nhập người đề nghị.')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="reason" label="Lý do" rules={required('Hãy ghi lý do đề nghị.')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <DateField name="receivedDate" label="Ngày nhận" />
      </ActModal>
      <ActModal
        open={dialog === 'grant' || dialog === 'refuse'}
        title={dialog === 'grant' ? `Cấp ${current?.kindLabel.toLocaleLowerCase('vi') ?? ''} cho ${current?.requesterName ?? ''}` : 'Từ chối đề nghị'}
        okText={dialog === 'grant' ? 'Cấp' : 'Từ chối'}
        onCancel={close}
        form={answerForm}
        act={dialog === 'grant' ? grant : refuse}
      >
        <Form.Item name="answer" label={dialog === 'grant' ? 'Ghi chú' : 'Lý do từ chối'} rules={dialog === 'refuse' ? required('Hãy ghi lý do từ chối.') : []}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </ActModal>
    </Space>
  );
}

export function FundPage() {
  const [url, setUrl] = useUrlFilter(['year'] as const);
  const year = yearParam(url.year) ?? Number(todayVn().slice(0, 4));
  const setYear = (y: number) => setUrl({ year: y });
  const stock = useQuery({ queryKey: [...keys.fund.all, 'stock', todayVn()], queryFn: () => getStock(todayVn()) });
  return (
    <>
      <PageHeader
        title="Quỹ thi đua, khen thưởng và hiện vật"
        subtitle="Nguồn quỹ, tiền thưởng theo quyết định, chi, hoàn lại; kho phôi, hiện vật; cấp lại, cấp đổi"
      />
      <Card size="small">
        <Tabs
          items={[
            { key: 'fund', label: 'Quỹ', children: <FundTab year={year} setYear={setYear} /> },
            { key: 'stock', label: 'Kho phôi, hiện vật', children: <ItemsTab /> },
            { key: 'reissue', label: 'Cấp lại, cấp đổi', children: <ReissueTab write={stock.data?.abilities.includes('write') ?? false} /> },
          ]}
        />
      </Card>
    </>
  );
}
