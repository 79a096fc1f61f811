# Diagnostics in English. Every message here has the same id in zh.ftl; its value is
# the message, its `.hint` the hint. Official labels come in as arguments
# ($row, $total, $column …) and are quoted verbatim. Keep each message on one line.

## How a diagnostic is framed

severity-error = error
severity-warning = warning
colon = {": "}
then-hint = {"; "}hint: { $hint }
hint-label = {"hint: "}
cell-label = {"cell: "}
expected-found = expected { $expected }, found { $found }
expected-only = expected { $expected }
found-only = found { $found }
summary-errors = error: { $file }: { $errors } error(s), { $warnings } warning(s)
summary-clean = { $file }: no errors, { $warnings } warning(s)

## Validation: the report's header and prose

agency-empty = the agency's name is empty, so the title and the signature would be blank
    .hint = give the agency's full official name, e.g. 威海市文登区科学技术局
year-2019 = reports on years before 2021 follow the 2019 trial format (国办公开办函〔2019〕60号), not the 2021 format this crate produces
    .hint = check the year: the 2021 format (国办公开办函〔2021〕30号) applies to 2021 and later
assess = a people's government's report must cover { $title }
    .hint = add the sub-section `assessment` to { $heading }
date-year = a report on { $year } is published in { $next }, but this one is dated { $date }
    .hint = check the date and the statistical year
date-late-department = the date is after the deadline for a department, { $deadline }
    .hint = publish by the deadline (条例 第四十九条), or check the agency's kind
date-late-government = the date is after the deadline for a people's government's own report, { $deadline }
    .hint = publish by the deadline (条例 第四十九条), or check the agency's kind
title-year = the year in the title is not the statistical year
    .hint = the title reads 〈机关名称〉〈统计年度〉年政府信息公开工作年度报告
title-no-year = the year in the title is not the statistical year
    .hint = the title reads 〈机关名称〉〈统计年度〉年政府信息公开工作年度报告
text-unprintable = { $kind ->
        [newline] a line break ({ $code })
        [return] a carriage return ({ $code })
        [tab] a tab ({ $code })
       *[other] { $code }
    } at character { $at }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more such character(s)
    } cannot be printed
    .hint = a paragraph is one string: split it into separate paragraphs and remove control and invisible characters
empty-preamble = there is no preamble
    .hint = give the legal basis, the parts, the statistical period, where the electronic version is published and the contact address and telephone
empty-problems = the section is empty
    .hint = state the problems and the improvement plan
empty-fees = the fee item says nothing
    .hint = say what 信息处理费 was charged under 国办函〔2020〕109号, or that none was (未收取)
empty-text = the text is blank and prints as nothing
    .hint = write it, or remove the paragraph or item
numbering = the title starts with the number `{ $number }` written by hand
    .hint = leave the number out: it is generated from the item's place
cite-2019 = the text cites the superseded 2019 trial format (国办公开办函〔2019〕60号)
    .hint = reports on 2021 and later follow 国办公开办函〔2021〕30号
cite = the 2021 format is cited in a wrong form
    .hint = write { $citation }: issuer 国办公开办函, brackets 〔〕 (U+3014, U+3015), no spaces
prose-what = { $kind ->
        [received] applications received
        [carried-over] applications carried over from last year
        [closed] applications closed
        [carried-forward] applications carried forward to next year
        [reviews] administrative reviews (行政复议)
        [lawsuits] administrative lawsuits (行政诉讼)
        [licensing] 行政许可 decisions
        [penalties] 行政处罚 decisions
        [enforcement] 行政强制 decisions
        [normative-issued] normative documents issued
        [normative-repealed] normative documents repealed
        [normative-in-force] normative documents in force
       *[fee] administrative fees in 万元
    }
prose-number = the text ({ $words }) states { $n } { prose-what }, but the tables give { $actual } ({ $fact })
    .hint = make the prose and the tables say the same; the placeholder {"{"}{ $fact }{"}"} prints the table's figure
prose-none = the text ({ $words }) says there were no { prose-what }, but the tables give { $actual } ({ $fact })
    .hint = make the prose and the tables say the same; the placeholder {"{"}{ $fact }{"}"} prints the table's figure

## Placeholders in the prose

placeholder-unknown = unknown placeholder { $name }
    .hint = did you mean { $closest }? For a literal brace write {"{{"}
placeholder-unknown-far = unknown placeholder { $name }
    .hint = use a name listed in { $file }; for a literal brace write {"{{"}
placeholder-previous = the placeholder { $name } compares with last year, but last year's report is not given
    .hint = give last year's report: { $option } LAST_YEAR.toml on the command line, or validate(&report, Some(&last_year)) in Rust
