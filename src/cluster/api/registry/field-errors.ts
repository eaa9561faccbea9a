/**
 * field.Error texts as apimachinery v1.32 renders them: `<path>: <Type>[: <value>][: <detail>]`,
 * values printed Go-style (%q strings, %v numbers, %#v maps and slices — JSON only from v1.34).
 */
import type { StatusCause } from '../errors';
import { isPlainObject } from '../object-utils';

/** Renders a bad value as Go's fmt would for the v1.32 field.Error. */
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return `[]string{${value.map((v) => JSON.stringify(v)).join(', ')}}`;
    return JSON.stringify(value);
  }
  if (isPlainObject(value) && Object.values(value).every((v) => typeof v === 'string')) {
    const keys = Object.keys(value).sort();
    return `map[string]string{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(value[k])}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

export function required(field: string, detail = ''): StatusCause {
  return { reason: 'FieldValueRequired', message: `${field}: Required value${detail ? ': ' + detail : ''}`, field };
}

export function invalidValue(field: string, value: unknown, detail: string, rendered?: string): StatusCause {
  const v = rendered ?? goValue(value);
  return { reason: 'FieldValueInvalid', message: `${field}: Invalid value: ${v}${detail ? ': ' + detail : ''}`, field };
}

export function notSupported(field: string, value: unknown, supported: string[]): StatusCause {
  const list = supported.map((s) => JSON.stringify(s)).join(', ');
  return { reason: 'FieldValueNotSupported', message: `${field}: Unsupported value: ${goValue(value)}: supported values: ${list}`, field };
}

export function forbidden(field: string, detail: string): StatusCause {
  return { reason: 'FieldValueForbidden', message: `${field}: Forbidden: ${detail}`, field };
}

export function duplicate(field: string, value: unknown): StatusCause {
  return { reason: 'FieldValueDuplicate', message: `${field}: Duplicate value: ${goValue(value)}`, field };
}

export function notFoundField(field: string, value: unknown): StatusCause {
  return { reason: 'FieldValueNotFound', message: `${field}: Not found: ${goValue(value)}`, field };
}

export function nonNegative(field: string, value: unknown): StatusCause[] {
  return typeof value === 'number' && value < 0 ? [invalidValue(field, value, 'must be greater than or equal to 0')] : [];
}

export function immutable(field: string, value: unknown): StatusCause {
  return invalidValue(field, value, 'field is immutable');
}

// ---- names (k8s.io/apimachinery/pkg/util/validation) ----

const dns1123LabelRe = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1123SubdomainRe = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const dns1035LabelRe = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

export const DNS1123_LABEL_ERR =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const DNS1123_SUBDOMAIN_ERR =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const DNS1035_LABEL_ERR =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

export type NameRule = 'label' | 'subdomain' | 'dns1035' | 'path';

export function dns1123LabelErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push('must be no more than 63 characters');
  if (!dns1123LabelRe.test(value)) errs.push(DNS1123_LABEL_ERR);
  return errs;
}

export function nameErrors(rule: NameRule, name: string): string[] {
  switch (rule) {
    case 'label':
      return dns1123LabelErrors(name);
    case 'subdomain': {
      const errs: string[] = [];
      if (name.length > 253) errs.push('must be no more than 253 characters');
      if (!dns1123SubdomainRe.test(name)) errs.push(DNS1123_SUBDOMAIN_ERR);
      return errs;
    }
    case 'dns1035': {
      const errs: string[] = [];
      if (name.length > 63) errs.push('must be no more than 63 characters');
      if (!dns1035LabelRe.test(name)) errs.push(DNS1035_LABEL_ERR);
      return errs;
    }
    case 'path':
      if (name === '.' || name === '..') return [`may not be '${name}'`];
      for (const bad of ['/', '%']) if (name.includes(bad)) return [`may not contain '${bad}'`];
      return [];
  }
}
