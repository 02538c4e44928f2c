import path from 'node:path';
import envPaths from 'env-paths';

// Where AMI School keeps its files: one config folder for the saved progress (progress.json, and
// progress-<pack id>.json for each lesson pack) and the sandbox of `ami-school aws` (sandbox.json).
// The folder is each platform's own, as env-paths knows it (~/.config/ami-school or
// $XDG_CONFIG_HOME/ami-school on Linux, ~/Library/Preferences/ami-school on macOS,
// %APPDATA%\ami-school\Config on Windows). AMI_SCHOOL_CONFIG_DIR moves it (tests do).

export const configDir = (env: NodeJS.ProcessEnv = process.env): string => env.AMI_SCHOOL_CONFIG_DIR || envPaths('ami-school', {suffix: ''}).config;

/**
 * Where versions up to 0.1.0 kept progress.json: conf's default folder (env-paths with its
 * `-nodejs` suffix), beside rather than inside the config folder. Moved on first use.
 */
export const legacyProgressDir = (): string => envPaths('ami-school').config;

/** The sandbox used by `ami-school aws …`: $AMI_SCHOOL_SANDBOX, else sandbox.json in the config folder. */
export const sandboxPath = (env: NodeJS.ProcessEnv = process.env): string => env.AMI_SCHOOL_SANDBOX || path.join(configDir(env), 'sandbox.json');
