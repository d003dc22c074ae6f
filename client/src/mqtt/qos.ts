// The MQTT quality-of-service levels as a type, with a guard for untrusted input.

export type QoS = 0 | 1 | 2;

export function isQoS(value: unknown): value is QoS {
  return value === 0 || value === 1 || value === 2;
}
