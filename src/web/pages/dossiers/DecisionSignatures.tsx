/**
 * The signatures of a decision (ký số): its state, the next step for whoever may take it (the head
 * with their own certificate, then the Office with the agency's), signing with a certificate the
 * server holds or with a USB-token tool, the signed PDF, and the verification of what was signed.
 */
import { Alert, App, Button, Card, Descriptions, Divider, Progress, Select, Space, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined, UsbOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { errorText } from '../../api/client';
import {
  downloadDecisionCopy,
  downloadSignedDecision,
  getDecisionSignatures,
  signDecision,
  signDecisionCertificates,
  signDecisionCopy,
  startExternalSigning,
  type CopyForm,
  type SignaturePanel,
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
        {panel.decisionStatus === 'signing' ? (
          <Alert type="warning" showIcon title={panel.decisionStatusLabel} data-testid="decision-awaiting-signature" />
        ) : panel.decisionStatus === 'revoked' ? (
          <Alert type="error" showIcon title={panel.decisionStatusLabel} />
        ) : null}
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
        <CertificateSigning decisionId={decisionId} panel={panel} onDone={() => void qc.invalidateQueries({ queryKey: ['decision-signatures'] })} />
        <CopySigning decisionId={decisionId} numberText={numberText} panel={panel} onDone={(next) => qc.setQueryData(key, next)} />
      </Space>
    </Card>
  );
}

/** How many certificates one request signs: small enough to show progress, large enough to be quick. */
const BATCH = 50;

/** The Giấy khen, Bằng khen of the decision, signed in batches with a progress bar. */
function CertificateSigning({ decisionId, panel, onDone }: { decisionId: string; panel: SignaturePanel; onDone: () => void }) {
  const { message } = App.useApp();
  const c = panel.certificates;
  const step: SignType | null = c.abilities.includes('approve') ? 'approve' : c.abilities.includes('issue') ? 'issue' : null;
  const options = panel.usableCredentials.filter((x) => x.kind === (step === 'approve' ? 'personal' : 'organisation') && x.custody !== 'token');
  const [credentialId, setCredentialId] = useState<string | undefined>();
  const [done, setDone] = useState<{ signed: number; total: number } | null>(null);
  useEffect(() => {
    setCredentialId(options.length === 1 ? options[0]!.id : undefined);
    // Re-chosen when the step changes (the head's certificate, then the agency's).
  }, [step, options.length]);
  const run = useMutation({
    mutationFn: async () => {
      const waiting = step === 'approve' ? c.total - c.approved - c.issued : c.approved;
      let signed = 0;
      setDone({ signed, total: waiting });
      for (;;) {
        const r = await signDecisionCertificates(decisionId, step!, credentialId!, BATCH);
        signed += r.signed;
        setDone({ signed, total: waiting });
        if (r.remaining === 0 || r.signed === 0) return signed;
      }
    },
    onSuccess: (n) => {
      message.success(
        step === 'approve' ? `Đã ký số ${n} Giấy khen, Bằng khen. Văn phòng ký số của cơ quan để phát hành.` : `Đã ký số phát hành ${n} Giấy khen, Bằng khen.`,
      );
      setDone(null);
      onDone();
    },
    onError: (e) => {
      message.error(errorText(e));
      onDone();
    },
  });
  if (c.total === 0) return null;
  return (
    <div data-testid="certificate-signing">
      <Divider style={{ margin: '8px 0' }} />
      <Typography.Text strong>Giấy khen, Bằng khen điện tử</Typography.Text>
      <div>
        {c.total} trong sổ vàng: <Tag color="green">{c.issued} đã ký số phát hành</Tag>
        {c.approved ? <Tag color="blue">{c.approved} chờ cơ quan ký</Tag> : null}
        {c.total - c.approved - c.issued ? <Tag>{c.total - c.approved - c.issued} chưa ký</Tag> : null}
      </div>
      {step ? (
        options.length === 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            title={
              step === 'approve'
                ? 'Ký số hàng loạt cần chứng thư số cá nhân lưu trên máy chủ.'
                : 'Ký số hàng loạt cần chứng thư số của cơ quan lưu trên máy chủ.'
            }
            description="Quản trị hệ thống thêm chứng thư số (tệp PKCS#12) ở trang Ký số."
          />
        ) : (
          <Space wrap style={{ width: '100%', marginTop: 8 }}>
            <Select
              style={{ width: 420, maxWidth: '100%' }}
              placeholder="Chọn chứng thư số"
              value={credentialId}
              onChange={setCredentialId}
              data-testid="certificate-credential"
              options={options.map((x) => ({ value: x.id, label: `${x.label} (${x.commonName})` }))}
            />
            <Button type="primary" loading={run.isPending} disabled={!credentialId} onClick={() => run.mutate()} data-testid="certificate-sign">
              {step === 'approve' ? 'Ký số Giấy khen (người có thẩm quyền)' : 'Ký số của cơ quan, phát hành Giấy khen'}
            </Button>
          </Space>
        )
      ) : null}
      {done ? <Progress percent={done.total ? Math.round((done.signed / done.total) * 100) : 100} format={() => `${done.signed}/${done.total}`} /> : null}
    </div>
  );
}

