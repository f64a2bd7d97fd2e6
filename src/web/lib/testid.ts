import type { ButtonProps } from 'antd';

/** Button props carrying a `data-testid` (okButtonProps… whose type does not list data attributes). */
export function testIdButton(id: string, props: ButtonProps = {}): ButtonProps {
  return { ...props, ...({ 'data-testid': id } as ButtonProps) };
}
