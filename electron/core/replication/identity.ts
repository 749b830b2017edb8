/**
 * Who decided an event: every console is a node, named by its site code and console number
 * (`A1`, `A2`, `HQ1`). The site is what people say aloud with an incident's number (`A-12`).
 */
export const NODE_ID_PATTERN = /^[A-Z]{1,4}[0-9]{1,3}$/;
export const NODE_ID_RULE = 'a site code of 1 to 4 capital letters and a console number of 1 to 3 digits, e.g. A1';

/** A console that was never given a node id is console 1 of site A: one console needs no setup. */
export const DEFAULT_NODE = 'A1';

export const isNodeId = (value: string): boolean => NODE_ID_PATTERN.test(value);

/** The site part of a node id: `HQ1` → `HQ`. */
export const siteOf = (node: string): string => node.replace(/[0-9]+$/, '');