placeholder-empty = the placeholder { $name } stands for an agency detail that is empty, so it prints as nothing
    .hint = fill in the agency's address, telephone and website (agency.address, agency.telephone, agency.website)
placeholder-unclosed = the brace {"{"} at character { $at } is not closed
    .hint = close the placeholder with {"}"}, or write {"{{"} for a literal brace
placeholder-unopened = the brace {"}"} at character { $at } closes no placeholder
    .hint = write {"}}"} for a literal brace

## Validation: the tables

fee-negative = the fee is negative
    .hint = give the amount charged in 万元, 0 if none
issuer = only 国务院部门 and the governments of provinces and 设区的市 make { $rules }, but a county- or township-level agency reports some
    .hint = check the row: { $normative } are usually meant, or the agency's level
t3c = { $total } is not the sum of its row: { $parts } = { $computed }, but { $total } says { $stated }
    .hint = correct { $total } or the cell of this row that is wrong
t3c-overflow = the row's sum is too large to be a count
    .hint = check the row's numbers
t3b = { $total_row } is not the sum of （一）–（六） in column { $column }: the rows add up to { $expected }, but { $total_row } says { $found }
    .hint = correct { $total_row } or the row of （一）–（六） that is wrong in this column
t3a = 一 + 二 ≠ （七） + 四 in this column: 本年新收 { $received } + 上年结转 { $carried_over } = { $left }, but { $total_row } { $total } + 结转下年度继续办理 { $carried_forward } = { $right }
    .hint = every application received or carried over is either closed this year ({ $total_row }) or carried forward (四): find the cell that is wrong
t4 = { $total } is not the sum of its parts: { $parts } = { $computed }, but { $total } says { $found }
    .hint = correct { $total } or the outcome that is wrong
t4-overflow = { $total } is not the sum of its parts: { $parts } = { $computed }, but { $total } says a sum too large to be a count
    .hint = correct { $total } or the outcome that is wrong

## Validation: against last year's report

prev-year = the report given as last year's is not on the year before, so continuity was not checked
    .hint = pass the report on the previous year
prev-agency = last year's report is by another agency name; continuity was checked anyway
    .hint = pass the same agency's report, or ignore this if the agency was renamed
prev-errors = last year's file { $file } has { $errors } error(s); the cross-year checks used the cells that could be read
    .hint = check last year's file on its own to see its errors
prev-unread = last year's file { $file } has { $errors } error(s); its shape is wrong, so there was no cross-year check
    .hint = check last year's file on its own to see its errors
y-cont = 上年结转 { $found } differs from last year's { $forward } { $expected }
    .hint = what last year carried forward is what this year carried over
s-cont = last year's { $in_force_label } { $last } + { $issued_label } { $issued } − { $repealed_label } { $repealed } = { $expected }, but { $in_force_label } is { $now }
    .hint = legitimate after a clean-up (清理) of documents: say so in the prose; otherwise correct the counts

## Reading the tables keyed by their labels

cell-value = { $kind ->
        [blank] a blank cell
        [null] null (a blank cell)
        [list] a list
        [map] a group of rows
        [text] "{ $value }"
       *[other] { $value }
    }
cell-want = { $want ->
        [fee] a non-negative amount in 万元
       *[other] a non-negative integer
    }
cell-not-group = expected the rows or columns under this label, found { cell-value }
    .hint = give { $expected }
cell-missing = missing: every cell of the table must be given, 0 included
    .hint = give the number, 0 if there is none
cell-blank = the cell is blank; it is read as unknown, not as 0, and every rule that needs it is skipped
    .hint = every cell holds a number; zero is written 0, never blank or /
cell-bad = the cell is { cell-value }, not { cell-want }
    .hint = every cell holds a number; zero is written 0, never blank or /
cell-float = the cell is { $found }, not a non-negative integer
    .hint = every count is a whole number, written without a decimal point
cell-fee-digits = the amount { $found } has more significant digits than can be kept exactly ({ $max })
    .hint = give the amount in 万元 with at most { $max } significant digits; it is never rounded silently
label-twice = the label `{ $key }` is given twice
    .hint = give each row and column once
f2019-single-row = { $label } is a single row, as in the superseded 2019 trial format
    .hint = the 2021 format splits { $label } into { $count ->
        [1] one
        [2] two
        [3] three
        [4] four
        [5] five
       *[other] { $count }
    } rows: { $rows }
label-2019 = `{ $key }` is a label of the superseded 2019 trial format
    .hint = use the 2021 format's table (国办公开办函〔2021〕30号)
