export { createRedactor, type Redactor, redactedText } from './create-redactor';
