// Makes a throwaway PKI with openssl at test time: a CA, a good server certificate (SAN 127.0.0.1 and localhost), an expired one, a not-yet-valid one, one for the wrong host, one from an unknown CA, a self-signed one whose subject holds a VS Code command link, and client certificates (one with an encrypted key).
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface CertPair {
  cert: string;
  key: string;
}

export interface TestPki {
  dir: string;
  /** The CA that signs every certificate below except `foreign`. */
  caFile: string;
  /** A second CA nobody uses to sign a server certificate: trusting it instead of `caFile` must fail. */
  otherCaFile: string;
  /** Valid now, SAN IP:127.0.0.1 and DNS:localhost, CN=localhost. */
  server: CertPair;
  /** Valid 2020-01-01 to 2021-01-01, same names. */
  expired: CertPair;
  /** Valid from 2099, same names. */
  notYetValid: CertPair;
  /** Valid now, but only for DNS:wrong-host.example. */
  wrongHost: CertPair;
  /** Self-signed, CN=localhost, valid now. */
  selfSigned: CertPair;
  /** Self-signed, valid now, organisation {@link HOSTILE_ORGANISATION}: what a hostile broker shows in its subject. */
  hostileSubject: CertPair;
  /** Client certificate CN=rsc-test-client signed by the CA. */
  client: CertPair;
  /** The same kind of client certificate with a key encrypted by `clientPassphrase`. */
  clientEncrypted: CertPair;
  clientPassphrase: string;
}

/** A notification would render this as a link that runs a command (the attack; showLog is harmless if it works). */
export const HOSTILE_ORGANISATION = "[Fix the broker](command:routerosMqtt.showLog)";

async function openssl(cwd: string, args: string[]): Promise<void> {
  try {
    await run("openssl", args, { cwd });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`openssl ${args[0] ?? ""} failed: ${stderr.trim() || String(error)}`);
  }
}

/** `openssl req` arguments for a new P-256 key, written unencrypted. */
const NEW_KEY = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];

async function newKeyAndCsr(cwd: string, name: string, subject: string): Promise<void> {
  await openssl(cwd, ["req", ...NEW_KEY, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", subject]);
}

/** A new key and a certificate it signs itself (`<name>.key`, `<name>.crt`), valid 30 days, with the extensions given. */
async function selfSigned(
  cwd: string,
  name: string,
  subject: string,
  ...extensions: string[]
): Promise<void> {
  await openssl(cwd, [
    "req",
    "-x509",
    ...NEW_KEY,
    "-keyout",
    `${name}.key`,
    "-out",
    `${name}.crt`,
    "-days",
    "30",
    "-subj",
    subject,
    ...extensions.flatMap((extension) => ["-addext", extension]),
  ]);
}

async function newCa(cwd: string, name: string, subject: string): Promise<void> {
  await selfSigned(
    cwd,
    name,
    subject,
    "basicConstraints=critical,CA:TRUE",
    "keyUsage=critical,keyCertSign,cRLSign",
  );
  await mkdir(join(cwd, `${name}-db`), { recursive: true });
  await writeFile(join(cwd, `${name}-db`, "index.txt"), "");
  await writeFile(join(cwd, `${name}-db`, "serial"), "1000\n");
  await writeFile(
    join(cwd, `${name}.cnf`),
    [
      "[ ca ]",
      "default_ca = this_ca",
      "[ this_ca ]",
      `database = ./${name}-db/index.txt`,
      `new_certs_dir = ./${name}-db`,
      `serial = ./${name}-db/serial`,
      "default_md = sha256",
      "policy = any_name",
      "unique_subject = no",
      "[ any_name ]",
      "commonName = supplied",
      "",
    ].join("\n"),
  );
}

/** Signs `<name>.csr` with CA `ca` into `<name>.crt` for the given validity (openssl dates like 20200101000000Z) and names. */
async function sign(
  cwd: string,
  ca: string,
  name: string,
  validity: { start: string; end: string },
  extensions: string[],
): Promise<void> {
  await writeFile(join(cwd, `${name}.ext`), extensions.join("\n") + "\n");
  await openssl(cwd, [
    "ca",
    "-batch",
    "-notext",
    "-config",
    `${ca}.cnf`,
    "-cert",
    `${ca}.crt`,
    "-keyfile",
    `${ca}.key`,
    "-in",
    `${name}.csr`,
    "-out",
    `${name}.crt`,
    "-startdate",
    validity.start,
    "-enddate",
    validity.end,
    "-extfile",
    `${name}.ext`,
  ]);
}

function opensslDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:T]/g, "")
    .replace(/\.\d{3}Z$/, "Z");
}