label-2019-read-as = `{ $key }` is a label of the superseded 2019 trial format; read as the 2021 label `{ $label }`
    .hint = write `{ $label }`, as in the 2021 format's table (国办公开办函〔2021〕30号)
label-variant = the label `{ $key }` is not written as in the template; read as `{ $label }`
    .hint = write `{ $label }`
label-read-as = unknown label `{ $key }` under { $place }; read as `{ $label }`
    .hint = write `{ $label }`
label-read-as-top = unknown label `{ $key }` at the top level; read as `{ $label }`
    .hint = write `{ $label }`
label-unknown = unknown label `{ $key }` under { $place }
    .hint = did you mean `{ $closest }`?
label-unknown-none = unknown label `{ $key }` under { $place }
    .hint = no label is expected here
label-unknown-top = unknown label `{ $key }` at the top level
    .hint = did you mean `{ $closest }`?
label-unknown-top-none = unknown label `{ $key }` at the top level
    .hint = no label is expected here

## Data files

data = { $detail }
    .hint = see the JSON Schema (report-core/schema/govreport.schema.json) or a file written by `govreport init`
load-io = cannot read { $file }: { $detail }
load-too-large = { $file } is { $size } bytes, larger than the limit of { $limit } bytes (16 MiB) for a data file
load-not-utf8 = { $file }{ $at }: the file is not UTF-8 text (save it as UTF-8, not GBK/GB18030)
load-empty = { $file }: the file is empty
load-syntax = { $file }{ $at }: invalid { $format }: { $detail }

## The renderer

font-unreadable = font file { $file } could not be read as a font; it is ignored
    .hint = check that the file is a complete TrueType or OpenType font
font-folder-empty = font folder { $dir } holds no font files
    .hint = the bundled fonts are used
font-fallback = '{ $char }' ({ $code }) is not in { $family }; it is drawn from { $fallback }
    .hint = the character looks different from its neighbours; pass a font folder whose { $role ->
        [title] title (小标宋)
        [heading1] heading (黑体)
        [heading2] sub-heading (楷体)
        [page] page number (宋体)
       *[body] body (仿宋)
    } font has it
typst = { $detail }
    .hint = { $hints }

## The command line's own messages

cli-error = error: { $message }
cli-exists = { $path } exists; pass --force to overwrite it
cli-cannot-write = cannot write { $path }: { $reason }
cli-not-rendered = not rendered: the report has errors
cli-not-rendered-force = not rendered: the report has errors (--force renders it anyway)
cli-unknown-extension = { $path }: { $found } is not an extension of an output; the extensions are { $accepted } (or say what to write with --format pdf|html|docx)
cli-no-extension = { $path } has no extension to tell what to write; the extensions are { $accepted } (or say what to write with --format pdf|html|docx)
cli-previous-unreadable = last year's file { $path } cannot be read as a report:
cli-not-a-report = { $path } cannot be read as a report
cli-cannot-read-folder = cannot read the folder { $path }: { $reason }
cli-cannot-create = cannot create { $path }: { $reason }
cli-batch-done = rendered { $done } of { $total } data file(s) into { $dir }
cli-batch-failed = { $failed } of { $total } failed:
cli-failed-count = { $n } failed
diff-agencies = the reports are by different agencies ({ $last } and { $this }); compare two reports of the same agency, or pass --force
diff-years = the reports are on { $last } and { $this }, which are not consecutive years; give last year's report first, or pass --force
diff-summary = { $agency }: { $last } → { $this }, { $count } figures compared, { $changed } changed
diff-figure = figure
diff-change = change
diff-change-pct = change %
diff-unchanged = ({ $count } figures unchanged; --all lists them too)
## Importing a published page

import-label-variant = the label `{ $found }` is not written as in the template; read as `{ $label }`
    .hint = write `{ $label }`
import-label-2019 = `{ $found }` is a label of the superseded 2019 trial format; its cells were read as `{ $label }`
    .hint = use the 2021 format's table (国办公开办函〔2021〕30号)
import-label-2019-unread = `{ $found }` is a label of the superseded 2019 trial format
    .hint = use the 2021 format's table (国办公开办函〔2021〕30号)
import-label-misspelt = unknown label `{ $found }`; its cells were read as the closest official row `{ $label }`
    .hint = did you mean `{ $label }`? write the official label
import-header-misspelt = the column header `{ $found }` is not an official label; it stands for `{ $label }` (the column was read by its position)
    .hint = did you mean `{ $label }`? write the official label
