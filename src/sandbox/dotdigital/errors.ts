// Runs in: Node (simulators). Owns: dotdigital's two error envelopes (v2 `{message}` ending in an
// ERROR_* code, v3 `{errorCode, description, details}`) and the messages the docs and SDKs quote.
import type { SimResponse } from '../kit/index.js';

export function v2Error(status: number, message: string, headers?: Record<string, string>): SimResponse {
  return { status, body: { message }, headers };
}

export interface V3Detail {
  item: string;
  description: string;
}

export function v3Error(
  status: number,
  errorCode: string,
  description: string,
  details?: V3Detail[],
): SimResponse {
  return { status, body: details ? { errorCode, description, details } : { errorCode, description } };
}

/** Messages quoted by the reference notes (vendor docs, SDK constants); others are marked in the README. */
export const msg = {
  authDenied: 'Authorization has been denied for this request.',
  accessDenied: 'Access is denied.',
  apiUsageExceeded:
    'Your account has generated excess API activity and is being temporarily capped. Please contact support. ERROR_APIUSAGE_EXCEEDED',
  invalidEmail: 'Email is not a valid email address. ERROR_PARAMETER_INVALID',
  contactNotFound: 'Error: ERROR_CONTACT_NOT_FOUND',
  contactSuppressed: 'Contact is suppressed. ERROR_CONTACT_SUPPRESSED',
  dataFieldExists: 'Field already exists. ERROR_NON_UNIQUE_DATAFIELD',
  addressBookDuplicate: 'That name is in use already, please choose another. ERROR_ADDRESSBOOK_DUPLICATE',
  addressBookNotFound: 'Error: ERROR_ADDRESSBOOK_NOT_FOUND',
  addressBookNotWritable: 'Address book is not writable. ERROR_ADDRESSBOOK_NOTWRITABLE',
  insightNotFound: 'Error: ERROR_TRANSACTIONAL_DATA_DOES_NOT_EXIST',
  programNotFound: 'Error: ERROR_PROGRAM_NOT_FOUND',
  programNotActive: 'Error: ERROR_PROGRAM_NOT_ACTIVE',
  enrolmentAllowance: 'Program enrolment allowance exceeded. ERROR_ENROLMENT_ALLOWANCE_EXCEEDED',
  tooManyImports: 'Too many active imports. ERROR_IMPORT_TOOMANYACTIVEIMPORTS',
  reportNotFound: 'Import is not processed yet or completed with error. ERROR_IMPORT_REPORT_NOT_FOUND',
  importNotFound: 'Error: ERROR_IMPORT_NOT_FOUND',
  dataFieldNotFound: (name: string) => `Data field '${name}' does not exist. ERROR_DATAFIELD_NOTFOUND`,
  invalid: (what: string) => `${what} ERROR_PARAMETER_INVALID`,
};

export const isV3Path = (path: string): boolean => /^\/(contacts|insightData)\/v3(\/|$)/.test(path);

/** A v2 or v3 body for the same failure, picked by which API the path belongs to. */
export function errorFor(
  path: string,
  status: number,
  v2Message: string,
  v3Code: string,
  v3Description: string,
): SimResponse {
  return isV3Path(path) ? v3Error(status, v3Code, v3Description) : v2Error(status, v2Message);
}
