import {ensureRegions, freshWorld} from '../../source/sim/core/fresh-world.js';
import {DEFAULT_REGIONS} from '../../source/sim/regions/regions.js';
import type {World} from '../../source/sim/core/types.js';

/** A fresh world with every default Region already filled in, for tests that read Regions directly. */
export const worldWithAllRegions = (): World => ensureRegions(freshWorld(), [...DEFAULT_REGIONS]);
