/** The HTML workbook's style sheet, inlined so the file stands alone. */
export const workbookCss = `
:root {
	--ink: #1f2430; --muted: #5f6b7a; --faint: #8a94a3; --line: #e3e7ee; --paper: #ffffff; --page: #f4f6f9;
	--accent: #3b5bdb; --accent-soft: #e8edff;
	--ok: #1f9d55; --ok-soft: #e3f6ea; --near: #c27c0e; --near-soft: #fdf3dc; --over: #d63a3a; --over-soft: #fde8e8;
	--info: #3b82c4; --info-soft: #e5f0fa;
}
* { box-sizing: border-box; }
html { background: var(--page); }
body { margin: 0; color: var(--ink); font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 32px 28px 48px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, .mono { font-family: "SFMono-Regular", Menlo, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 0.92em; }
h1, h2, h3 { line-height: 1.25; margin: 0; }
h2 { font-size: 18px; margin: 36px 0 12px; display: flex; align-items: baseline; gap: 10px; }
h2 .count { font-size: 13px; font-weight: 500; color: var(--muted); }
.project + .project { margin-top: 56px; border-top: 3px solid var(--line); padding-top: 32px; }
.eyebrow { text-transform: uppercase; letter-spacing: 0.08em; font-size: 11px; font-weight: 600; color: var(--muted); }
header h1 { font-size: 28px; margin: 4px 0 6px; }
header p { margin: 0; color: var(--muted); }
.stats { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 16px; }
.stat { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 8px 14px; min-width: 110px; }
.stat b { display: block; font-size: 20px; }
.stat span { color: var(--muted); font-size: 12px; }
.stat.errors b { color: var(--over); }
.stat.warnings b { color: var(--near); }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 12px; box-shadow: 0 1px 2px rgba(20, 30, 50, 0.04); }
.gauges { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 14px; }
.gauge { padding: 14px 16px 12px; display: flex; gap: 14px; align-items: center; }
.gauge svg { flex: none; }
.gauge > div { min-width: 0; overflow-wrap: anywhere; }
.gauge .track { stroke: var(--line); }
.gauge.ok .fill { stroke: var(--ok); }
.gauge.near .fill { stroke: var(--near); }
.gauge.over .fill { stroke: var(--over); }
.gauge .figure { font-size: 22px; font-weight: 700; }
.gauge .figure small { font-size: 13px; font-weight: 500; color: var(--muted); }
.gauge .label { font-weight: 600; }
.gauge .detail { color: var(--muted); font-size: 12px; }
.gauge.over .figure { color: var(--over); }
table { width: 100%; border-collapse: collapse; }
th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; font-weight: 600; color: var(--muted); background: #fafbfc; }
tr:last-child td { border-bottom: none; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.table-card { overflow-x: auto; }
.table-card table th:first-child { border-top-left-radius: 12px; }
.table-card table th:last-child { border-top-right-radius: 12px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; background: var(--accent-soft); color: var(--accent); }
.badge.user { background: #efe7ff; color: #6a3fc9; }
.badge.event { background: #e2f4f7; color: #117a8b; }
.badge.any { background: #eef0f3; color: #4a5565; }
.badge.neutral { background: #eef0f3; color: #4a5565; font-weight: 500; }
.badge.ok { background: var(--ok-soft); color: var(--ok); }
.badge.warn, .badge.warning { background: var(--near-soft); color: var(--near); }
.badge.bad, .badge.error { background: var(--over-soft); color: var(--over); }
.badge.information, .badge.hint { background: var(--info-soft); color: var(--info); }
.chips { display: flex; flex-wrap: wrap; gap: 4px; }
.chip { display: inline-block; padding: 1px 8px; border: 1px solid var(--line); border-radius: 6px; font-size: 12px; background: #fafbfc; white-space: nowrap; }
.muted { color: var(--muted); }
.faint { color: var(--faint); }
.name { font-weight: 600; font-size: 14px; }
.group-types { display: grid; gap: 16px; margin-top: 16px; }
.group-type { padding: 0; overflow: hidden; }
.group-type > .head { padding: 14px 18px; border-bottom: 1px solid var(--line); display: flex; flex-wrap: wrap; align-items: center; gap: 8px 10px; }
.group-type > .head h3 { font-size: 17px; margin-right: 6px; }
.group-type > .head .position { color: var(--faint); font-weight: 600; }
.group-type.undeclared { border-color: #f1b8b8; }
.group-type.undeclared > .head { background: var(--over-soft); }
.group-type .description { padding: 12px 18px 0; margin: 0; color: var(--muted); }
.group-type .body > div { padding: 12px 18px 14px; min-width: 0; }
.group-type .body > div + div { padding-top: 4px; }
.group-type h4 { margin: 4px 0 8px; font-size: 12px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); }
.group-type table th { background: none; padding: 4px 8px 4px 0; }
.group-type table td { padding: 6px 8px 6px 0; }
.uses th:first-child, .properties th:last-child { width: 38%; }
.uses th:nth-child(2) { width: 34%; }
.events-line { padding: 0 18px 14px; display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.matrix th.type { text-align: center; }
.matrix td.cell { text-align: center; width: 104px; }
.mark { display: inline-flex; align-items: center; justify-content: center; min-width: 28px; height: 24px; padding: 0 6px; border-radius: 6px; font-weight: 700; font-size: 13px; }
.mark.sent { background: var(--ok-soft); color: var(--ok); }
.mark.missing { background: var(--over-soft); color: var(--over); }
.mark.planned { background: #eef0f3; color: var(--muted); }
.mark.unplanned { background: var(--near-soft); color: var(--near); }
.legend { display: flex; flex-wrap: wrap; gap: 14px; margin-top: 10px; color: var(--muted); font-size: 12px; align-items: center; }
.legend .mark { min-width: 22px; height: 20px; margin-right: 4px; }
.finding-counts { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 12px; }
.finding-counts .chip { padding: 4px 10px; background: var(--paper); }
.finding-counts .chip b { margin-left: 6px; }
.findings td.message { max-width: 620px; }
.findings td.nowrap { white-space: nowrap; }
.properties th:first-child { width: 30%; }
.properties th:nth-child(2) { width: 20%; }
.properties th:nth-child(3) { width: 12%; }
.enum { display: flex; flex-wrap: wrap; gap: 3px; margin-top: 3px; }
.enum span { font-size: 11px; padding: 0 5px; border-radius: 4px; background: #f1f3f6; color: var(--muted); }
.empty { padding: 16px 18px; color: var(--muted); }
footer { margin-top: 40px; color: var(--faint); font-size: 12px; text-align: center; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print { html { background: #fff; } .card { box-shadow: none; break-inside: avoid; } main { padding: 0; } }
`;
