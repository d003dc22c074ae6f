// `rsc run FILE`: runs a script against a simulated device and MQTT brokers (embedded broker by default).
import { UsageError } from "./usage";

export async function runRun(_argv: readonly string[]): Promise<number> {
  throw new UsageError("rsc run is not available in this build yet");
}
