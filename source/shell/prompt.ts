import {osFamily} from '../guest/guest.js';
import {instanceDisk} from '../sim/instances/disk.js';
import {privateDnsName} from '../sim/instances/network.js';
import {LOCAL_HOME, LOCAL_HOST, LOCAL_USER} from './line-state.js';
import type {Session} from './session.js';

// The prompt bash shows: the player's own (`student@ami-school:~$ `) or, inside an ssh
// session, Amazon Linux's `[ec2-user@ip-172-31-5-20 ~]$ ` / Ubuntu's `ubuntu@ip-172-31-5-20:~$ `.

const tildeFor = (cwd: string, home: string) => (cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd);

export const promptFor = (session: Session): string => {
	const remote = session.remote;
	if (!remote) return `${LOCAL_USER}@${LOCAL_HOST}:${tildeFor(session.cwd ?? LOCAL_HOME, LOCAL_HOME)}$ `;
	const region = session.world.regions[remote.region];
	const instance = region?.instances.get(remote.instanceId);
	const host = instance ? privateDnsName(remote.region, instance.PrivateIpAddress).split('.')[0] : remote.host;
	const disk = instance && region ? instanceDisk(region, instance) : undefined;
	const home = remote.user === 'root' ? '/root' : `/home/${remote.user}`;
	const cwd = session.remoteShell?.cwd ?? home;
	const sign = remote.user === 'root' ? '#' : '$';
	if (disk && osFamily(disk) === 'ubuntu') return `${remote.user}@${host}:${tildeFor(cwd, home)}${sign} `;
	const base = cwd === home ? '~' : cwd === '/' ? '/' : cwd.slice(cwd.lastIndexOf('/') + 1);
	return `[${remote.user}@${host} ${base}]${sign} `;
};
