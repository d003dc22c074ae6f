// History exports: NDJSON and JSON records (payload as data, text, or base64; MQTT 5 properties), CSV with one column per flattened JSON field, RouterOS times as text and seconds, formula-safe cells, column caps.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  csvCell,
  exportHistory,
  flattenJson,
  type ExportMessage,
} from "../../../client/src/messages/historyExport";
import { loadCborDecoder } from "../../../client/src/messages/payloadDecoders";

const T0 = Date.UTC(2026, 0, 2, 3, 4, 5);

function message(seq: number, payload: string | Buffer, extra: Partial<ExportMessage> = {}): ExportMessage {
  const bytes = typeof payload === "string" ? Buffer.from(payload) : payload;
  return {
    seq,
    topic: "routers/r1/telemetry",
    payload: bytes,
    originalLength: bytes.length,
    truncated: false,
    qos: 0,
    retain: false,
    receivedAt: T0 + seq * 1000,
    ...extra,
  };
}

const HISTORY = [
  message(2, '{"cpu-load":7,"uptime":"1d00:00:10","if":{"ether1":{"rx":5}}}'),
  message(1, '{"cpu-load":3,"uptime":"00:00:30","model":"RB5009"}'),
  message(3, "plain text, with a comma", { truncated: true, originalLength: 999 }),
  message(4, Buffer.from([0xff, 0x00, 0x01]), {
    retain: true,
    properties: { contentType: "application/octet-stream", userProperties: [["site", "eu-1"]] },
  }),
];

test("NDJSON: one record per line, oldest first, payloads as data", () => {
  const { text, notes } = exportHistory(HISTORY, "ndjson");
  const lines = text
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(
    lines.map((l) => [l.seq, l.payload ?? l.payloadBase64]),
    [
      [1, { "cpu-load": 3, uptime: "00:00:30", model: "RB5009" }],
      [2, { "cpu-load": 7, uptime: "1d00:00:10", if: { ether1: { rx: 5 } } }],
      [3, "plain text, with a comma"],
      [4, "/wAB"],
    ],
  );
  assert.deepEqual(lines[3], {
    topic: "routers/r1/telemetry",
    seq: 4,
    receivedAt: "2026-01-02T03:04:09.000Z",
    qos: 0,
    retain: true,
    bytes: 3,
    payloadBase64: "/wAB",
    properties: {
      contentType: "application/octet-stream",
      userProperties: [{ name: "site", value: "eu-1" }],
    },
  });
  assert.equal(lines[2]?.truncated, true);
  assert.deepEqual(notes, ["1 payload was truncated when received"]);
});

test("JSON: the same records as one array", () => {
  const ndjson = exportHistory(HISTORY, "ndjson")
    .text.trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as unknown);
  assert.deepEqual(JSON.parse(exportHistory(HISTORY, "json").text), ndjson);
});

test("CSV: fixed columns, then flattened fields in first-seen order; times as text and seconds", () => {
  const { text } = exportHistory(HISTORY, "csv");
  assert.equal(
    text,
    [
      "received_at,topic,seq,qos,retain,bytes,truncated,properties,cpu-load,uptime,uptime (s),model,if.ether1.rx,payload,payload_base64",
      "2026-01-02T03:04:06.000Z,routers/r1/telemetry,1,0,false,51,false,,3,00:00:30,30,RB5009,,,",
      "2026-01-02T03:04:07.000Z,routers/r1/telemetry,2,0,false,61,false,,7,1d00:00:10,86410,,5,,",
      '2026-01-02T03:04:08.000Z,routers/r1/telemetry,3,0,false,999,true,,,,,,,"plain text, with a comma",',
      '2026-01-02T03:04:09.000Z,routers/r1/telemetry,4,0,true,3,false,"{""contentType"":""application/octet-stream"",""userProperties"":[{""name"":""site"",""value"":""eu-1""}]}",,,,,,,/wAB',
      "",
    ].join("\r\n"),
  );
});

test("CSV: columns beyond the cap are left out and said so", () => {
  const wide = message(
    1,
    JSON.stringify(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, i]))),
  );
  const { text, notes } = exportHistory([wide], "csv", { maxFieldColumns: 4 });
  assert.equal(text.split("\r\n")[0], "received_at,topic,seq,qos,retain,bytes,f0,f1,f2,f3");
  assert.deepEqual(notes, ["6 field columns beyond 4 left out"]);
});

const FLATTEN: Array<[value: unknown, expected: Array<[string, unknown]>]> = [
  [
    { a: 1, b: { c: "x", d: [true, null] } },
    [
      ["a", 1],
      ["b.c", "x"],
      ["b.d.0", true],
      ["b.d.1", null],
    ],
  ],
  [[1, 2], [["payload", "[1,2]"]]],
  [42, [["payload", 42]]],
  [
    { empty: {}, list: [] },
    [
      ["empty", "{}"],
      ["list", "[]"],
    ],
  ],
];
for (const [value, expected] of FLATTEN) {
  test(`flatten ${JSON.stringify(value)}`, () => {
    assert.deepEqual([...flattenJson(value)], expected);
  });
}

test("flattening JSON nested 10,000 deep does not overflow the stack", () => {
  let deep: unknown = 1;
  for (let i = 0; i < 10_000; i++) deep = { a: deep };
  const flat = flattenJson(deep);
  assert.equal(flat.size, 1);
});

const CELLS: Array<[cell: string | number | boolean | null, text: string]> = [
  ["plain", "plain"],
  ["a,b", '"a,b"'],
  ['say "hi"', '"say ""hi"""'],
  ["line\nbreak", '"line\nbreak"'],
  ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
  ["+1", "'+1"],
  ["-2", "'-2"],
  ["@SUM(A1)", "'@SUM(A1)"],
  [-2, "-2"],
  [1.5, "1.5"],
  [true, "true"],
  [null, ""],
];
for (const [cell, text] of CELLS) {
  test(`CSV cell ${JSON.stringify(cell)} → ${JSON.stringify(text)}`, () => {
    assert.equal(csvCell(cell), text);
  });
}

test("a CBOR topic exports what it holds, when its decoder says so", async () => {
  await loadCborDecoder();
  const cbor = Buffer.from("a2636370750766757074696d65623030", "hex"); // {"cpu":7,"uptime":"00"}
  const { text } = exportHistory([message(1, cbor)], "ndjson", { decoderOf: () => "cbor" });
  assert.deepEqual((JSON.parse(text) as { payload: unknown }).payload, { cpu: 7, uptime: "00" });
});
