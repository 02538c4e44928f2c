// Outputs and stored JSON never hold undefined-valued keys: EC2 omits a member it does not send.

/** Drops the undefined-valued keys of `object` (mutates it) and returns it. */
export const compact = <T extends object>(object: T): T => {
	for (const key of Object.keys(object) as Array<keyof T>) {
		if (object[key] === undefined) delete object[key];
	}

	return object;
};
