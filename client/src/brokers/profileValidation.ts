// The broker editor's value checks: a thin adapter over the language schema's validateValue (the one source of value rules), plus the few rules that are about the editor, not the router.
import { getSchema, validateValue, type ArgInfo } from "../../../server/src/schema";
import {
  validatePublishTopic,
  type BrokerProfile,
  type ProfileProblem,
  type ProfileValidator,
} from "../mqtt";
import { ROUTER_FIELDS, fieldText, routerField } from "./brokerFields";

const BROKERS_MENU = "iot/mqtt/brokers";

/** The schema's rules for a property of `/iot mqtt brokers add`. */
export function brokerArgSpec(property: string): ArgInfo | undefined {
  return getSchema().command(BROKERS_MENU, "add")?.arg(property);
}

/**
 * What is wrong with `text` as the value of a broker property, or undefined. Value rules come from the schema;
 * `name` and `address` must also be non-empty (the router requires them), and a will topic must be publishable.
 */
export function validateBrokerField(property: string, text: string): string | undefined {
  if ((property === "name" || property === "address") && text.trim() === "") return `${property} is required`;
  if (property === "will-topic" && text !== "") {
    const problem = validatePublishTopic(text);
    if (problem) return `will-topic: ${problem.message} (at character ${problem.offset + 1})`;
  }
  const spec = brokerArgSpec(property);
  if (!spec) return routerField(property) ? undefined : `unknown broker property "${property}"`;
  const problem = validateValue(spec, text);
  return problem?.severity === "error" ? problem.message : undefined;
}

/** Checks the editor-only TLS settings: a client certificate needs its key and the other way round. */
export function tlsProblems(profile: BrokerProfile): ProfileProblem[] {
  const { certFile, keyFile } = profile.tls;
  if (Boolean(certFile) === Boolean(keyFile)) return [];
  return [
    {
      property: certFile ? "tls.key-file" : "tls.certificate-file",
      message: certFile
        ? "a client certificate file needs its key file (tls.key-file)"
        : "a client key file needs its certificate file (tls.certificate-file)",
    },
  ];
}

/** Every problem of a profile: each RouterOS property through the schema, then the TLS pairing. */
export const validateBrokerProfile: ProfileValidator = (profile) => {
  const problems: ProfileProblem[] = [];
  for (const field of ROUTER_FIELDS) {
    const message = validateBrokerField(field.property, fieldText(profile, field));
    if (message) problems.push({ property: field.property, message });
  }
  for (const problem of tlsProblems(profile)) problems.push(problem);
  return problems;
};
