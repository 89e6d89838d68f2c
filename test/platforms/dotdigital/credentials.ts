// Runs in: vitest. Owns: the credentials of a dotdigital simulator's first API user, as an account holds them
// (the endpoint is the simulator of that user's region).
import type { DotdigitalCredentials } from '../../../src/main/platforms/dotdigital/index.js';
import type { DotdigitalSim } from '../../../src/sandbox/dotdigital/index.js';

export function simCredentials(sim: DotdigitalSim): DotdigitalCredentials {
  const user = sim.credentials[0]!;
  return {
    apiUser: user.username,
    password: user.password,
    region: user.region,
    endpoint: sim.urls[user.region],
  };
}
