import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A virtual X display (Xvfb) for the one thing a headless browser cannot do: show a native dialog that a test
 * answers as a user would, with the keyboard (xdotool). `.ci/run` installs Debian's `xvfb` and `xdotool`.
 */
export interface XDisplay {
  /** `:N`, for `DISPLAY`. */
  display: string;
  /** Presses keys in the focused window, as `xdotool key` names them (`Tab`, `Return`). */
  press(...keys: string[]): Promise<void>;
  stop(): Promise<void>;
}

function missing(tool: string, pkg: string): Error {
  return new Error(`${tool} is not installed: install Debian's ${pkg} (.ci/run does) to run this suite`);
}

/** Starts Xvfb on the first free display number; it tells which on the file descriptor it is given. */
export async function startXDisplay(): Promise<XDisplay> {
  const server: ChildProcess = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const number = await new Promise<string>((resolve, reject) => {
    let said = '';
    let errors = '';
    server.stdio[3]?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('\n')) resolve(said.trim());
    });
    server.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? missing('Xvfb', 'xvfb') : error),
    );
    server.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it opened a display: ${errors}`)));
  });
  const display = `:${number}`;
  const env = { ...process.env, DISPLAY: display };
  const xdotool = async (...args: string[]) => {
    try {
      await run('xdotool', args, { env });
    } catch (error) {
      throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? missing('xdotool', 'xdotool') : error;
    }
  };
  return {
    display,
    press: async (...keys) => {
      for (const key of keys) await xdotool('key', key);
    },
    stop: async () => {
      if (server.exitCode !== null) return;
      const gone = new Promise((resolve) => server.once('exit', resolve));
      server.kill();
      await gone;
    },
  };
}
