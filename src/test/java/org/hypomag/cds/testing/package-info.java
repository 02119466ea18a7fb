/**
 * Helpers shared by tests of every package: real HTTP calls to a running server ({@link org.hypomag.cds.testing.Http}),
 * fixture files read as JSON, and the headless Chromium of the browser tests. Test code only; it may import
 * anything, and nothing in src/main imports it.
 */
package org.hypomag.cds.testing;
