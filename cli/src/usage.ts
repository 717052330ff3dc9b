export const usage = `Usage: trackplan check [paths…] [options]
       trackplan init [folder] [--force]
       trackplan report [folder] [--format md|csv|html] [--output FILE]

Checks Amplitude Accounts (group analytics) instrumentation against tracking-plan.yaml.

check   Every tracking-plan.yaml / .yml under the paths (or the nearest one above them) is
        checked, with every JavaScript/TypeScript source file it governs (node_modules and .git
        are skipped).
  --plan FILE          use this plan for everything, instead of discovering plans
  --format FORMAT      text (default), json, sarif (GitHub code scanning), junit (CI test
                       reports) or github (GitHub Actions annotations)
  --max-warnings N     exit 1 when there are more than N warnings
  -q, --quiet          report errors only (warnings neither print nor count)
  --rule CODE=LEVEL    set a rule's severity: off|hint|information|warning|error (repeatable)
  --max-file-size SIZE skip source files larger than SIZE (default 1mb; e.g. 512kb, 4mb)

init    Writes folder/tracking-plan.yaml (default folder: .) from what the code sends: every
        group type with its level, the group properties set through group identify, the events
        that carry groups. Review its TODOs, then run check.
  -f, --force          overwrite an existing plan

report  Writes the Accounts implementation workbook of the plan(s) in or above the folder: group
        types, properties, where each is sent, events × group types, limit gauges, findings.
  --format md|csv|html output format (default: from the --output extension, else md)
  -o, --output FILE    write to FILE instead of stdout (links are relative to it)
  --plan FILE, --rule CODE=LEVEL, --max-file-size SIZE   as for check

  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings over the bar, 2 usage or configuration error.`;
