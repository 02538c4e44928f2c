import {ensureRegions, freshWorld} from '../../source/sim/fresh-world.js';
import {DEFAULT_REGIONS} from '../../source/sim/regions.js';
import type {World} from '../../source/sim/types.js';

/** A fresh world with every default Region already filled in, for tests that read Regions directly. */
export const worldWithAllRegions = (): World => ensureRegions(freshWorld(), [...DEFAULT_REGIONS]);
