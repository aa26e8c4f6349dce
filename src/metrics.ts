/**
 * `mlegrade/metrics`: the metric functions and their descriptors only, the smallest import for
 * notebooks and browsers. Platform-neutral.
 */
export * from "../metrics/index.js";
