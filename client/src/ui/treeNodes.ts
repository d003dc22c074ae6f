// The elements of the brokers tree: brokers, their subscriptions, the topics each subscription saw, and hint rows; ids are stable so refreshes can target one node.
import type { QoS } from "../mqtt";
import { issue } from "./issuedArgs";

export type TreeNode = BrokerNode | SubscriptionNode | TopicNode | MoreTopicsNode | HintNode;

export interface BrokerNode {
  readonly type: "broker";
  readonly id: string;
  readonly name: string;
  /**
   * Set for a settings entry that is not the broker of its name: a user broker hidden by a workspace broker, a second
   * entry with the same name, or an entry without a name. It is shown (to be fixed) but has no children.
   */
  readonly shadow?: { readonly scope: string; readonly index: number };
}

export interface SubscriptionNode {
  readonly type: "subscription";
  readonly id: string;
  readonly broker: string;
  readonly filter: string;
  qos: QoS;
}

export interface TopicNode {
  readonly type: "topic";
  readonly id: string;
  readonly broker: string;
  readonly filter: string;
  readonly topic: string;
}

/** Stands for the topics of a subscription beyond the number shown. */
export interface MoreTopicsNode {
  readonly type: "more";
  readonly id: string;
  readonly broker: string;
  readonly filter: string;
  hidden: number;
}

/** A clickable hint row, such as "Subscribe to a topic…" under a connected broker without subscriptions. */
export interface HintNode {
  readonly type: "hint";
  readonly id: string;
  readonly broker: string;
  readonly label: string;
  readonly command: string;
}

const SEP = "\u0000";

/**
 * Hands out one node object per id, so VS Code can refresh the very element it rendered. Every node is an issued
 * argument (issuedArgs.ts): menu commands on it may change the broker or reveal its secrets.
 */
export class NodeCache {
  private readonly nodes = new Map<string, TreeNode>();

  broker(name: string): BrokerNode {
    return this.intern({ type: "broker", id: `b${SEP}${name}`, name });
  }

  /** A settings entry shown beside the broker of its name (see {@link BrokerNode.shadow}). */
  shadowBroker(name: string, scope: string, index: number): BrokerNode {
    return this.intern({
      type: "broker",
      id: `b${SEP}${name}${SEP}${scope}${SEP}${index}`,
      name,
      shadow: { scope, index },
    });
  }

  subscription(broker: string, filter: string, qos: QoS): SubscriptionNode {
    const node = this.intern<SubscriptionNode>({
      type: "subscription",
      id: `s${SEP}${broker}${SEP}${filter}`,
      broker,
      filter,
      qos,
    });
    node.qos = qos;
    return node;
  }

  topic(broker: string, filter: string, topic: string): TopicNode {
    return this.intern({
      type: "topic",
      id: `t${SEP}${broker}${SEP}${filter}${SEP}${topic}`,
      broker,
      filter,
      topic,
    });
  }

  more(broker: string, filter: string, hidden: number): MoreTopicsNode {
    const node = this.intern<MoreTopicsNode>({
      type: "more",
      id: `m${SEP}${broker}${SEP}${filter}`,
      broker,
      filter,
      hidden,
    });
    node.hidden = hidden;
    return node;
  }

  hint(broker: string, label: string, command: string): HintNode {
    return this.intern({ type: "hint", id: `h${SEP}${broker}${SEP}${command}`, broker, label, command });
  }

  /** Drops every node of a broker (removed or renamed). */
  forgetBroker(name: string): void {
    for (const [id, node] of this.nodes) {
      if ((node.type === "broker" ? node.name : node.broker) === name) this.nodes.delete(id);
    }
  }

  /** Drops the topic nodes of a subscription (unsubscribed). */
  forgetSubscription(broker: string, filter: string): void {
    const prefix = `t${SEP}${broker}${SEP}${filter}${SEP}`;
    for (const id of [...this.nodes.keys()]) if (id.startsWith(prefix)) this.nodes.delete(id);
  }

  private intern<T extends TreeNode>(fresh: T): T {
    const existing = this.nodes.get(fresh.id);
    if (existing) return existing as T;
    this.nodes.set(fresh.id, issue(fresh));
    return fresh;
  }
}
