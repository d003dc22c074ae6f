// The payload decoder a user picked per broker and topic, remembered in global state (at most 500 topics, the least recently picked forgotten first).
import type * as vscode from "vscode";
import { isDecoderName, type DecoderName } from "../messages/payloadDecoders";

const KEY = "routerosMqtt.payloadDecoders";
const MAX_REMEMBERED = 500;
const SEP = "\u0000";

export class DecoderChoices {
  constructor(private readonly state: vscode.Memento) {}

  /** The decoder of a topic: the one picked, else `auto`. */
  of(broker: string, topic: string): DecoderName {
    const value = this.all()[`${broker}${SEP}${topic}`];
    return isDecoderName(value) ? value : "auto";
  }

  /** Remembers a pick; `auto` forgets the topic. */
  async set(broker: string, topic: string, decoder: DecoderName): Promise<void> {
    const key = `${broker}${SEP}${topic}`;
    const entries = Object.entries(this.all()).filter(([k, v]) => k !== key && isDecoderName(v));
    if (decoder !== "auto") entries.push([key, decoder]);
    await this.state.update(KEY, Object.fromEntries(entries.slice(-MAX_REMEMBERED)));
  }

  private all(): Record<string, unknown> {
    const value = this.state.get<unknown>(KEY);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  }
}
