/**
 * Ký số: every signed-in user verifies a signed PDF; the administrator registers signers'
 * certificates (a PKCS#12 file with its password, or the certificate of a USB token), their
 * signature or seal images, and the trust store (roots, intermediates, CRLs).
 */
import { Alert, App, Button, Card, Form, Input, InputNumber, Popconfirm, Radio, Select, Space, Table, Tag, Upload } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorText } from '../../api/client';
import {
  addCredential,
  addTrust,
  addTrustSource,
  disableCredential,
  getSigningPolicy,
  setSigningPolicy,
  listCredentials,
  listTrust,
  removeTrust,
  setCredentialImage,
  signingAbilities,
  verifyPdf,
  type SigningCredential,
  type SignatureVerification,
  type TrustEntry,
} from '../../api/signing';
import { useUser } from '../../auth/AuthContext';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { PersonPicker } from '../../components/PersonPicker';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { fmtDate } from '../../lib/format';
import { VerificationResult } from '../dossiers/DecisionSignatures';

/** One file chosen with Upload, kept in the form (never sent by Upload itself). */
function FilePick({ value, onChange, accept, testId }: { value?: File; onChange?: (f: File | undefined) => void; accept: string; testId: string }) {
  return (
    <Upload
      accept={accept}
      maxCount={1}
      beforeUpload={(f) => {
        onChange?.(f);
        return false;
      }}
      onRemove={() => onChange?.(undefined)}
      fileList={value ? [{ uid: '1', name: value.name, status: 'done' }] : []}
    >
      <Button icon={<UploadOutlined />} data-testid={testId}>
        Chọn tệp
      </Button>
    </Upload>
  );
}

