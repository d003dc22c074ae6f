// Payload decoders: what `auto` detects (JSON, text, base64 holding JSON or CBOR, CBOR, hex) and what each decoder shows, including failures shown as hex with the reason.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import {
  base64Bytes,
  decodePayload,
  detectDecoder,
  loadCborDecoder,
  type DecoderName,
} from "../../../client/src/messages/payloadDecoders";

before(() => loadCborDecoder());

// {"cpu":7,"ok":true,"raw":h'0102'} and [1, 1(1700000000)] in CBOR.
const CBOR_MAP = Buffer.from("a3636370750762 6f6bf563726177420102".replace(/ /g, ""), "hex");
const CBOR_TAGGED = Buffer.from("8201c11a6553f100", "hex");

const DETECT: Array<[name: string, payload: Buffer, decoder: string]> = [
  ["empty", Buffer.alloc(0), "text"],
  ["JSON", Buffer.from('{"cpu":1}'), "json"],
  ["text", Buffer.from("hello world"), "text"],
  ["a short base64-looking word stays text", Buffer.from("abcd1234"), "text"],
  ["base64 of JSON", Buffer.from(Buffer.from('{"cpu":1}').toString("base64")), "base64"],
  ["base64 of CBOR", Buffer.from(CBOR_MAP.toString("base64")), "base64"],
  [
    "base64 of plain words stays text",
    Buffer.from(Buffer.from("just some words").toString("base64")),
    "text",
  ],
  ["CBOR map", CBOR_MAP, "cbor"],
  ["binary that is no CBOR", Buffer.from([0xff, 0xfe, 0x00, 0x01]), "hex"],
];
for (const [name, payload, decoder] of DETECT) {
  test(`auto detects ${name} as ${decoder}`, () => {
    assert.equal(detectDecoder(payload), decoder);
  });
}

const VIEWS: Array<[decoder: DecoderName, payload: Buffer, text: string, failure?: string]> = [
  ["cbor", CBOR_MAP, '{\n  "cpu": 7,\n  "ok": true,\n  "raw": "h\'0102\'"\n}\n'],
  ["cbor", CBOR_TAGGED, '[\n  1,\n  {\n    "$tag": 1,\n    "value": 1700000000\n  }\n]\n'],
  ["base64", Buffer.from("eyJjcHUiOjF9"), '{\n  "cpu": 1\n}\n'],
  ["hex", Buffer.from("AB"), "00000000  41 42                                             |AB|\n"],
  ["text", Buffer.from('{"a":1}'), '{"a":1}'],
  ["json", Buffer.from("[1,2]"), "[\n  1,\n  2\n]\n"],
  [
    "cbor",
    Buffer.from([0xff]),
    "00000000  ff                                                |.|\n",
    "not CBOR",
  ],
  [
    "base64",
    Buffer.from("not base64!"),
    "00000000  6e 6f 74 20 62 61 73 65  36 34 21                 |not base64!|\n",
    "the payload is not base64 text",
  ],
  [
    "json",
    Buffer.from([0xff]),
    "00000000  ff                                                |.|\n",
    "the payload is not UTF-8 text",
  ],
];
for (const [decoder, payload, text, failure] of VIEWS) {
  test(`decoder ${decoder} shows ${payload.toString("hex").slice(0, 24)}`, () => {
    const view = decodePayload(payload, decoder);
    assert.equal(view.text, text);
    assert.equal(view.decoder, decoder);
    if (failure === undefined) assert.equal(view.failure, undefined);
    else assert.ok(view.failure?.startsWith(failure), view.failure);
  });
}

test("base64url is read too, and whitespace inside base64 is ignored", () => {
  assert.deepEqual(base64Bytes("-_8"), undefined);
  assert.deepEqual(base64Bytes("-_8A"), Buffer.from([0xfb, 0xff, 0x00]));
  assert.deepEqual(base64Bytes("eyJj\ncHUiOjF9"), Buffer.from('{"cpu":1}'));
});

test("auto keeps the place where text that starts like JSON breaks; the text decoder shows it as it is", () => {
  const broken = Buffer.from('{"cpu":,"mem":1}');
  assert.equal(decodePayload(broken, "auto").jsonProblem?.offset, 7);
  assert.equal(decodePayload(broken, "auto").text, '{"cpu":,"mem":1}');
  assert.equal(decodePayload(broken, "text").jsonProblem, undefined);
});
