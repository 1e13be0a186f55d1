// `debrief`: the command-line entry point. Dispatches to subcommands; add one by adding an entry to COMMANDS.
import { runCheck } from './check';

export interface Command {
  summary: string;
  /** Resolves to the process exit code. */
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  check: {
    summary: 'find legal and tone risk in interview feedback or in a request for feedback',
    run: runCheck,
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: debrief <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    "Run `debrief <command> --help` for a command's options.",
    '',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' ? rest[0] : undefined;
    if (target && COMMANDS[target]) return COMMANDS[target].run(['--help']);
    process[name === undefined ? 'stderr' : 'stdout'].write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`debrief: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`debrief: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
