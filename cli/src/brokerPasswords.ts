// Where `rsc run` takes a broker's password from: an environment variable or a prompt that does not echo, so it stays out of `ps` and shell history; a password in the URL still works, with a warning.

/** `RSC_PASSWORD_<NAME>`: the broker name upper-cased, every other character than A-Z and 0-9 turned into `_`. */
export function passwordVariable(brokerName: string): string {
  return `RSC_PASSWORD_${brokerName.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

export interface PasswordSources {
  /** The environment (`process.env`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--ask-password`: ask on the terminal for every broker whose password is not in its URL or the environment. */
  readonly ask: boolean;
  /** Reads a line without echoing it; undefined when the user pressed Ctrl+C. */
  readonly askSecret: (prompt: string) => Promise<string | undefined>;
  readonly warn: (message: string) => void;
}

/** A `--broker` route before its password is settled. */
export interface UrlBroker {
  readonly name: string;
  /** `mqtt://user@host:port`, without the password. */
  readonly shown: string;
  readonly username: string;
  readonly urlPassword: string | undefined;
}

/** Ctrl+C at a password prompt. */
export class PasswordPromptCancelled extends Error {}

/**
 * The password of each broker: from its URL (with a warning that `ps` and shell history see it), else from
 * `RSC_PASSWORD_<NAME>`, else asked on the terminal with `--ask-password`, else none.
 */
export async function brokerPasswords(
  brokers: readonly UrlBroker[],
  sources: PasswordSources,
): Promise<Map<string, string | undefined>> {
  const passwords = new Map<string, string | undefined>();
  for (const broker of brokers) {
    const variable = passwordVariable(broker.name);
    if (broker.urlPassword !== undefined) {
      sources.warn(
        `the password of --broker ${broker.name} is on the command line, where ps and the shell history show it; set ${variable} or use --ask-password instead`,
      );
      passwords.set(broker.name, broker.urlPassword);
      continue;
    }
    const fromEnv = sources.env[variable];
    if (fromEnv !== undefined && fromEnv !== "") {
      passwords.set(broker.name, fromEnv);
      continue;
    }
    if (!sources.ask) {
      passwords.set(broker.name, undefined);
      continue;
    }
    const who = broker.username ? `${broker.username} at ${broker.shown}` : broker.shown;
    const answer = await sources.askSecret(`Password of broker ${broker.name} (${who}): `);
    if (answer === undefined) throw new PasswordPromptCancelled("cancelled at the password prompt");
    passwords.set(broker.name, answer === "" ? undefined : answer);
  }
  return passwords;
}
