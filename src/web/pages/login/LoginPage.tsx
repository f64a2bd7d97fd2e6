import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router-dom';
import { login } from '../../api/auth';
import { errorText } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { HEADER_BG } from '../../components/AppLayout';

interface LoginForm {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const from = (location.state as { from?: string } | null)?.from;

  const mutation = useMutation({
    mutationFn: (v: LoginForm) => login(v.username.trim(), v.password),
    onSuccess: (session) => {
      setError(null);
      signIn(session);
      const target = session.user.mustChangePassword ? '/doi-mat-khau' : from && from !== '/dang-nhap' ? from : '/';
      void navigate(target, { replace: true });
    },
    onError: (err) => setError(errorText(err)),
  });

  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', background: '#f3f4f6' }}>
      <div style={{ background: HEADER_BG, height: 6 }} />
      <div style={{ flex: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 24 }}>
        <div style={{ width: 400, maxWidth: '100%' }}>
          <div style={{ textAlign: 'center', marginBottom: 24 }}>
            <div
              style={{
                width: 64,
                height: 64,
                borderRadius: 12,
                background: HEADER_BG,
                display: 'inline-flex',
                alignItems: 'center',
                justifyContent: 'center',
                marginBottom: 12,
              }}
            >
              <span style={{ color: '#fadb14', fontSize: 36, lineHeight: 1 }}>★</span>
            </div>
            <Typography.Title level={3} style={{ margin: 0, color: HEADER_BG }}>
              TĐKT – Thi đua, Khen thưởng
            </Typography.Title>
            <Typography.Text type="secondary">Hệ thống quản lý công tác thi đua, khen thưởng</Typography.Text>
          </div>
          <Card title="Đăng nhập" variant="outlined">
            {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
            <Form<LoginForm> layout="vertical" onFinish={(v) => mutation.mutate(v)} requiredMark={false} disabled={mutation.isPending}>
              <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, whitespace: true, message: 'Hãy nhập tên đăng nhập.' }]}>
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" data-testid="login-username" />
              </Form.Item>
              <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Hãy nhập mật khẩu.' }]}>
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" data-testid="login-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending} data-testid="login-submit">
                Đăng nhập
              </Button>
            </Form>
          </Card>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16, fontSize: 12 }}>
            Quên mật khẩu? Hãy liên hệ quản trị hệ thống của cơ quan để được đặt lại.
          </Typography.Paragraph>
        </div>
      </div>
    </div>
  );
}
