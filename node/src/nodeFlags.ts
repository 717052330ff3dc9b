/**
 * The Node flags Trackplan's processes run with. V8 reads heap sizes only at start-up, so they
 * cannot be set from inside a running process: the CLI's shebang carries its flags, and the VS Code
 * client passes the server's (`execArgv`).
 *
 * The CLI: a larger young generation. A check allocates one syntax tree per scanned file that
 * lives just long enough to outlast V8's default semi-spaces, so each scavenge copies it and then
 * promotes it to the old generation, which grows and is collected again. With 32 MB semi-spaces
 * most trees die young. Measured on the benchmark (docs/performance.md): a cold check of 20,000
 * files 4.6 → 4.0 s with peak RSS 317 → 219 MB. With the parser-only bundles (session 4) it pays
 * at 100,000 files (12–14 s and 232 MB against 17 s and 375–389 MB without, two interleaved pairs)
 * and is about even at 20,000 (time within noise, 172 against 140 MB).
 *
 * The server: V8's defaults. Since an edit re-parses only what it changed, a keystroke allocates
 * little, and with large semi-spaces each scavenge (every twenty keystrokes or so) copies more and
 * pauses longer: keystroke → diagnostics p95 22–23 ms with 32 MB semi-spaces, 19–20 ms without,
 * p50 unchanged (2,000-file benchmark tree, four runs each, interleaved); RSS after indexing
 * 20,000 files 215 → 183 MB. At 100,000 files the flag used to pay (RSS 243 against 413 MB); since
 * the bundles carry TypeScript's parser alone it does not (RSS 217–422 MB with it, 359–385 without,
 * four interleaved pairs; docs/performance.md, item 11).
 */
export const cliNodeFlags: readonly string[] = ['--max-semi-space-size=32'];

export const serverNodeFlags: readonly string[] = [];
