/** Document generators (DOCX, PDF, XLSX) and Vietnamese text helpers: pure, no HTTP, no DB. */
export { DocumentError } from './errors.js';
export { TEMPLATE_KINDS, TEMPLATE_KIND_LABELS, FIELD_CATALOGS, dataSchemaFor, type TemplateKind, type FieldSpec, type FieldCatalog } from './docx/fields.js';
export { defaultTemplate, defaultTemplateFileName, QUOC_HIEU, TIEU_NGU } from './docx/default-templates.js';
export { renderDocx, renderDocument, validateTemplate, assertValidTemplate, type TemplateProblem, type TemplateValidation } from './docx/render.js';
export {
  renderCertificatesPdf,
  renderCalibrationPdf,
  layoutCertificate,
  validateCalibration,
  certificateTitle,
  streamToBuffer,
  FULL_DESIGN_LAYOUT,
  DEFAULT_BLANK_CALIBRATION,
  CERTIFICATE_FIELDS,
  CERTIFICATE_FIELD_LABELS,
  calibrationSchema,
  type CertificateData,
  type CertificateCalibration,
  type CertificateField,
  type CertificateLayout,
  type CertificateRenderOptions,
  type FieldPosition,
} from './pdf/certificates.js';
export { resolvePdfFonts, type PdfFontFamily } from './pdf/fonts.js';
export { exportXlsx, moneyNumFmt, pageHeaderOf, type XlsxColumn, type XlsxColumnType, type XlsxExportOptions, type XlsxHeading } from './xlsx/export.js';
export {
  conversionNotices,
  readXlsxTable,
  type ImportColumn,
  type ImportColumnType,
  type ImportOptions,
  type ImportResult,
  type ImportRowError,
  type ImportValue,
} from './xlsx/import.js';
export { detectVietnameseEncoding, toUnicodeVietnamese, tcvn3ToUnicode, vniToUnicode, type EncodingGuess, type TextEncoding } from './vietnamese-legacy.js';
export { statisticalFormXlsx, type StatSheet, type StatSheetColumn, type StatSheetRow } from './xlsx/statistical-form.js';
