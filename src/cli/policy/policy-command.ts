// Dispatcher for `jiuyebang policy <command> [flags]`: looks the command up in a plain registry, prints one
// JSON object on stdout (exit 0) or a one-line error on stderr (exit 2 for bad arguments, 1 otherwise).
import { deadlineCommand } from './deadline-command.ts';
import { hardshipCommand } from './hardship-command.ts';
import { idCommand } from './id-command.ts';
import { planCommand } from './plan-command.ts';
import { UsageError, type PolicyIo, type PolicySubcommand } from './policy-subcommand.ts';
import { retirementCommand } from './retirement-command.ts';

export type { PolicyIo, PolicySubcommand } from './policy-subcommand.ts';

/** The subcommands; other modules add theirs (e.g. `hardship`, `plan`) by adding an entry here. */
export const policyCommands: Record<string, PolicySubcommand> = {
  id: idCommand,
  retirement: retirementCommand,
  deadline: deadlineCommand,
  hardship: hardshipCommand,
  plan: planCommand,
};

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

function listCommands(): string {
  return Object.values(policyCommands).map((c) => c.usage).join(' | ');
}

/** Runs `policy <command> ...argv`; returns the exit code. */
export async function runPolicyCommand(argv: string[], io: PolicyIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    if (name === undefined) {
      io.err(`missing policy command: ${listCommands()}\n`);
      return 2;
    }
    io.out(`${JSON.stringify({ commands: Object.values(policyCommands).map((c) => c.usage) })}\n`);
    return 0;
  }
  const command = Object.hasOwn(policyCommands, name) ? policyCommands[name] : undefined;
  if (command === undefined) {
    io.err(`unknown policy command ${JSON.stringify(name)}: ${listCommands()}\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`policy ${name}: ${oneLine(error.message)}\n`);
      return 2;
    }
    io.err(`policy ${name} failed: ${oneLine(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
}