import-cell-spans-rows = the number { $found } fills one cell merged over { $count } rows of the format ({ $rows }): which row it belongs to cannot be told, so their cells in this column are unknown
    .hint = give each row its own cell, with its own number
import-row-unplaced = the row `{ $found }` is no row of the format's tables; its cells were not read
    .hint = use the official row labels (docs/format.md §3)
import-row-twice = the row `{ $found }` is given twice; the second one was not read
    .hint = give each row once
import-group-with-values = `{ $found }` heads a group of rows but carries numbers of its own; they were not read
    .hint = put the numbers in the rows of the group
import-cell-blank = the cell is blank, so its value is unknown (it is not read as 0)
    .hint = every cell holds a number; zero is written 0, never blank or /
import-cell-not-number = the cell holds `{ $found }`, not a number, so its value is unknown
    .hint = every cell holds a number; zero is written 0, never blank or /
import-cell-missing = the page's row ends before this cell (a truncated table?), so its value is unknown
    .hint = give every cell of the row, 0 included
import-row-too-long = the row has { $found } value cells where the format has { $expected }; the last { $expected } were read
    .hint = give the format's columns only
import-row-missing = the row is missing from the page's table, so its cells are unknown
    .hint = give every row of the format's table, with 0 where there is none
import-table-missing = the table was not found in the page, so its cells are unknown
    .hint = publish the table as an HTML table, as the format lays it out
import-table-as-image = the table is published as an image, so its cells cannot be read; the prose was imported
    .hint = publish the table as an HTML table (text), so that it can be read and checked
import-table-unread = the table could not be read from the page
import-heading-misnumbered = the section heading `{ $found }` is misnumbered; read as `{ $section }`
    .hint = number the six sections in order: `{ $section }`
import-heading-misworded = the section heading `{ $found }` is not the format's; read as `{ $section }`
    .hint = write the heading as the format does: `{ $section }`
import-heading-missing = the section's heading was not found in the page, so the section is empty
    .hint = give the six sections under the format's headings
import-title-spaced = the title `{ $found }` has spaces inside; read as `{ $read }`
    .hint = write the title without spaces: agency, year, 年政府信息公开工作年度报告
import-title-unread = no title naming the agency and the year (…2023年政府信息公开工作年度报告) was found
    .hint = give the title: the agency's full name, the year, 年政府信息公开工作年度报告
import-signature-missing = no signature (the agency's name) was found at the end of the report; the title's agency was used
    .hint = end the report with the agency's name and the date
import-date-missing = no date (成文日期) was found at the end of the report; { $assumed } was assumed
    .hint = end the report with the date it was written, e.g. 2024年1月22日
import-malformed-bytes = some bytes of the page are not valid { $encoding }; they were replaced by U+FFFD
    .hint = check the page's declared charset
import-text-after-date = text after the date (`{ $found }`) belongs to no section; it was kept as an item of 六
    .hint = end the report with the signature and the date
import-text-in-table-section = the text `{ $found }` in a section that holds only its table was not kept
    .hint = move the text to section 一 or 六, or leave it out
import-table-unplaced = a table with numbers but no row of the format's tables (`{ $found }`) was not kept
    .hint = use the format's table, with its official labels
import-place-line = line { $line }
import-place-table = {", "}table { $table }
import-place-row = {" "}row { $row }
import-place-column = {" "}column { $column }
import-too-large = the page is { $size } bytes, more than the { $limit } bytes a report page can be
import-not-html = the file is not an HTML page
import-no-report = the page holds no annual report: no title, section heading or table of the format was found
import-summary = { $page }: { $errors } error(s), { $warnings } warning(s) reading the page; tables { $read ->
        [yes] read
       *[no] NOT read
    }; wrote { $output }
audit-summary = { $file }: { $agency } { $year }: { $errors } error(s), { $warnings } warning(s); tables { $read ->
        [yes] read
       *[no] NOT read
    }; rules: { $rules }
audit-not-imported = { $file }: not imported: { $why }
audit-previous = last year's report: { $why }
cli-cannot-start-workers = cannot start the workers: { $reason }
audit-summary-written = summary: { $path }
audit-col-file = file
audit-col-year = year
audit-col-tables = tables
audit-col-errors = errors
audit-col-warnings = warnings
audit-col-agency = agency: rules
audit-tables-read = read
audit-tables-not-read = NOT read

## Operating-system errors, in the reader's words (any other is the system's text)

io-not-found = no such file or folder
io-permission-denied = permission denied
io-is-a-directory = it is a folder, not a file
io-not-a-directory = a part of the path is a file, not a folder
io-storage-full = the disk is full
io-not-utf8 = the text is not UTF-8
io-already-exists = it exists already
