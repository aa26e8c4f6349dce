/**
 * `mlegrade/runner`: runs agents in containers and grades what they hand in (Node only).
 */
export {};
