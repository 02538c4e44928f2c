import catalogueJson from './catalogue.json' with {type: 'json'};
import docsJson from './docs.json' with {type: 'json'};
import {memoryStore} from './catalogue-store.js';

// The catalogue's entries, from the JSON file. The build replaces this module with one that opens
// the packed dist/catalogue.data instead (scripts/build.mjs), so the bundles carry no catalogue.
export const catalogueStore = memoryStore(catalogueJson as unknown as Parameters<typeof memoryStore>[0], docsJson as unknown as Parameters<typeof memoryStore>[1]);