const COPY_FORMS: { value: CopyForm; label: string }[] = [
  { value: 'SAO_Y', label: 'Sao y' },
  { value: 'TRICH_SAO', label: 'Trích sao' },
  { value: 'SAO_LUC', label: 'Sao lục' },
];

/** The agency's electronic copy of the signed decision (NĐ 30/2020 Art 25, Phụ lục I). */
function CopySigning({
  decisionId,
  numberText,
  panel,
  onDone,
}: {
  decisionId: string;
  numberText: string;
  panel: SignaturePanel;
  onDone: (next: SignaturePanel) => void;
}) {
  const { message } = App.useApp();
  const options = panel.usableCredentials.filter((x) => x.kind === 'organisation' && x.custody !== 'token');
  const [credentialId, setCredentialId] = useState<string | undefined>();
  const [copyForm, setCopyForm] = useState<CopyForm>('SAO_Y');
  useEffect(() => {
    if (options.length === 1) setCredentialId(options[0]!.id);
  }, [options.length]);
  const make = useMutation({
    mutationFn: () => signDecisionCopy(decisionId, credentialId!, copyForm),
    onSuccess: (next) => {
      message.success('Đã ký số bản sao điện tử.');
      onDone(next);
    },
    onError: (e) => message.error(errorText(e)),
  });
  const a = panel.copy.abilities;
  if (!a.length) return null;
  return (
    <div data-testid="decision-copy">
      <Divider style={{ margin: '8px 0' }} />
      <Typography.Text strong>Bản sao điện tử</Typography.Text>
      <div>
        {panel.copy.signedAt ? (
          <Space wrap>
            <span>Đã ký số bản sao lúc {fmtDateTime(panel.copy.signedAt)}</span>
            <Button
              size="small"
              onClick={() => void downloadDecisionCopy(decisionId, `Bản sao Quyết định ${numberText.replace(/\//gu, '-')}.pdf`)}
              data-testid="copy-download"
            >
              Tải bản sao (PDF)
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">Bản gốc điện tử kèm chữ ký số của cơ quan ở góc trên bên phải trang đầu, để gửi nơi nhận.</Typography.Text>
        )}
      </div>
      {a.includes('sign') && options.length ? (
        <Space wrap style={{ width: '100%', marginTop: 8 }}>
          <Select style={{ width: 130 }} value={copyForm} onChange={setCopyForm} options={COPY_FORMS} data-testid="copy-form" />
          <Select
            style={{ width: 320, maxWidth: '100%' }}
            placeholder="Chứng thư số của cơ quan"
            value={credentialId}
            onChange={setCredentialId}
            options={options.map((x) => ({ value: x.id, label: `${x.label} (${x.commonName})` }))}
          />
          <Button loading={make.isPending} disabled={!credentialId} onClick={() => make.mutate()} data-testid="copy-sign">
            {panel.copy.signedAt ? 'Ký lại bản sao' : 'Ký số bản sao'}
          </Button>
        </Space>
      ) : null}
    </div>
  );
}
