/**
 * The typed catalog of audit events. Each write names one of these actions; the viewer and the
 * filters use the Vietnamese labels.
 */
export const AUDIT_ACTIONS = {
  'auth.login': 'Đăng nhập',
  'auth.login_failed': 'Đăng nhập thất bại',
  'auth.locked': 'Khóa tài khoản do đăng nhập sai nhiều lần',
  'auth.logout': 'Đăng xuất',
  'auth.password_changed': 'Đổi mật khẩu',
  'unit.created': 'Tạo đơn vị',
  'unit.updated': 'Sửa đơn vị',
  'unit.moved': 'Chuyển đơn vị',
  'unit.merged': 'Sáp nhập đơn vị',
  'unit.deactivated': 'Ngừng hoạt động đơn vị',
  'unit.reactivated': 'Khôi phục hoạt động đơn vị',
  'unit.deleted': 'Xóa đơn vị',
  'person.created': 'Thêm cán bộ',
  'person.updated': 'Sửa thông tin cán bộ',
  'person.transferred': 'Điều chuyển cán bộ',
  'person.deactivated': 'Ngừng theo dõi cán bộ',
  'person.imported': 'Nhập danh sách cán bộ từ Excel',
  'account.created': 'Tạo tài khoản',
  'account.updated': 'Sửa tài khoản',
  'account.password_reset': 'Đặt lại mật khẩu',
  'council.created': 'Thành lập hội đồng',
  'council.updated': 'Sửa hội đồng',
  'council.member_added': 'Thêm thành viên hội đồng',
  'council.member_removed': 'Bớt thành viên hội đồng',
  'system.demo_seeded': 'Khởi tạo dữ liệu mẫu',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export interface AuditEvent {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  /** The unit the changed record belongs to: decides who may read the entry. */
  unitId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}
