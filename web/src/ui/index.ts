export { ConfirmDialog } from './ConfirmDialog';
export { Drawer } from './Drawer';
export { type ControlProps, Field } from './Field';
export { SubmitButton } from './SubmitButton';
export { Toast } from './Toast';
export { type FormValues, formValues, useSubmit } from './useSubmit';
