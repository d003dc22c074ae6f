// The elements of the brokers tree: brokers, their subscriptions, the topics each subscription saw, and hint rows; ids are stable so refreshes can target one node.
import type { QoS } from "../mqtt";
import { issue } from "./issuedArgs";

export type TreeNode = BrokerNode | SubscriptionNode | TopicNode | LevelNode | MoreTopicsNode | HintNode;

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

/**
 * A row of the topic tree (setting `routerosMqtt.topics.layout` = tree): one level of the topics a subscription saw,
 * or a chain of single-child levels shown as one row. `path` is the topic name up to its last level; `topic` is set
 * when a topic ends there (commands on topics accept it), and follows the store.
 */
export interface LevelNode {
  readonly type: "level";
  readonly id: string;
  readonly broker: string;
  readonly filter: string;
  readonly path: string;
  topic: string | undefined;
}

/** Stands for the topics of a subscription (or of a tree row: `under`) beyond the number shown. */
export interface MoreTopicsNode {
  readonly type: "more";
  readonly id: string;
  readonly broker: string;
  readonly filter: string;
  readonly under: string | undefined;
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

  level(broker: string, filter: string, path: string, topic: string | undefined): LevelNode {
    const node = this.intern<LevelNode>({
      type: "level",
      id: `l${SEP}${broker}${SEP}${filter}${SEP}${path}`,
      broker,
      filter,
      path,
      topic,
    });
    node.topic = topic;
    return node;
  }

  more(broker: string, filter: string, hidden: number, under?: string): MoreTopicsNode {
    const node = this.intern<MoreTopicsNode>({
      type: "more",
      id: `m${SEP}${broker}${SEP}${filter}${under === undefined ? "" : `${SEP}${under}`}`,
      broker,
      filter,
      under,
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

  /** Drops the topic and level nodes of a subscription (unsubscribed, messages forgotten). */
  forgetSubscription(broker: string, filter: string): void {
    const prefixes = ["t", "l", "m"].map((kind) => `${kind}${SEP}${broker}${SEP}${filter}`);
    for (const id of [...this.nodes.keys()]) {
      if (prefixes.some((p) => id === p || id.startsWith(`${p}${SEP}`))) this.nodes.delete(id);
    }
  }

  /** Drops the level node of a path that is no longer shown (its levels were dropped or compacted away). */
  forgetLevel(broker: string, filter: string, path: string): void {
    this.nodes.delete(`l${SEP}${broker}${SEP}${filter}${SEP}${path}`);
  }

  private intern<T extends TreeNode>(fresh: T): T {
    const existing = this.nodes.get(fresh.id);
    if (existing) return existing as T;
    this.nodes.set(fresh.id, issue(fresh));
    return fresh;
  }
}
