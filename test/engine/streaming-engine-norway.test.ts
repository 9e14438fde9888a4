/** The streaming engine's invariances (streaming-engine-cases.ts) for the Norwegian scenarios, pseudo and sobol. */
import { streamingCases } from './streaming-engine-cases.js';

streamingCases(['Norwegian', 'Norwegian, sobol in randomized blocks,']);