/** Creates the whole test PKI in `dir` (which must exist). Takes about a second. */
export async function makeTestPki(dir: string): Promise<TestPki> {
  const now = Date.now();
  const current = {
    start: opensslDate(new Date(now - 86_400_000)),
    end: opensslDate(new Date(now + 30 * 86_400_000)),
  };
  const serverExt = [
    "basicConstraints=CA:FALSE",
    "keyUsage=critical,digitalSignature,keyEncipherment",
    "extendedKeyUsage=serverAuth",
  ];
  const localNames = "subjectAltName=IP:127.0.0.1,DNS:localhost";
  await newCa(dir, "ca", "/CN=RSC Test CA/O=routeros-mqtt tests");
  await newCa(dir, "other-ca", "/CN=Some Other CA/O=routeros-mqtt tests");

  await newKeyAndCsr(dir, "server", "/CN=localhost");
  await sign(dir, "ca", "server", current, [...serverExt, localNames]);
  await newKeyAndCsr(dir, "expired", "/CN=localhost");
  await sign(dir, "ca", "expired", { start: "20200101000000Z", end: "20210101000000Z" }, [
    ...serverExt,
    localNames,
  ]);
  await newKeyAndCsr(dir, "future", "/CN=localhost");
  await sign(dir, "ca", "future", { start: "20990101000000Z", end: "21000101000000Z" }, [
    ...serverExt,
    localNames,
  ]);
  await newKeyAndCsr(dir, "wronghost", "/CN=wrong-host.example");
  await sign(dir, "ca", "wronghost", current, [...serverExt, "subjectAltName=DNS:wrong-host.example"]);
  await selfSigned(dir, "selfsigned", "/CN=localhost", localNames);

  await selfSigned(dir, "hostile", `/CN=localhost/O=${HOSTILE_ORGANISATION}`, localNames);

  const clientExt = ["basicConstraints=CA:FALSE", "extendedKeyUsage=clientAuth"];
  await newKeyAndCsr(dir, "client", "/CN=rsc-test-client");
  await sign(dir, "ca", "client", current, clientExt);
  const clientPassphrase = "client-key-passphrase-7Q";
  await newKeyAndCsr(dir, "client2", "/CN=rsc-test-client-2");
  await sign(dir, "ca", "client2", current, clientExt);
  await openssl(dir, [
    "pkey",
    "-in",
    "client2.key",
    "-aes256",
    "-passout",
    `pass:${clientPassphrase}`,
    "-out",
    "client2.enc.key",
  ]);

  const pair = (name: string, key = `${name}.key`): CertPair => ({
    cert: join(dir, `${name}.crt`),
    key: join(dir, key),
  });
  return {
    dir,
    caFile: join(dir, "ca.crt"),
    otherCaFile: join(dir, "other-ca.crt"),
    server: pair("server"),
    expired: pair("expired"),
    notYetValid: pair("future"),
    wrongHost: pair("wronghost"),
    selfSigned: pair("selfsigned"),
    hostileSubject: pair("hostile"),
    client: pair("client"),
    clientEncrypted: pair("client2", "client2.enc.key"),
    clientPassphrase,
  };
}
