import {cleanupScript} from './cleanup-writer.js';
import {LEDGER} from './ledger.js';
import {sessionScript} from './script-writer.js';
import {SessionWriter, type ExportInput} from './session-writer.js';

// The exporter's room: a played session as session.sh and cleanup.sh for the real AWS CLI.
//   quote.ts          the one quoting function (and comments, shown text): its safety rule
//   render.ts         a typed line, parsed by the game's shell, written back as bash
//   policy.ts         what a line may run on the learner's computer (else it is left out)
//   substitute.ts     what in typed text becomes a script variable (IDs, names, the Region)
//   session-writer.ts the session replayed line by line: what each line made, found and recorded
//   script-writer.ts  session.sh around that body: checks before anything is made, helpers
//   cleanup-writer.ts cleanup.sh: from the ledger and the run's tag, in dependency order
//   ledger.ts         the ledger's format, the tags, the cost figures

export type {ExportInput} from './session-writer.js';
export type ExportedScripts = {session: string; cleanup: string; ledger: string; notes: string[]};

/** session.sh and cleanup.sh for a played session (pure: the session is replayed in a fresh sandbox). */
export const exportSession = (input: ExportInput): ExportedScripts => {
	const body = new SessionWriter(input).run();
	const types = Object.values(body.end.regions).flatMap(state => state.instances.values().map(i => i.InstanceType));
	return {
		session: sessionScript(input.title, input.region, body),
		cleanup: cleanupScript(input.title, types),
		ledger: LEDGER,
		notes: body.notes,
	};
};
