// Removes secrets from any text before it reaches a log, an error message or a state: known passwords and passphrases, URL credentials, `password=` pairs, PEM private keys.

const MASK = "***";

/** Secrets shorter than this are only removed by the patterns below, not everywhere, to keep messages readable. */
const MIN_LITERAL_SECRET_LENGTH = 3;

const PEM_PRIVATE_KEY =
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g;
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:@/?#]*):([^\s@]*)@/gi;
const SECRET_PAIR =
  /(["']?)\b(password|passwd|pwd|pass|passphrase|secret|token|authorization)\1(\s*[=:]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&}\]]+)/gi;

/** Redacts `text` with the built-in patterns plus every literal secret given. */
export function redactText(text: string, secrets: Iterable<string> = []): string {
  let out = text.replace(PEM_PRIVATE_KEY, "[private key redacted]");
  out = out.replace(URL_CREDENTIALS, (_m, scheme: string, user: string) => `${scheme}${user}:${MASK}@`);
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
