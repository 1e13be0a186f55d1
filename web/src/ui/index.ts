export { ConfirmDialog } from './ConfirmDialog';
export { type ControlProps, Field } from './Field';
export { Toast } from './Toast';
export { type FormValues, formValues, useSubmit } from './useSubmit';
