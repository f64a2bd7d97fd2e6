import { FormModal } from '../../components/FormModal';
import { App, Button, Card, Form, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { KeyOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createAccount, listAccounts, resetAccountPassword, updateAccount } from '../../api/accounts';
import { errorText } from '../../api/client';
import type { Account } from '../../api/accounts';
import { useUser } from '../../auth/AuthContext';
import { ROLES, ROLE_LABELS, type Role } from '../../../shared/codes';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorAlert } from '../../components/PageStates';
import { PersonPicker } from '../../components/PersonPicker';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { fmtDateTime } from '../../lib/format';
import { useDebounced } from '../../lib/hooks';
import { passwordRule } from '../../lib/validation';
import { keys } from '../../api/keys';

interface AccountValues {
  username?: string;
  password?: string;
  displayName: string;
  role: Role;
  unitId: string;
  personId?: string | null;
  active?: boolean;
}

type Target = { mode: 'create' } | { mode: 'edit'; account: Account };

function AccountModal({ target, onClose }: { target: Target | null; onClose: () => void }) {
  const [form] = Form.useForm<AccountValues>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    setError(null);
    form.resetFields();
    if (target.mode === 'edit') {
      const a = target.account;
      form.setFieldsValue({ displayName: a.displayName, role: a.role, unitId: a.unitId, personId: a.personId, active: a.active });
    } else form.setFieldsValue({ role: 'staff' });
  }, [target, form]);
  const mutation = useMutation({
    mutationFn: (v: AccountValues) => {
      const common = { displayName: v.displayName.trim(), role: v.role, unitId: v.unitId, personId: v.personId ?? null };
      if (target?.mode === 'edit') return updateAccount(target.account.id, { ...common, active: v.active ?? true });
      return createAccount({ ...common, username: (v.username ?? '').trim(), password: v.password ?? '' });
    },
    onSuccess: async (a) => {
      message.success(target?.mode === 'edit' ? `Đã lưu tài khoản ${a.username}.` : `Đã tạo tài khoản ${a.username}.`);
      await qc.invalidateQueries({ queryKey: keys.accounts.all });
      onClose();
    },
    onError: (err) => setError(errorText(err)),
  });
  const creating = target?.mode === 'create';
  return (
    <FormModal<AccountValues>
      open={!!target}
      title={creating ? 'Tạo tài khoản' : `Sửa tài khoản ${target?.mode === 'edit' ? target.account.username : ''}`}
      okText={creating ? 'Tạo tài khoản' : 'Lưu'}
      onCancel={onClose}
      form={form}
      onFinish={(v) => mutation.mutate(v)}
      pending={mutation.isPending}
      error={error}
      okTestId="account-submit"
      width={600}
    >
      {creating ? (
        <>
          <Form.Item
            label="Tên đăng nhập"
            name="username"
            rules={[
              { required: true, message: 'Hãy nhập tên đăng nhập.' },
              { min: 3, message: 'Tên đăng nhập phải có ít nhất 3 ký tự.' },
              { max: 50, message: 'Tên đăng nhập quá dài.' },
              { pattern: /^[a-zA-Z0-9._-]+$/, message: 'Tên đăng nhập chỉ gồm chữ không dấu, số và . _ -' },
            ]}
          >
            <Input autoComplete="off" placeholder="Ví dụ: nguyenvana" data-testid="account-username" />
          </Form.Item>
          <Form.Item
            label="Mật khẩu ban đầu"
            name="password"
            rules={[{ required: true, message: 'Hãy nhập mật khẩu.' }, passwordRule]}
            extra="Người dùng sẽ phải đổi mật khẩu ở lần đăng nhập đầu tiên."
          >
            <Input.Password autoComplete="new-password" data-testid="account-password" />
          </Form.Item>
        </>
      ) : null}
      <Form.Item
        label="Tên hiển thị"
        name="displayName"
        rules={[
          { required: true, whitespace: true, message: 'Hãy nhập tên hiển thị.' },
          { min: 2, message: 'Tên hiển thị phải có ít nhất 2 ký tự.' },
        ]}
      >
        <Input data-testid="account-display-name" />
      </Form.Item>
      <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: 'Hãy chọn vai trò.' }]}>
        <Select options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} data-testid="account-role" />
      </Form.Item>
      <Form.Item
        label="Đơn vị"
        name="unitId"
        rules={[{ required: true, message: 'Hãy chọn đơn vị.' }]}
        extra="Tài khoản thấy dữ liệu của đơn vị này và các đơn vị trực thuộc."
      >
        <UnitTreeSelect data-testid="account-unit" />
      </Form.Item>
      <Form.Item label="Gắn với hồ sơ cán bộ" name="personId" extra="Bắt buộc với vai trò Cá nhân để người dùng xem được hồ sơ của mình.">
        <PersonPicker initialLabel={target?.mode === 'edit' ? target.account.displayName : undefined} />
      </Form.Item>
      {!creating ? (
        <Form.Item label="Cho phép đăng nhập" name="active" valuePropName="checked">
          <Switch checkedChildren="Có" unCheckedChildren="Không" />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

function ResetPasswordModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const [form] = Form.useForm<{ newPassword: string }>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (account) {
      setError(null);
      form.resetFields();
    }
  }, [account, form]);
  const mutation = useMutation({
    mutationFn: (v: { newPassword: string }) => resetAccountPassword(account?.id ?? '', v.newPassword),
    onSuccess: async () => {
      message.success(`Đã đặt lại mật khẩu cho ${account?.username ?? ''}. Người dùng phải đổi mật khẩu khi đăng nhập.`);
      await qc.invalidateQueries({ queryKey: keys.accounts.all });
      onClose();
    },
    onError: (err) => setError(errorText(err)),
  });
  return (
    <FormModal
      open={!!account}
      title={`Đặt lại mật khẩu: ${account?.username ?? ''}`}
      okText="Đặt lại"
      onCancel={onClose}
      form={form}
      onFinish={(v) => mutation.mutate(v)}
      pending={mutation.isPending}
      error={error}
    >
      <Form.Item
        label="Mật khẩu mới"
        name="newPassword"
        rules={[{ required: true, message: 'Hãy nhập mật khẩu mới.' }, passwordRule]}
        extra="Ít nhất 8 ký tự, có cả chữ và số. Tài khoản bị khóa sẽ được mở khóa."
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}

