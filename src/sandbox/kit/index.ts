// Runs in: Node (simulators). Owns: the public surface of the simulator kit.
export { Router, type Handler, type SimRequest, type SimResponse } from './router.js';
export { startSimServer, type SimServer, type SimServerOptions, type LoggedRequest } from './server.js';
export { FaultBoard, faultSchema, faultKinds, type Fault, type FaultKind } from './faults.js';
export { FixedWindowLimiter, SlidingWindowLimiter, type WindowState } from './ratelimit.js';
export { SimControl } from './control.js';
