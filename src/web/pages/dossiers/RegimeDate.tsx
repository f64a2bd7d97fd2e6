/**
 * The date of the decision being prepared (ngày áp dụng quy định): the dossier's regime, rule pack
 * and appraisals follow it. Who may set it is the server's answer (`maySetRegimeDate`); changing it
 * re-appraises what was already appraised, so the Office sees at once what the date changes.
 */
import { App, Button, DatePicker, Space, Tooltip, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { setDossierRegimeDate, type Dossier } from '../../api/dossiers';
import { errorText } from '../../api/client';
import { fmtDate, fromDayjs, toDayjs } from '../../lib/format';
import { keys } from '../../api/keys';

export function RegimeDate({ d }: { d: Dossier }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState<Dayjs | undefined>(toDayjs(d.regimeDate));
  const save = useMutation({
    mutationFn: (regimeDate: string | null) => setDossierRegimeDate(d.id, { regimeDate, version: d.version }),
    onSuccess: async () => {
      message.success('Đã đặt ngày áp dụng quy định; các đề nghị đã thẩm định được thẩm định lại theo ngày này.');
      setEditing(false);
      await qc.invalidateQueries({ queryKey: keys.dossier(d.id) });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const shown = (
    <span data-testid="regime-date">
      {d.regimeDate ? fmtDate(d.regimeDate) : `Hôm nay (${fmtDate(d.regimeDateInEffect)})`}
      <br />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        Áp dụng: {d.regimeLabel}
      </Typography.Text>
    </span>
  );
  if (!d.maySetRegimeDate) return shown;
  if (!editing)
    return (
      <Space align="start" wrap>
        {shown}
        <Tooltip title="Ngày dự kiến ký quyết định: hồ sơ của năm trước được thẩm định theo quy định của ngày đó">
          <Button size="small" onClick={() => setEditing(true)} data-testid="regime-date-edit">
            Đổi
          </Button>
        </Tooltip>
      </Space>
    );
  return (
    <Space direction="vertical" size={4}>
      <DatePicker
        format="DD/MM/YYYY"
        value={value}
        onChange={(v) => setValue(v ?? undefined)}
        placeholder="Để trống: theo ngày hôm nay"
        aria-label="Ngày áp dụng quy định"
        data-testid="regime-date-input"
      />
      <Space>
        <Button size="small" type="primary" loading={save.isPending} onClick={() => save.mutate(fromDayjs(value))} data-testid="regime-date-save">
          Lưu
        </Button>
        <Button size="small" onClick={() => (setEditing(false), setValue(toDayjs(d.regimeDate)))}>
          Hủy
        </Button>
      </Space>
    </Space>
  );
}
