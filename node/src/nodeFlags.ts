/**
 * The Node flags Trackplan's processes run with: a larger young generation. A scan allocates one
 * syntax tree per file that lives just long enough to outlast V8's default semi-spaces, so each
 * scavenge copies it and then promotes it to the old generation, which grows and is collected again.
 * With 32 MB semi-spaces most trees die young. Measured on the benchmark (docs/performance.md): a
 * cold check of 20,000 files 4.6 → 4.0 s with peak RSS 317 → 219 MB; a keystroke in a 5,000-line
 * file p50 96 → 62 ms, p95 122 → 66 ms.
 *
 * V8 reads heap sizes only at start-up, so they cannot be set from inside a running process: the
 * VS Code client passes them to the server (`execArgv`), the CLI's shebang carries them, and the
 * README gives them for other editors' server commands.
 */
export const trackplanNodeFlags: readonly string[] = ['--max-semi-space-size=32'];
