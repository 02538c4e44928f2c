// Ink prints nothing until exit when it thinks it runs in CI. A learner with CI set in a real
// terminal must still see the game, so CI only counts when stdout is not a terminal.
import {env, stdout} from 'node:process';

const check = key => key in env && env[key] !== '0' && env[key] !== 'false';

export default (check('CI') || check('CONTINUOUS_INTEGRATION')) && !stdout.isTTY;
