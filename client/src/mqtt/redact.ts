// Removes secrets from any text before it reaches a log, an error message or a state: known passwords and passphrases, `user:password@` credentials (with or without a scheme), `password=` pairs, PEM private keys. Linear in the text's length.

const MASK = "***";

/** Secrets shorter than this are only removed by the patterns below, not everywhere, to keep messages readable. */
const MIN_LITERAL_SECRET_LENGTH = 3;

const PEM_PRIVATE_KEY =
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g;
const SECRET_PAIR =
  /(["']?)\b(password|passwd|pwd|pass|passphrase|secret|token|authorization)\1(\s*[=:]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&}\]]+)/gi;
/** A run of text between white space: credentials never contain white space, so each is judged on its own. */
const WORD = /\S+/g;
/** Inside a word without `://`, the pieces between quotes, brackets, `=` and separators (`b=user:pw@host`, `"u:pw@h"`). */
const PLAIN_PIECE = /[^"'<>()[\]{},;=]+/g;

/** Redacts `text` with the built-in patterns plus every literal secret given. */
export function redactText(text: string, secrets: Iterable<string> = []): string {
  let out = text.replace(PEM_PRIVATE_KEY, "[private key redacted]");
  if (out.includes("@")) out = out.replace(WORD, maskWordCredentials);
  out = out.replace(SECRET_PAIR, (_m, quote: string, key: string, sep: string, value: string) => {
    const q = value.startsWith('"') ? '"' : value.startsWith("'") ? "'" : "";
    return `${quote}${key}${quote}${sep}${q}${MASK}${q}`;
  });
  const literals = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_LITERAL_SECRET_LENGTH) continue;
    literals.add(secret);
    literals.add(encodeURIComponent(secret));
    literals.add(JSON.stringify(secret).slice(1, -1));
  }
  for (const literal of [...literals].sort((a, b) => b.length - a.length)) {
    out = out.split(literal).join(MASK);
  }
  return out;
}

/**
 * Masks the password of `user:password@host` in one word: after a `scheme://` the user info runs to the word's last
 * `@` (so a password may hold quotes or `@`); without one (`user:pw@host`, `b=user:pw@host:1`, `mqtt//u:pw@h`) each
 * piece between quotes and separators is judged alone. Every step is `indexOf` within the word: linear time.
 */
function maskWordCredentials(word: string): string {
  const at = word.lastIndexOf("@");
  if (at <= 0) return word;
  const schemeEnd = word.indexOf("://");
  if (schemeEnd >= 0 && schemeEnd < at) {
    const start = schemeEnd + 3;
    const colon = word.indexOf(":", start);
    if (colon < 0 || colon > at || /[/?#]/.test(word.slice(start, colon))) return word;
    return colon + 1 === at ? word : `${word.slice(0, colon + 1)}${MASK}${word.slice(at)}`;
  }
  return word.replace(PLAIN_PIECE, maskPlainCredentials);
}

/** A scheme with too few slashes (`mqtt:/`): skipped, so the user name after it stays readable. */
const BROKEN_SCHEME = /^[a-z][a-z0-9+.-]*:\/+/i;

function maskPlainCredentials(piece: string): string {
  const at = piece.lastIndexOf("@");
  const colon = piece.indexOf(":", BROKEN_SCHEME.exec(piece)?.[0].length ?? 0);
  if (at <= 0 || colon < 0 || colon + 1 >= at) return piece;
  return `${piece.slice(0, colon + 1)}${MASK}${piece.slice(at)}`;
}

/** Remembers the secrets in use in this process, so every outgoing text can be cleaned against all of them. */
export class SecretRedactor {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    if (secret) this.secrets.add(secret);
  }

  redact(text: string): string {
    return redactText(text, this.secrets);
  }
}
