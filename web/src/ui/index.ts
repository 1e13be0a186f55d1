export { ConfirmDialog } from './ConfirmDialog';
export { type ControlProps, Field } from './Field';
export { SubmitButton } from './SubmitButton';
export { Toast } from './Toast';
export { type FormValues, formValues, useSubmit } from './useSubmit';
