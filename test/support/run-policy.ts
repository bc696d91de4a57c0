// Runs `jiuyebang policy ...` in-process and collects what it prints, for the calculator's tests.
import { runPolicyCommand } from '../../src/cli/policy/policy-command.ts';

export async function runPolicy(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runPolicyCommand(argv, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}
