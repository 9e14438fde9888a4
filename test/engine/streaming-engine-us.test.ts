/** The streaming engine's invariances (streaming-engine-cases.ts) for the US scenarios, pseudo and sobol. */
import { streamingCases } from './streaming-engine-cases.js';

streamingCases(['US', 'US, sobol in randomized blocks,']);
