/** "Xuất Excel": downloads the list the user sees, with the filters applied (all pages). */
import { App, Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { downloadFile } from '../api/documents';
import { errorText, type Query } from '../api/client';

export function ExportButton({ path, query, label = 'Xuất Excel' }: { path: string; query?: Query; label?: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await downloadFile(path, query, 'danh-sach.xlsx');
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
