/** The builder, docs and API answer under this policy; the demo page adds a nonce for its snippet. */
export const strictCsp = (scriptExtra = ''): string =>
  [
    "default-src 'self'",
    `script-src 'self'${scriptExtra}`,
    "style-src 'self'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');

export const securityHeaders: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'content-security-policy': strictCsp(),
};
