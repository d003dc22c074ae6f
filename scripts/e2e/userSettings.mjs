// Writes the user settings of one e2e run: a fixed theme and no welcome page, tips, updates or trust prompts.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const E2E_USER_SETTINGS = {
  "workbench.colorTheme": "Default Dark Modern",
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "security.workspace.trust.enabled": false,
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "telemetry.telemetryLevel": "off",
  "files.autoSave": "off",
  "editor.minimap.enabled": false,
  "window.restoreWindows": "none",
  "chat.commandCenter.enabled": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  // The fixture workspace sits inside this repository: no "open the parent repository?" prompt.
  "git.openRepositoryInParentFolders": "never",
  "git.autoRepositoryDetection": false,
};

/** Writes settings.json into the run's user-data folder, merged with `extra`. */
export function writeUserSettings(dirs, extra = {}) {
  const userDir = join(dirs.userData, "User");
  mkdirSync(userDir, { recursive: true });
  writeFileSync(join(userDir, "settings.json"), JSON.stringify({ ...E2E_USER_SETTINGS, ...extra }, null, 2));
}
