// The `rsc` task type: "rsc: check" and "rsc: run" in Run Task, run with the CLI shipped in the extension
// (dist/cli.js) and read back into Problems by the `$rsc` problem matcher.
import * as vscode from "vscode";

export const RSC_TASK_TYPE = "rsc";
const PROBLEM_MATCHER = "$rsc";

/** A task of type `rsc` as written in tasks.json (`command` required). */
interface RscTaskDefinition extends vscode.TaskDefinition {
  readonly command: "check" | "run";
  readonly paths?: readonly string[];
  readonly args?: readonly string[];
}

function isRscDefinition(definition: vscode.TaskDefinition): definition is RscTaskDefinition {
  const { command, paths, args } = definition as Partial<RscTaskDefinition>;
  const strings = (value: unknown): boolean =>
    value === undefined || (Array.isArray(value) && value.every((v) => typeof v === "string"));
  return (command === "check" || command === "run") && strings(paths) && strings(args);
}

/** The rsc command line of a definition: check defaults to the folder, run to the active file (`${file}`). */
export function rscArguments(definition: RscTaskDefinition): string[] {
  const paths = definition.paths && definition.paths.length > 0 ? [...definition.paths] : undefined;
  const args = [...(definition.args ?? [])];
  return definition.command === "check"
    ? ["check", ...args, ...(paths ?? ["."])]
    : ["run", ...(paths ?? ["${file}"]), ...args];
}

export class RscTaskProvider implements vscode.TaskProvider {
  constructor(private readonly cliPath: string) {}

  provideTasks(): vscode.Task[] {
    const tasks: vscode.Task[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      tasks.push(this.task({ type: RSC_TASK_TYPE, command: "check" }, folder));
      tasks.push(this.task({ type: RSC_TASK_TYPE, command: "run" }, folder));
    }
    return tasks;
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const definition = task.definition;
    if (!isRscDefinition(definition)) return undefined;
    const scope = task.scope ?? vscode.TaskScope.Workspace;
    return this.task(definition, scope, task.name);
  }

  private task(
    definition: RscTaskDefinition,
    scope: vscode.WorkspaceFolder | vscode.TaskScope.Global | vscode.TaskScope.Workspace,
    name: string = definition.command === "check" ? "check" : "run the active script",
  ): vscode.Task {
    const cwd = typeof scope === "object" ? scope.uri.fsPath : undefined;
    // The extension host's own executable runs the CLI: Node in code-server and remote hosts, Electron acting as
    // Node (ELECTRON_RUN_AS_NODE) on the desktop, so no separate Node installation is needed.
    const execution = new vscode.ProcessExecution(
      process.execPath,
      [this.cliPath, ...rscArguments(definition)],
      {
        env: { ELECTRON_RUN_AS_NODE: "1" },
        ...(cwd !== undefined ? { cwd } : {}),
      },
    );
    const task = new vscode.Task(definition, scope, name, RSC_TASK_TYPE, execution, [PROBLEM_MATCHER]);
    if (definition.command === "check") task.group = vscode.TaskGroup.Build;
    task.detail =
      definition.command === "check"
        ? "Check the workspace's .rsc files; problems go to the Problems panel"
        : "Run the active script against a simulated device and an embedded MQTT broker";
    return task;
  }
}

/** Registers the provider for tasks of type `rsc`. */
export function registerRscTasks(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.tasks.registerTaskProvider(
    RSC_TASK_TYPE,
    new RscTaskProvider(context.asAbsolutePath("dist/cli.js")),
  );
}
