/**
 * The part of web-ext's programmatic API (`cmd.run`) that `npm start` uses; web-ext ships no types. Parameter
 * names are those of its `run` command (node_modules/web-ext/lib/cmd/run.js).
 */
declare module 'web-ext' {
  export interface RunParams {
    sourceDir: string;
    target: Array<'chromium' | 'firefox-desktop'>;
    startUrl?: string[];
    args?: string[];
    chromiumBinary?: string;
    chromiumProfile?: string;
    firefox?: string;
    /** Firefox preferences for the temporary profile. */
    pref?: Record<string, string | number | boolean>;
    keepProfileChanges?: boolean;
    noReload?: boolean;
    noInput?: boolean;
  }

  export interface ExtensionRunner {
    /** Called once every browser has gone (closed by the user, crashed, or after `exit`). */
    registerCleanup(callback: () => void): void;
    exit(): Promise<void>;
  }

  export const cmd: {
    run(params: RunParams, options?: { shouldExitProgram?: boolean }): Promise<ExtensionRunner>;
  };
}
