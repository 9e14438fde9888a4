/** The streaming engine's invariances (streaming-engine-cases.ts) for US scenarios through retirement, and the sweeps. */
import { streamingCases, sweepCases } from './streaming-engine-cases.js';

streamingCases(['US with a payout']);
sweepCases();
