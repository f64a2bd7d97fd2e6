/**
 * A small rich-text editor for stories: a contentEditable area and a toolbar limited to the tags the
 * server keeps (paragraphs, bold, italic, headings, lists, quotes, links). The server sanitises anyway;
 * the toolbar only avoids offering what would be dropped.
 */
import { Button, Space, Tooltip } from 'antd';
import { BoldOutlined, ItalicOutlined, LinkOutlined, OrderedListOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useEffect, useRef } from 'react';

interface Props {
  value?: string;
  onChange?: (html: string) => void;
  'data-testid'?: string;
}

export function RichTextEditor({ value, onChange, ...rest }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  // Write the value into the DOM only when it differs (typing must not move the caret).
  useEffect(() => {
    if (ref.current && ref.current.innerHTML !== (value ?? '')) ref.current.innerHTML = value ?? '';
  }, [value]);
  const emit = () => onChange?.(ref.current?.innerHTML ?? '');
  const exec = (command: string, arg?: string) => {
    ref.current?.focus();
    // execCommand is deprecated but still the one portable way to format a selection without a library.
    document.execCommand(command, false, arg);
    emit();
  };
  const tool = (title: string, icon: React.ReactNode, run: () => void) => (
    <Tooltip title={title}>
      <Button size="small" icon={icon} aria-label={title} onMouseDown={(e) => e.preventDefault()} onClick={run} />
    </Tooltip>
  );
  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 4 }}>
      <Space wrap size={4} style={{ padding: 4, borderBottom: '1px solid #f0f0f0', width: '100%' }}>
        {tool('Đậm', <BoldOutlined />, () => exec('bold'))}
        {tool('Nghiêng', <ItalicOutlined />, () => exec('italic'))}
        <Button size="small" onMouseDown={(e) => e.preventDefault()} onClick={() => exec('formatBlock', 'h3')}>
          Tiêu đề
        </Button>
        <Button size="small" onMouseDown={(e) => e.preventDefault()} onClick={() => exec('formatBlock', 'p')}>
          Đoạn
        </Button>
        {tool('Danh sách', <UnorderedListOutlined />, () => exec('insertUnorderedList'))}
        {tool('Danh sách đánh số', <OrderedListOutlined />, () => exec('insertOrderedList'))}
        <Button size="small" onMouseDown={(e) => e.preventDefault()} onClick={() => exec('formatBlock', 'blockquote')}>
          Trích dẫn
        </Button>
        {tool('Liên kết', <LinkOutlined />, () => {
          const url = window.prompt('Địa chỉ liên kết (https://…)');
          if (url && /^https?:\/\//i.test(url)) exec('createLink', url);
        })}
      </Space>
      <div
        ref={ref}
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label="Nội dung bài viết"
        onInput={emit}
        onBlur={emit}
        data-testid={rest['data-testid']}
        className="story-body"
        style={{ minHeight: 220, padding: '8px 12px', outline: 'none', lineHeight: 1.6 }}
      />
    </div>
  );
}
