import type { FormatId } from './decoded-value';

/** What a framework's session format is (docs/formats.md). */
export interface SessionFormat {
  /** Where the session data lives: in the cookie itself, or on the server behind the id the cookie holds. */
  data: 'in-cookie' | 'on-server';
  /** Encrypted by the framework, or an opaque id whose only strength is its randomness; else signed or plain. */
  value?: 'encrypted' | 'opaque-id';
}

/** The formats that only a framework's session machinery writes; JWT and generic values are not among them. */
const SESSION_FORMATS: Readonly<Partial<Record<FormatId, SessionFormat>>> = {
  'express-session': { data: 'on-server' },
  'cookie-session': { data: 'in-cookie' },
  flask: { data: 'in-cookie' },
  'django-signed': { data: 'in-cookie' },
  'rails-signed': { data: 'in-cookie' },
  'rails-encrypted': { data: 'in-cookie', value: 'encrypted' },
  laravel: { data: 'on-server', value: 'encrypted' },
  'aspnet-core': { data: 'on-server', value: 'encrypted' },
  'php-session': { data: 'on-server', value: 'opaque-id' },
  'java-session': { data: 'on-server', value: 'opaque-id' },
  'aspnet-session': { data: 'on-server', value: 'opaque-id' },
  'django-db-session': { data: 'on-server', value: 'opaque-id' },
};

/** The session format `format` is, or undefined when it is no framework's session format. */
export function sessionFormat(format: FormatId | null): SessionFormat | undefined {
  return format === null ? undefined : SESSION_FORMATS[format];
}