export default function AccountsPage() {
  const user = useUser();
  const [target, setTarget] = useState<Target | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const [search, setSearch] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 50 });
  // The server searches and pages (a province has thousands of accounts).
  const q = useDebounced(search.trim(), 350);
  const accounts = useQuery({
    queryKey: keys.accounts.list({ q, ...paging }),
    queryFn: () => listAccounts({ q: q || undefined, ...paging }),
    placeholderData: keepPreviousData,
  });
  useEffect(() => setPaging((p) => ({ ...p, page: 1 })), [q]);
  const canCreate = user.abilities.account.includes('create');
  const items = accounts.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Tài khoản"
        subtitle="Tài khoản người dùng, vai trò và đơn vị làm việc."
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create' })} data-testid="account-add">
              Tạo tài khoản
            </Button>
          ) : undefined
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="Tìm theo tên đăng nhập, tên, đơn vị…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 380 }}
        />
      </Card>
      {accounts.isError ? (
        <ErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : (
        <Table<Account>
          rowKey="id"
          loading={accounts.isPending}
          dataSource={items}
          pagination={{ current: paging.page, pageSize: paging.pageSize, total: accounts.data?.total ?? 0, hideOnSinglePage: true }}
          onChange={(p) => setPaging({ page: p.current ?? 1, pageSize: p.pageSize ?? 50 })}
          data-testid="accounts-table"
          scroll={{ x: 1160 }}
          locale={{
            emptyText: accounts.isPending ? <span /> : <EmptyBlock text={search ? 'Không có tài khoản nào khớp từ khóa.' : 'Chưa có tài khoản nào.'} />,
          }}
          columns={[
            { title: 'Tên đăng nhập', dataIndex: 'username', width: 130, render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: 'Tên hiển thị', dataIndex: 'displayName', width: 200 },
            { title: 'Vai trò', dataIndex: 'roleLabel', width: 200 },
            { title: 'Đơn vị', dataIndex: 'unitName', ellipsis: true, render: (v: string | null) => v ?? '—' },
            {
              title: 'Trạng thái',
              key: 'status',
              width: 120,
              render: (_: unknown, a) => (
                <Space size={4} wrap>
                  {a.active ? <Tag color="green">Hoạt động</Tag> : <Tag>Đã khóa</Tag>}
                  {a.locked ? <Tag color="red">Tạm khóa do sai mật khẩu</Tag> : null}
                </Space>
              ),
            },
            { title: 'Đăng nhập gần nhất', dataIndex: 'lastLoginAt', width: 140, render: (v: string | null) => (v ? fmtDateTime(v) : 'Chưa đăng nhập') },
            {
              title: 'Thao tác',
              key: 'actions',
              width: 190,
              fixed: 'right',
              render: (_: unknown, a) => (
                <Space>
                  {a.abilities.includes('update') ? <Typography.Link onClick={() => setTarget({ mode: 'edit', account: a })}>Sửa</Typography.Link> : null}
                  {a.abilities.includes('resetPassword') ? (
                    <Typography.Link onClick={() => setResetting(a)}>
                      <KeyOutlined /> Đặt lại mật khẩu
                    </Typography.Link>
                  ) : null}
                  {!a.abilities.includes('update') && !a.abilities.includes('resetPassword') ? (
                    <Typography.Text type="secondary">Chỉ xem</Typography.Text>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      )}
      <AccountModal target={target} onClose={() => setTarget(null)} />
      <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
