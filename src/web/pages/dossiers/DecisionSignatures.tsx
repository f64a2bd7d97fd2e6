/**
 * The signatures of a decision (ký số): its state, the next step for whoever may take it (the head
 * with their own certificate, then the Office with the agency's), signing with a certificate the
 * server holds or with a USB-token tool, the signed PDF, and the verification of what was signed.
 */
import { Alert, App, Button, Card, Descriptions, Select, Space, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined, UsbOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { errorText } from '../../api/client';
import {
  downloadSignedDecision,
  getDecisionSignatures,
  signDecision,
  startExternalSigning,
  type SignatureVerification,
  type SignType,
} from '../../api/signing';
import { fmtDateTime } from '../../lib/format';

export function VerificationResult({ v }: { v: SignatureVerification }) {
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="signature-verification">
      <Alert type={v.valid ? 'success' : 'error'} showIcon title={v.summary} />
      {v.signatures.map((s) => (
        <Descriptions key={s.index} size="small" bordered column={1} title={`Chữ ký ${s.index + 1}: ${s.signerName ?? 'không đọc được'}`}>
          <Descriptions.Item label="Kết quả">{s.valid ? <Tag color="green">Hợp lệ</Tag> : <Tag color="red">Không hợp lệ</Tag>}</Descriptions.Item>
          {s.organisation ? <Descriptions.Item label="Cơ quan">{s.organisation}</Descriptions.Item> : null}
          <Descriptions.Item label="Thời gian ký">{s.signingTime ? fmtDateTime(s.signingTime) : '—'}</Descriptions.Item>
          <Descriptions.Item label="Chứng thư số">{s.serial ? `Số hiệu ${s.serial}, do ${s.issuer ?? '—'} cấp` : '—'}</Descriptions.Item>
          <Descriptions.Item label="Thu hồi">{s.revocationLabel}</Descriptions.Item>
          {s.problems.length ? (
            <Descriptions.Item label="Vấn đề">
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {s.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ))}
    </Space>
  );
}

export function DecisionSignatures({ decisionId, numberText }: { decisionId: string; numberText: string }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const key = ['decision-signatures', decisionId];
  const q = useQuery({ queryKey: key, queryFn: () => getDecisionSignatures(decisionId) });
  const [credentialId, setCredentialId] = useState<string | undefined>();
  const [external, setExternal] = useState<{ fetchUrl: string; uploadUrl: string; expiresAt: string } | null>(null);
  const panel = q.data;
  const step: SignType | null = panel?.abilities.includes('approve') ? 'approve' : panel?.abilities.includes('issue') ? 'issue' : null;
  const chosen = panel?.credentials.find((c) => c.id === credentialId);
  // The only certificate there is, chosen already: nothing to pick when there is nothing to choose.
  useEffect(() => {
    if (panel && panel.credentials.length === 1) setCredentialId(panel.credentials[0]!.id);
  }, [panel]);
  const sign = useMutation({
    mutationFn: () => signDecision(decisionId, step!, credentialId!),
    onSuccess: async (next) => {
      message.success(next.state === 'issued' ? 'Đã ký số phát hành quyết định.' : 'Đã ký số. Văn phòng ký số của cơ quan để phát hành.');
      qc.setQueryData(key, next);
      setCredentialId(undefined);
      await qc.invalidateQueries({ queryKey: ['decision-signatures'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const prepare = useMutation({
    mutationFn: () => startExternalSigning(decisionId, step!, credentialId!),
    onSuccess: (r) => {
      const abs = (u: string) => new URL(u, window.location.origin).toString();
      setExternal({ fetchUrl: abs(r.fetchUrl), uploadUrl: abs(r.uploadUrl), expiresAt: r.expiresAt });
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (q.isError) return <Alert type="error" showIcon title={errorText(q.error)} />;
  if (!panel) return null;
  const fileName = `QD-${numberText.replace(/[^0-9A-Za-zĐđ-]+/gu, '-')}-ky-so.pdf`;
  return (
    <Card size="small" title="Ký số" style={{ marginTop: 16 }} data-testid="decision-signatures">
      <Space direction="vertical" style={{ width: '100%' }}>
        <div>
          <Tag color={panel.state === 'issued' ? 'green' : panel.state === 'approved' ? 'blue' : 'default'} data-testid="signature-state">
            {panel.stateLabel}
          </Tag>
          {panel.abilities.includes('download') ? (
            <Button
              size="small"
              icon={<SafetyCertificateOutlined />}
              onClick={() => void downloadSignedDecision(decisionId, fileName)}
              data-testid="signed-download"
            >
              Tải bản đã ký số (PDF)
            </Button>
          ) : null}
        </div>
        {panel.signatures.map((s) => (
          <Typography.Text key={`${s.type}-${s.signedAt}`}>
            {s.typeLabel}: <b>{s.signerName}</b> — {fmtDateTime(s.signedAt)} (chứng thư số {s.serial}, {s.issuer}
            {s.via === 'token' ? ', ký bằng thiết bị ký' : ''})
          </Typography.Text>
        ))}
        {step ? (
          panel.credentials.length === 0 ? (
            <Alert
              type="warning"
              showIcon
              title={step === 'approve' ? 'Bạn chưa có chứng thư số cá nhân trong hệ thống.' : 'Cơ quan chưa có chứng thư số (con dấu) trong hệ thống.'}
              description="Quản trị hệ thống thêm chứng thư số ở trang Ký số."
            />
          ) : (
            <Space wrap style={{ width: '100%' }}>
              <Select
                style={{ width: 420, maxWidth: '100%' }}
                placeholder="Chọn chứng thư số"
                value={credentialId}
                onChange={setCredentialId}
                data-testid="signature-credential"
                options={panel.credentials.map((c) => ({ value: c.id, label: `${c.label} (${c.commonName})` }))}
              />
              {chosen?.custody !== 'token' ? (
                <Button type="primary" loading={sign.isPending} disabled={!credentialId} onClick={() => sign.mutate()} data-testid="signature-sign">
                  {step === 'approve' ? 'Ký số (người có thẩm quyền)' : 'Ký số của cơ quan và phát hành'}
                </Button>
              ) : (
                <Button icon={<UsbOutlined />} loading={prepare.isPending} onClick={() => prepare.mutate()} data-testid="signature-external">
                  Ký bằng thiết bị ký (USB token)
                </Button>
              )}
            </Space>
          )
        ) : null}
        {external ? (
          <Alert
            type="info"
            showIcon
            title="Văn bản đã sẵn sàng cho công cụ ký số"
            description={
              <>
                <div>
                  Mở công cụ ký số của Ban Cơ yếu (hoặc nhà cung cấp), dán hai liên kết dưới đây; mỗi liên kết dùng một lần, hết hạn lúc{' '}
                  {fmtDateTime(external.expiresAt)}.
                </div>
                <Typography.Paragraph copyable={{ text: external.fetchUrl }} style={{ marginBottom: 4 }}>
                  Tải văn bản: <code>{external.fetchUrl}</code>
                </Typography.Paragraph>
                <Typography.Paragraph copyable={{ text: external.uploadUrl }} style={{ marginBottom: 4 }}>
                  Gửi bản đã ký: <code>{external.uploadUrl}</code>
                </Typography.Paragraph>
                <Button size="small" onClick={() => void q.refetch()}>
                  Đã ký xong, cập nhật
                </Button>
              </>
            }
          />
        ) : null}
        {panel.verification ? <VerificationResult v={panel.verification} /> : null}
      </Space>
    </Card>
  );
}
