// The `routerosMqtt.run.deviceProfile` setting (no vscode import): where the file is, and the profile it holds, with errors that say what is wrong and where.
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import {
  DEFAULT_PROFILE,
  parseDeviceProfile,
  ProfileError,
  type DeviceProfile,
} from "../../../../server/src/interpreter";

/** Folders a relative setting is resolved against. */
export interface ProfileBase {
  /** The workspace folder of the script (or the first one). */
  readonly workspaceFolder?: string;
  /** The script's own folder (untitled scripts have none). */
  readonly scriptFolder?: string;
}

export interface LoadedProfile {
  readonly profile: DeviceProfile;
  /** For the run's header: `the shipped hAP ax3 profile` or the file's path. */
  readonly label: string;
  /** The file, when not the shipped one. */
  readonly path?: string;
}

/** The profile file cannot be used; `message` names the file and the problem. */
export class DeviceProfileError extends Error {
  override readonly name = "DeviceProfileError";
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

/**
 * The file a setting names: `${workspaceFolder}` and `~` expand; a relative path is taken from the workspace folder,
 * else the script's folder. Undefined for an empty setting (the shipped profile).
 */
export function resolveProfilePath(setting: string, base: ProfileBase): string | undefined {
  const trimmed = setting.trim();
  if (trimmed === "") return undefined;
  let path = trimmed;
  if (path.includes("${workspaceFolder}")) {
    if (base.workspaceFolder === undefined)
      throw new DeviceProfileError(
        `routerosMqtt.run.deviceProfile uses \${workspaceFolder}, but no folder is open`,
        trimmed,
      );
    path = path.split("${workspaceFolder}").join(base.workspaceFolder);
  }
  if (path === "~" || path.startsWith("~/")) path = join(homedir(), path.slice(1));
  if (isAbsolute(path)) return path;
  const folder = base.workspaceFolder ?? base.scriptFolder;
  if (folder === undefined)
    throw new DeviceProfileError(
      `routerosMqtt.run.deviceProfile is the relative path "${trimmed}", but there is no folder to resolve it against; use an absolute path`,
      trimmed,
    );
  return resolve(folder, path);
}

function describeDefault(): string {
  const description = DEFAULT_PROFILE.description ?? "";
  const device = /^A MikroTik ([^(:]+?)\s*(\(|running|:)/.exec(description)?.[1];
  return device ? `the shipped ${device} profile` : "the shipped device profile";
}

/** Reads and checks the profile the setting names (the shipped one for an empty setting). */
export async function loadDeviceProfile(setting: string, base: ProfileBase): Promise<LoadedProfile> {
  const path = resolveProfilePath(setting, base);
  if (path === undefined) return { profile: DEFAULT_PROFILE, label: describeDefault() };
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a folder"
          : code === "EACCES"
            ? "permission denied"
            : error instanceof Error
              ? error.message
              : String(error);
    throw new DeviceProfileError(`cannot read the device profile ${path}: ${reason}`, path);
  }
  try {
    return { profile: parseDeviceProfile(text), label: path, path };
  } catch (error) {
    if (error instanceof ProfileError)
      throw new DeviceProfileError(`bad device profile ${path}: ${error.message}`, path);
    throw error;
  }
}
