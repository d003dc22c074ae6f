// Child process for the flood benchmark: publishes QoS 0 messages to a topic tree at a target rate with the `mqtt` package, then prints what it sent as one JSON line.
import * as mqtt from "mqtt";

interface FloodArgs {
  url: string;
  ratePerSecond: number;
  durationMs: number;
  routers: number;
  metrics: string[];
  /** Topic prefix (default `flood`). */
  prefix?: string;
  /** With interfaces, topics are `<prefix>/r<n>/interfaces/if<i>/<metric>` (a fleet's shape), else `<prefix>/r<n>/<metric>`. */
  interfaces?: number;
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? "{}") as FloodArgs;
  const client = await mqtt.connectAsync(args.url, {
    clientId: `flood-${process.pid}`,
    reconnectPeriod: 0,
    queueQoSZero: false,
  });
  const topics: string[] = [];
  const prefix = args.prefix ?? "flood";
  for (let r = 0; r < args.routers; r++) {
    if (args.interfaces) {
      for (let i = 0; i < args.interfaces; i++)
        for (const m of args.metrics) topics.push(`${prefix}/r${r}/interfaces/if${i}/${m}`);
    } else for (const m of args.metrics) topics.push(`${prefix}/r${r}/${m}`);
  }
  const stream = client.stream as unknown as {
    writableLength: number;
    once(event: "drain", cb: () => void): void;
  };
  let sent = 0;
  const started = Date.now();
  process.stdout.write(JSON.stringify({ ready: true }) + "\n");
  while (Date.now() - started < args.durationMs) {
    const due = Math.floor(((Date.now() - started) / 1000) * args.ratePerSecond);
    while (sent < due) {
      const topic = topics[sent % topics.length] as string;
      // A load that changes from round to round, so a filter on it keeps changing its answer for each topic.
      const load = (sent + Math.floor(sent / topics.length) * 37) % 100;
      client.publish(topic, `{"seq":${sent},"cpu-load":${load},"uptime":"1d02:03:04"}`, { qos: 0 });
      sent++;
      if (stream.writableLength > 1 << 20)
        await new Promise<void>((resolve) => stream.once("drain", resolve));
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  const elapsedMs = Date.now() - started;
  await client.publishAsync("flood/done", JSON.stringify({ sent }), { qos: 1 });
  await client.endAsync();
  process.stdout.write(JSON.stringify({ sent, elapsedMs }) + "\n");
}

main().catch((error: unknown) => {
  process.stderr.write(`flood publisher failed: ${String(error)}\n`);
  process.exit(1);
});
