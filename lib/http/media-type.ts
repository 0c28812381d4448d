/**
 * The one request media type the API reads: `application/json` in any letter case, with any
 * parameters, and a `charset` (if given) of UTF-8. Everything else — a missing type, `text/plain`,
 * a form, XML, `application/json-patch+json` and other `…+json` types, another charset — is
 * refused, as the deployed handler refuses it, whatever serverless-offline fills in.
 */

/** A media type or charset as RFC 9110 spells them: quoted back only when it is one. */
const TOKEN = /^[a-z0-9!#$&^_.+-]{1,80}(\/[a-z0-9!#$&^_.+-]{1,80})?$/;
const quoted = (value: string) => (TOKEN.test(value) ? ` \`${value}\`` : '');

/** Why a `Content-Type` header is refused, or `undefined` when it names JSON in UTF-8. */
export function jsonMediaTypeProblem(header: string | undefined): string | undefined {
  // The usual header, as front ends send it: nothing to split or compare.
  if (header === 'application/json') return undefined;
  const [essence = '', ...parameters] = (header ?? '').split(';');
  const type = essence.trim().toLowerCase();
  if (type === '') return 'The request has no Content-Type; send `application/json`.';
  if (type !== 'application/json') {
    return `The content type${quoted(type)} is not accepted; send \`application/json\`.`;
  }
  for (const parameter of parameters) {
    const separator = parameter.indexOf('=');
    const name = parameter
      .slice(0, separator < 0 ? undefined : separator)
      .trim()
      .toLowerCase();
    if (name !== 'charset') continue;
    const value = separator < 0 ? '' : parameter.slice(separator + 1).trim();
    const charset = value.replace(/^"(.*)"$/, '$1').toLowerCase();
    if (charset !== 'utf-8') {
      return `The charset${quoted(charset)} is not accepted; send JSON in UTF-8.`;
    }
  }
  return undefined;
}

/** The body's bytes as sent: API Gateway base64-encodes bodies it does not treat as text. */
export function bodyBytesOf(body: string | undefined | null, isBase64Encoded: boolean): Buffer {
  if (body === undefined || body === null) return Buffer.alloc(0);
  return Buffer.from(body, isBase64Encoded ? 'base64' : 'utf8');
}

/** The body's size in bytes as sent, without decoding it (base64 counted by what it decodes to). */
export function bodyByteLength(body: string, isBase64Encoded: boolean): number {
  return Buffer.byteLength(body, isBase64Encoded ? 'base64' : 'utf8');
}
