// The worker's blocking wait for a call's reply: the thread sleeps on the control block until the parent has posted the reply, then takes it (and what came before it) from its port itself, without a turn of its event loop.
import { receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { REPLIED, STOPPING, type ParentMessage, type RunNews } from "./protocol";

type Reply = Extract<RunNews, { kind: "reply" }>;

/**
 * Longest blocking wait. A reply that takes longer (a broker far away, a connection being made) is waited for as
 * any other message, so that timers and the run's other scripts are not held up longer than by a slice of work.
 */
export const BLOCKING_WAIT_MS = 10;

export interface WaitOutcome {
  /** The reply (with the call's error, if it failed); undefined when it did not come in time or the run stops. */
  readonly reply?: Reply;
  /** What the parent sent before it (or meanwhile, without a reply), in order: to be handled before going on. */
  readonly earlier: readonly ParentMessage[];
}

export class ReplyWait {
  constructor(
    private readonly port: MessagePort,
    private readonly control: Int32Array,
    private readonly run: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Blocks until the reply to call `id` is in the port, the run stops, or `ms` pass. */
  wait(id: number, ms = BLOCKING_WAIT_MS): WaitOutcome {
    const earlier: ParentMessage[] = [];
    const deadline = this.now() + ms;
    for (;;) {
      // Read before the port is drained: a reply posted after the drain has changed it, so the wait returns at once.
      const replied = Atomics.load(this.control, REPLIED);
      for (
        let received = receiveMessageOnPort(this.port);
        received;
        received = receiveMessageOnPort(this.port)
      ) {
        const message = received.message as ParentMessage;
        if (this.isReply(message, id)) return { reply: message.news, earlier };
        earlier.push(message);
      }
      if (Atomics.load(this.control, STOPPING) !== 0) return { earlier };
      const left = deadline - this.now();
      if (left <= 0) return { earlier };
      Atomics.wait(this.control, REPLIED, replied, left);
    }
  }

  private isReply(
    message: ParentMessage,
    id: number,
  ): message is ParentMessage & { kind: "news"; news: Reply } {
    return (
      message.kind === "news" &&
      message.run === this.run &&
      message.news.kind === "reply" &&
      message.news.id === id
    );
  }
}
