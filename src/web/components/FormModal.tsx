import { useId, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { testIdButton } from '../lib/testid';

interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  okText?: string;
  onCancel: () => void;
  form: FormInstance<V>;
  onFinish: (values: V) => void;
  /** The save is running: the OK button spins. */
  pending: boolean;
  /** The server's Vietnamese message when the save failed. */
  error?: string | null;
  okTestId?: string;
  width?: number;
  initialValues?: Partial<V>;
  /** Forget the form's state when closed (forms that open for a different record each time). */
  destroyOnHidden?: boolean;
  children: ReactNode;
}

/** A modal holding one vertical form: OK submits it, the server's error shows above it. */
export function FormModal<V>({
  open,
  title,
  okText = 'Lưu',
  onCancel,
  form,
  onFinish,
  pending,
  error,
  okTestId,
  width,
  initialValues,
  destroyOnHidden,
  children,
}: FormModalProps<V>) {
  // Modals are rendered before they open, so two forms on one page would otherwise share field ids
  // (`label`, `url`…) and a label would point at the other form's input.
  const formName = `f${useId().replace(/[^A-Za-z0-9]/gu, '')}`;
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={pending}
      okButtonProps={okTestId ? testIdButton(okTestId) : undefined}
      width={width}
      destroyOnHidden={destroyOnHidden}
      // The form instance is connected before the first open, so `setFieldsValue` works at once.
      forceRender
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<V> form={form} name={formName} layout="vertical" onFinish={onFinish} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
