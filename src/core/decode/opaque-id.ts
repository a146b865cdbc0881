import { estimateEntropyBits } from '../detect/entropy';
import type { DecodedValue, FormatId } from './decoded-value';

interface OpaqueKind {
  format: FormatId;
  label: string;
  /** Lower-case cookie names this server uses by default. */
  names: readonly string[];
  shape: RegExp;
}

const KINDS: readonly OpaqueKind[] = [
  // PHP: sid_bits_per_character 4/5/6 give [0-9a-f], [0-9a-v] or [0-9a-zA-Z,-]; sid_length 22–256.
  { format: 'php-session', label: 'PHP session id', names: ['phpsessid'], shape: /^[0-9a-zA-Z,-]{22,256}$/ },
  // Tomcat: 32 upper-case hex, then `.jvmRoute` when clustered; Jetty: `node0…`.
  {
    format: 'java-session',
    label: 'Java servlet session id',
    names: ['jsessionid'],
    shape: /^(?:[0-9A-F]{16,64}(?:\.[\w-]+)?|node[0-9a-z]+(?:\.[\w-]+)?)$/,
  },
  // System.Web's SessionIDManager: 24 characters of [a-z0-5] (120 bits).
  { format: 'aspnet-session', label: 'ASP.NET session id', names: ['asp.net_sessionid'], shape: /^[a-z0-5]{24}$/ },
  // Django's database/cache/file backends: 32 characters of [a-z0-9].
  {
    format: 'django-db-session',
    label: 'Django session id (server-side)',
    names: ['sessionid'],
    shape: /^[a-z0-9]{32}$/,
  },
];

/** Server-side session ids by their framework's default name and shape, with the entropy they carry. */
export function decodeOpaqueId(name: string, value: string): DecodedValue | null {
  const lower = name.toLowerCase();
  const kind = KINDS.find((k) => k.names.includes(lower) && k.shape.test(value));
  if (!kind) return null;
  // A route suffix (`.node1`) is not random: leave it out of the estimate.
  const id = kind.format === 'java-session' ? value.split('.')[0]! : value;
  const entropyBits = estimateEntropyBits(id);
  return {
    format: kind.format,
    label: kind.label,
    hmacSigned: false,
    clientReadable: false,
    entropyBits,
    layers: [],
    notes: [`opaque server-side session id, about ${Math.round(entropyBits)} bits of estimated entropy`],
  };
}
