/** "Xuất Excel": downloads the list the user sees, with the filters applied (all pages). */
import { App, Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { errorText } from '../api/client';

/** `download` is the module's export call, e.g. `() => exportUnits(showInactive)`. */
export function ExportButton({ download, label = 'Xuất Excel' }: { download: () => Promise<void>; label?: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await download();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined />} loading={busy} onClick={() => void run()} data-testid="export-xlsx">
      {label}
    </Button>
  );
}
