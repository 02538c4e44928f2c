import os from 'node:os';
import path from 'node:path';

// Where AMI School keeps its files: one config folder for the saved progress (progress.json, and
// progress-<pack id>.json for each lesson pack) and the sandbox of `ami-school aws` (sandbox.json).
// AMI_SCHOOL_CONFIG_DIR moves it (tests do).

export const configDir = (env: NodeJS.ProcessEnv = process.env): string => {
	if (env.AMI_SCHOOL_CONFIG_DIR) return env.AMI_SCHOOL_CONFIG_DIR;
	const home = os.homedir();
	if (process.platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'ami-school');
	if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'ami-school');
	return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'ami-school');
};

/**
 * Where versions up to 0.1.0 kept progress.json: conf's default folder (env-paths with the
 * `-nodejs` suffix), beside rather than inside the config folder. Moved on first use.
 */
export const legacyProgressDir = (env: NodeJS.ProcessEnv = process.env): string => {
	const home = os.homedir();
	if (process.platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'ami-school-nodejs');
	if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'ami-school-nodejs', 'Config');
	return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'ami-school-nodejs');
};

/** The sandbox used by `ami-school aws …`: $AMI_SCHOOL_SANDBOX, else sandbox.json in the config folder. */
export const sandboxPath = (env: NodeJS.ProcessEnv = process.env): string => env.AMI_SCHOOL_SANDBOX || path.join(configDir(env), 'sandbox.json');
