// Feeds one device profile to the profile reader, then runs a script that reads every menu of it.
import {
  createBasicHost,
  createDevice,
  Interpreter,
  ProfileError,
  SourceText,
} from "../../server/src/interpreter";
import { parseDeviceProfile } from "../../server/src/interpreter";
import { expect, expectMessage } from "./invariants";

const READER = `:foreach m in={"/system/resource";"/interface";"/system/routerboard"} do={ :put $m }
:put [/system resource get cpu-load]
:foreach i in=[/interface find] do={ :put [/interface get $i name] }
/interface print
/system resource print`;

export async function checkProfile(text: string): Promise<void> {
  let profile;
  try {
    profile = parseDeviceProfile(text);
  } catch (error) {
    // A bad profile is refused with a located reason; anything else thrown is a crash.
    if (!(error instanceof ProfileError)) throw error;
    expectMessage(text, error.message, "profile error");
    expect(error.where.length > 0, "a profile error says where");
    return;
  }
  const interpreter = new Interpreter(createBasicHost({ device: createDevice(profile) }));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 150);
  try {
    const outcome = await interpreter.run(new SourceText("reader.rsc", READER), {
      signal: controller.signal,
    });
    if (outcome.status === "error")
      for (const f of outcome.failures) expect(f.code !== "RSC4008", `no internal error: ${f.message}`);
  } finally {
    clearTimeout(timer);
  }
}
