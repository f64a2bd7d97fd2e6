import { Alert, Button, Card, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { App } from 'antd';
import { useState } from 'react';
import { changePassword } from '../../api/auth';
import { errorText } from '../../api/client';
import { useAuth, useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { passwordRule } from '../../lib/validation';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function ChangePasswordPage() {
  const user = useUser();
  const { refresh } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (v: PasswordForm) => changePassword(v.currentPassword, v.newPassword),
    onSuccess: async () => {
      setError(null);
      form.resetFields();
      message.success('Đã đổi mật khẩu.');
      await refresh();
      void navigate('/');
    },
    onError: (err) => setError(errorText(err)),
  });

  return (
    <>
      <PageHeader title="Đổi mật khẩu" subtitle={`Tài khoản ${user.username}`} />
      <Card style={{ maxWidth: 520 }}>
        {user.mustChangePassword ? (
          <Alert type="warning" showIcon title="Bạn cần đổi mật khẩu trước khi tiếp tục sử dụng hệ thống." style={{ marginBottom: 16 }} />
        ) : null}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form<PasswordForm> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} disabled={mutation.isPending}>
          <Form.Item label="Mật khẩu hiện tại" name="currentPassword" rules={[{ required: true, message: 'Hãy nhập mật khẩu hiện tại.' }]}>
            <Input.Password autoComplete="current-password" data-testid="password-current" />
          </Form.Item>
          <Form.Item
            label="Mật khẩu mới"
            name="newPassword"
            rules={[{ required: true, message: 'Hãy nhập mật khẩu mới.' }, passwordRule]}
            extra="Ít nhất 8 ký tự, có cả chữ và số."
          >
            <Input.Password autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            label="Nhập lại mật khẩu mới"
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: 'Hãy nhập lại mật khẩu mới.' },
              ({ getFieldValue }) => ({
                validator: (_, value: string) =>
                  !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error('Hai mật khẩu mới không khớp.')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="password-submit">
            Đổi mật khẩu
          </Button>
        </Form>
      </Card>
    </>
  );
}
