import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppError } from '../../lib/errors';

/**
 * Whether an address is one Debrief must not call on a customer's behalf: loopback, private networks, link-local (the
 * cloud metadata service), carrier-grade NAT, unique-local IPv6, unspecified and multicast.
 */
export function isPrivateAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split('.').map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  const v6 = address.toLowerCase();
  return (
    v6 === '::' ||
    v6 === '::1' ||
    v6.startsWith('fc') ||
    v6.startsWith('fd') ||
    v6.startsWith('fe8') ||
    v6.startsWith('fe9') ||
    v6.startsWith('fea') ||
    v6.startsWith('feb') ||
    v6.startsWith('ff')
  );
}

/**
 * Refuses an endpoint URL Debrief will not call: anything but http(s), credentials in the URL, and (unless private
 * addresses are allowed) a host that is or resolves to a private or loopback address. Checked when the endpoint is
 * registered and again before each delivery, since a name can be pointed elsewhere later.
 */
export async function checkEndpointUrl(raw: string, opts: { allowPrivate: boolean }): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError(400, 'invalid-request', 'body.url: not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new AppError(400, 'invalid-request', 'body.url: use an http:// or https:// URL');
  if (url.username || url.password)
    throw new AppError(400, 'invalid-request', 'body.url: no user name or password in the URL');
  if (opts.allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true })).map((a) => a.address);
    } catch {
      throw new AppError(400, 'invalid-request', `body.url: the host ${host} does not resolve`);
    }
  }
  if (host === 'localhost' || addresses.some(isPrivateAddress))
    throw new AppError(
      400,
      'private-address',
      'body.url: the host is a private or loopback address; Debrief only calls endpoints on the public internet',
    );
  return url;
}
