import os from 'node:os';
import path from 'node:path';

// Where AMI School keeps its files when the user names none: the platform's config folder.

export const configDir = (env: NodeJS.ProcessEnv = process.env): string => {
	if (env.AMI_SCHOOL_CONFIG_DIR) return env.AMI_SCHOOL_CONFIG_DIR;
	const home = os.homedir();
	if (process.platform === 'darwin') return path.join(home, 'Library', 'Preferences', 'ami-school');
	if (process.platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'ami-school');
	return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'ami-school');
};

/** The sandbox used by `ami-school aws …`: $AMI_SCHOOL_SANDBOX, else sandbox.json in the config folder. */
export const sandboxPath = (env: NodeJS.ProcessEnv = process.env): string => env.AMI_SCHOOL_SANDBOX || path.join(configDir(env), 'sandbox.json');