function VerifyCard() {
  const [result, setResult] = useState<SignatureVerification | null>(null);
  const { message } = App.useApp();
  const verify = useMutation({ mutationFn: verifyPdf, onSuccess: setResult, onError: (e) => message.error(errorText(e)) });
  return (
    <Card title="Kiểm tra chữ ký số của một văn bản (PDF)" size="small" style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Upload
          accept="application/pdf,.pdf"
          showUploadList={false}
          beforeUpload={(f) => {
            setResult(null);
            verify.mutate(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={verify.isPending} data-testid="verify-upload">
            Chọn tệp PDF để kiểm tra
          </Button>
        </Upload>
        {result ? <VerificationResult v={result} /> : null}
      </Space>
    </Card>
  );
}

interface CredentialValues {
  kind: 'personal' | 'organisation';
  custody: 'server' | 'token' | 'remote';
  unitId: string;
  providerUrl?: string;
  providerKeyId?: string;
  apiKey?: string;
  personId?: string;
  label: string;
  password?: string;
  sealMm?: number;
  file: File;
  image?: File;
}

function CredentialsCard() {
  const user = useUser();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CredentialValues>();
  const kind = Form.useWatch('kind', form);
  const custody = Form.useWatch('custody', form);
  const q = useQuery({ queryKey: ['signing-credentials'], queryFn: listCredentials });
  const refresh = () => qc.invalidateQueries({ queryKey: ['signing-credentials'] });
  const add = useMutation({
    mutationFn: async (v: CredentialValues) => {
      const c = await addCredential(
        {
          kind: v.kind,
          custody: v.custody,
          unitId: v.unitId,
          personId: v.personId,
          label: v.label,
          password: v.custody === 'server' ? v.password : undefined,
          sealMm: v.sealMm ? String(v.sealMm) : undefined,
          ...(v.custody === 'remote' ? { providerUrl: v.providerUrl, providerKeyId: v.providerKeyId, apiKey: v.apiKey } : {}),
        },
        v.file,
      );
      if (v.image) await setCredentialImage(c.id, v.image, v.sealMm ? String(v.sealMm) : undefined);
      return c;
    },
    onSuccess: async (c) => {
      message.success(`Đã thêm chứng thư số của ${c.commonName}.`);
      setOpen(false);
      await refresh();
    },
  });
  const image = useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => setCredentialImage(id, file),
    onSuccess: async () => {
      message.success('Đã cập nhật hình ảnh.');
      await refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const disable = useMutation({
    mutationFn: disableCredential,
    onSuccess: async () => {
      message.success('Đã ngừng sử dụng chứng thư số.');
      await refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Card
      title="Chứng thư số ký văn bản"
      size="small"
      style={{ marginBottom: 16 }}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="credential-new"
          onClick={() => {
            form.resetFields();
            form.setFieldsValue({ kind: 'personal', custody: 'server', unitId: user.unitId, sealMm: 36 });
            setOpen(true);
          }}
        >
          Thêm chứng thư số
        </Button>
      }
    >
      <Table<SigningCredential>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="credentials-table"
        columns={[
          { title: 'Tên', dataIndex: 'label', width: 240, render: (v: string, c) => (c.disabled ? <s>{v}</s> : v) },
          { title: 'Loại', dataIndex: 'kindLabel', width: 170 },
          { title: 'Chủ thể (CN)', dataIndex: 'commonName', width: 200 },
          { title: 'Cấp bởi', dataIndex: 'issuer', width: 190 },
          {
            title: 'Hiệu lực',
            key: 'v',
            width: 190,
            render: (_, c) => (
              <>
                {fmtDate(c.notBefore)} – {fmtDate(c.notAfter)} {c.expired ? <Tag color="red">Hết hạn</Tag> : null}
                {c.disabled ? <Tag>Ngừng dùng</Tag> : null}
              </>
            ),
          },
          { title: 'Giữ khóa', dataIndex: 'custodyLabel', width: 170 },
          {
            title: 'Hình ảnh',
            key: 'img',
            width: 170,
            render: (_, c) => (
              <Space>
                {c.hasImage ? <Tag color="green">Có</Tag> : <Tag color="orange">Chưa có</Tag>}
                {!c.disabled ? (
                  <Upload
                    accept="image/png"
                    showUploadList={false}
                    beforeUpload={(f) => {
                      image.mutate({ id: c.id, file: f });
                      return false;
                    }}
                  >
                    <Button size="small">Tải PNG</Button>
                  </Upload>
                ) : null}
              </Space>
            ),
          },
          {
            title: '',
            key: 'a',
            width: 120,
            render: (_, c) =>
              c.disabled ? null : (
                <Popconfirm title="Ngừng sử dụng chứng thư số này?" okText="Ngừng" cancelText="Không" onConfirm={() => disable.mutate(c.id)}>
                  <Button size="small" danger>
                    Ngừng dùng
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <FormModal<CredentialValues>
        open={open}
        title="Thêm chứng thư số"
        okText="Thêm"
        onCancel={() => setOpen(false)}
        form={form}
        onFinish={(v) => add.mutate(v)}
        pending={add.isPending}
        error={add.isError ? errorText(add.error) : null}
        okTestId="credential-ok"
        width={640}
      >
        <Form.Item name="kind" label="Loại">
          <Radio.Group
            options={[
              { value: 'personal', label: 'Cá nhân (người có thẩm quyền ký)' },
              { value: 'organisation', label: 'Cơ quan (con dấu)' },
            ]}
          />
        </Form.Item>
        <Form.Item name="custody" label="Khóa bí mật">
          <Radio.Group
            options={[
              { value: 'server', label: 'Tệp PKCS#12 (.p12, .pfx), lưu mã hóa trên máy chủ' },
              { value: 'token', label: 'Trên thiết bị ký (USB token): chỉ tải chứng thư .cer' },
              { value: 'remote', label: 'Dịch vụ ký số từ xa (API của nhà cung cấp): chứng thư .cer và khóa API' },
            ]}
          />
        </Form.Item>
        <Form.Item name="unitId" label="Cơ quan, đơn vị" rules={[{ required: true, message: 'Chọn cơ quan, đơn vị' }]}>
          <UnitTreeSelect />
        </Form.Item>
        {kind === 'personal' ? (
          <Form.Item name="personId" label="Người ký" rules={[{ required: true, message: 'Chọn người ký' }]}>
            <PersonPicker />
          </Form.Item>
        ) : (
          <Form.Item name="sealMm" label="Đường kính con dấu thật (mm)">
            <InputNumber min={20} max={60} />
          </Form.Item>
        )}
        <Form.Item name="label" label="Tên gợi nhớ" rules={[{ required: true, min: 3, message: 'Đặt tên gợi nhớ (ít nhất 3 ký tự)' }]}>
          <Input maxLength={200} data-testid="credential-label" />
        </Form.Item>
        <Form.Item
          name="file"
          label={custody !== 'server' ? 'Chứng thư số (.cer, .crt, .pem)' : 'Tệp PKCS#12 (.p12, .pfx)'}
          rules={[{ required: true, message: 'Chọn tệp' }]}
        >
          <FilePick accept={custody !== 'server' ? '.cer,.crt,.pem,.der' : '.p12,.pfx'} testId="credential-file" />
        </Form.Item>
        {custody === 'remote' ? (
          <>
            <Form.Item
              name="providerUrl"
              label="Địa chỉ dịch vụ ký số từ xa"
              rules={[{ required: true, pattern: /^https?:\/\//u, message: 'Nhập địa chỉ bắt đầu bằng http:// hoặc https://' }]}
            >
              <Input maxLength={500} placeholder="https://ky-so.nha-cung-cap.vn/api/sign" data-testid="credential-provider-url" />
            </Form.Item>
            <Form.Item name="providerKeyId" label="Mã khóa ký tại nhà cung cấp" rules={[{ required: true, message: 'Nhập mã khóa ký' }]}>
              <Input maxLength={200} data-testid="credential-provider-key" />
            </Form.Item>
            <Form.Item
              name="apiKey"
              label="Khóa API"
              rules={[{ required: true, message: 'Nhập khóa API do nhà cung cấp cấp' }]}
              extra="Khóa API được mã hóa bằng khóa bí mật của máy chủ; khi ký, máy chủ chỉ gửi giá trị băm của văn bản."
            >
              <Input.Password autoComplete="new-password" data-testid="credential-api-key" />
            </Form.Item>
          </>
        ) : null}
        {custody === 'server' ? (
          <Form.Item
            name="password"
            label="Mật khẩu của tệp"
            rules={[{ required: true, message: 'Nhập mật khẩu của tệp' }]}
            extra="Mật khẩu được mã hóa bằng khóa bí mật của máy chủ, không lưu dạng đọc được."
          >
            <Input.Password autoComplete="new-password" data-testid="credential-password" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="image"
          label={kind === 'personal' ? 'Hình ảnh chữ ký (PNG màu xanh, nền trong suốt)' : 'Hình ảnh con dấu (PNG màu đỏ, nền trong suốt)'}
          extra="Có thể tải sau. NĐ 30/2020, Phụ lục I: chữ ký đặt giữa chức vụ và họ tên; con dấu trùm 1/3 chữ ký về bên trái."
        >
          <FilePick accept="image/png" testId="credential-image" />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

interface TrustValues {
  kind: 'anchor' | 'intermediate' | 'crl' | 'crl_url' | 'ocsp_url';
  label: string;
  file?: File;
  url?: string;
}

function TrustCard() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TrustValues>();
  const trustKind = Form.useWatch('kind', form);
  const online = trustKind === 'crl_url' || trustKind === 'ocsp_url';
  const q = useQuery({ queryKey: ['signing-trust'], queryFn: listTrust });
  const refresh = () => qc.invalidateQueries({ queryKey: ['signing-trust'] });
  const add = useMutation({
    mutationFn: (v: { kind: string; label: string; file?: File; url?: string }) =>
      v.kind === 'crl_url' || v.kind === 'ocsp_url'
        ? addTrustSource({ kind: v.kind, label: v.label, url: v.url ?? '' })
        : addTrust({ kind: v.kind, label: v.label }, v.file!),
    onSuccess: async () => {
      message.success('Đã thêm.');
      setOpen(false);
      await refresh();
    },
  });
  const remove = useMutation({ mutationFn: removeTrust, onSuccess: refresh, onError: (e) => message.error(errorText(e)) });
  return (
    <Card
      title="Chứng thư tin cậy và danh sách thu hồi"
      size="small"
      extra={
        <Button
          icon={<PlusOutlined />}
          data-testid="trust-new"
          onClick={() => {
            form.resetFields();
            form.setFieldsValue({ kind: 'anchor' });
            setOpen(true);
          }}
        >
          Thêm
        </Button>
      }
    >
      {q.data && q.data.total === 0 ? (
        <Alert
          type="warning"
          showIcon
          title="Chưa có chứng thư gốc tin cậy: mọi chữ ký số sẽ được báo là không xác định được nguồn cấp."
          style={{ marginBottom: 8 }}
        />
      ) : null}
      <Table<TrustEntry>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={false}
        scroll={{ x: 700 }}
        columns={[
          { title: 'Loại', dataIndex: 'kindLabel', width: 200 },
          { title: 'Tên', dataIndex: 'label', width: 220 },
          { title: 'Chủ thể', dataIndex: 'subject' },
          {
            title: '',
            key: 'a',
            width: 80,
            render: (_, t) => (
              <Popconfirm title="Xóa mục này?" okText="Xóa" cancelText="Không" onConfirm={() => remove.mutate(t.id)}>
                <Button size="small" danger>
                  Xóa
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <FormModal<TrustValues>
        open={open}
        title="Thêm chứng thư tin cậy, CRL hoặc nguồn kiểm tra thu hồi"
        okText="Thêm"
        onCancel={() => setOpen(false)}
        form={form}
        onFinish={(v) => add.mutate(v)}
        pending={add.isPending}
        error={add.isError ? errorText(add.error) : null}
      >
        <Form.Item name="kind" label="Loại">
          <Select
            data-testid="trust-kind"
            options={[
              { value: 'anchor', label: 'Chứng thư gốc tin cậy (Ban Cơ yếu Chính phủ, CA công cộng)' },
              { value: 'intermediate', label: 'Chứng thư trung gian' },
              { value: 'crl', label: 'Danh sách chứng thư bị thu hồi (CRL)' },
              { value: 'crl_url', label: 'Địa chỉ tải CRL (tải lại khi hết hạn)' },
              { value: 'ocsp_url', label: 'Máy chủ OCSP (kiểm tra thu hồi trực tuyến)' },
            ]}
          />
        </Form.Item>
        <Form.Item name="label" label="Tên gợi nhớ" rules={[{ required: true, min: 3, message: 'Đặt tên gợi nhớ (ít nhất 3 ký tự)' }]}>
          <Input maxLength={200} />
        </Form.Item>
        {online ? (
          <Form.Item
            name="url"
            label="Địa chỉ"
            rules={[{ required: true, pattern: /^https?:\/\//u, message: 'Nhập địa chỉ bắt đầu bằng http:// hoặc https://' }]}
          >
            <Input maxLength={500} placeholder="http://ca.example.vn/ocsp" data-testid="trust-url" />
          </Form.Item>
        ) : (
          <Form.Item name="file" label="Tệp (.cer, .crt, .pem, .crl)" rules={[{ required: true, message: 'Chọn tệp' }]}>
            <FilePick accept=".cer,.crt,.pem,.der,.crl" testId="trust-file" />
          </Form.Item>
        )}
      </FormModal>
    </Card>
  );
}

/** The agency's rule: its decisions take effect only once signed (the unit chosen, or the nearest above it). */
function PolicyCard() {
  const user = useUser();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [unitId, setUnitId] = useState<string>(user.unitId);
  const q = useQuery({ queryKey: ['signing-policy', unitId], queryFn: () => getSigningPolicy(unitId) });
  const save = useMutation({
    mutationFn: (requireSignature: boolean) => setSigningPolicy(unitId, requireSignature),
    onSuccess: async (p) => {
      message.success(p.requireSignature ? 'Từ nay quyết định chỉ phát hành khi đã ký số.' : 'Quyết định phát hành khi ghi vào sổ, ký số sau nếu cần.');
      await qc.invalidateQueries({ queryKey: ['signing-policy'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const p = q.data;
  return (
    <Card title="Phát hành quyết định" size="small" style={{ marginBottom: 16 }} data-testid="signing-policy">
      <Space direction="vertical" style={{ width: '100%' }}>
        <UnitTreeSelect value={unitId} onChange={(v) => setUnitId(v as string)} style={{ width: 420, maxWidth: '100%' }} />
        {p ? (
          <Radio.Group
            value={p.requireSignature}
            onChange={(e) => save.mutate(e.target.value as boolean)}
            disabled={save.isPending}
            data-testid="signing-policy-choice"
            options={[
              { value: true, label: 'Chỉ phát hành khi người có thẩm quyền và cơ quan đã ký số' },
              { value: false, label: 'Phát hành khi ghi vào sổ (ký số sau, nếu cần)' },
            ]}
          />
        ) : null}
        {p && p.governingUnitId && p.governingUnitId !== p.unitId ? (
          <Alert type="info" showIcon title="Đơn vị đang theo quy định của cấp trên; chọn ở đây để đặt riêng cho đơn vị này." />
        ) : null}
        <Alert
          type="info"
          showIcon
          title="Khi bắt buộc ký số, quyết định mới lập ở trạng thái “Chờ ký số phát hành”: chưa ghi vào lịch sử khen thưởng, chưa trích quỹ, chưa vào sổ vàng, chưa công khai cho đến khi cơ quan ký số."
        />
      </Space>
    </Card>
  );
}

export default function SigningPage() {
  const user = useUser();
  const can = signingAbilities(user);
  return (
    <>
      <PageHeader title="Ký số" subtitle="Chữ ký số trên quyết định, kiểm tra văn bản đã ký (NĐ 30/2020, Phụ lục I)" />
      {can.verify ? <VerifyCard /> : null}
      {can.manage ? (
        <>
          <PolicyCard />
          <CredentialsCard />
          <TrustCard />
        </>
      ) : null}
    </>
  );
}
