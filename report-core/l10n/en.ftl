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
cli-batch-invalid = { $file }: { $errors } error(s), first: { $first }
cli-batch-unpaired = warning: { $count } data file(s) have no file of the same agency and the year before in { $dir }: no continuity checks, and no 较上年 placeholders:
cli-batch-unpaired-one = { $file }: { $agency } ({ $year }; no { $last } found)
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
import-furniture-after-date = { $lines } lines after { $dated ->
    [yes] the date
   *[no] the last section (the report has no date)
} (`{ $found }`) read as a web page's footer and menus (the document was made from a web page), not as the report's: left out
    .hint = publish the report itself (its Word file or a PDF of it), not a print of the web page
import-text-in-table-section = the text `{ $found }` in a section that holds only its table was not kept
    .hint = move the text to section 一 or 六, or leave it out
import-table-unplaced = a table with numbers but no row of the format's tables (`{ $found }`) was not kept
    .hint = use the format's table, with its official labels
import-place-line = line { $line }
import-place-paragraph = paragraph { $paragraph }
import-place-page = page { $page }
import-place-table = {", "}table { $table }
import-place-row = {" "}row { $row }
import-place-column = {" "}column { $column }
import-too-large = the page is { $size } bytes, more than the { $limit } bytes a report page can be
import-not-html = the file is not an HTML page
import-no-report = the page holds no annual report: no title, section heading or table of the format was found
import-word-binary = this is a Word document of the old binary format (.doc), which cannot be read safely: open it in Word or WPS and save it as a .docx (Word document), then import the .docx
import-reader-failed = the reader failed on this file ({ $why }): a fault of this program, not of the file; the other files are read. Please report it with the file
import-format-not-built = this is a { $format } file, and this build of the program reads no { $format }: it was built without the feature that reads it
import-docx-not-zip = the file is not a Word document (.docx): a .docx is a zip package, and these bytes are none. Check that the right file was chosen; a document of another format must be saved as .docx (Word document) first
import-docx-damaged = the Word document is damaged or incomplete ({ $why }): open it in Word or WPS, save it again as .docx, and import that file (a download cut short must be downloaded again)
import-docx-too-many-entries = the Word document's package holds { $count } entries, more than the { $limit } read: no report needs so many, so it was not read. Save the document again as .docx from Word or WPS, without embedded files
import-docx-part-too-large = the part `{ $part }` of the Word document holds { $size } bytes, more than the { $limit } read: it was not read. Save the report alone in a new .docx (without large embedded objects) and import that
import-docx-zip-bomb = the part `{ $part }` of the Word document is compressed { $ratio } to 1 (at most { $limit } to 1 is read): that is a zip bomb, not a report, so it was not unpacked. Import the report saved from Word or WPS instead
import-docx-size-mismatch = the part `{ $part }` of the Word document declares { $declared } bytes but holds { $size }: the package is damaged or forged, so it was not read. Save the document again as .docx from Word or WPS
import-docx-total-too-large = the Word document unpacks to more than { $limit } bytes ({ $size } read so far): it was not read. Save the report alone in a new .docx and import that
import-docx-no-document = the file is a zip package but no Word document: it holds no document part (word/document.xml). Choose the report's .docx file (an Excel or other Office file cannot be imported)
import-docx-external-entity = the part `{ $part }` of the Word document declares a DTD: external entities are refused (they can read files or reach the network), so it was not read. Word never writes one; save the document again as .docx from Word or WPS
import-docx-bad-xml = the part `{ $part }` of the Word document is not well-formed XML ({ $why }): the document is damaged. Open it in Word or WPS, save it again as .docx, and import that file
import-pdf-not-pdf = this file is no PDF (it does not begin with %PDF-): check that the right file was chosen; a report published as a web page or a Word file is imported as that
import-pdf-truncated = the PDF is incomplete (its end, %%EOF, is missing): it was probably cut off while downloading; download it again and import the complete file
import-pdf-damaged = the PDF is damaged (its cross-reference table or its page tree cannot be read), so no page of it can be read: open it in a PDF reader and save or print it as a new PDF, or import the report's web page or Word file
import-pdf-encrypted = the PDF is encrypted (even if it opens without a password), so it is not read: save or print an unencrypted copy, or publish the report without encryption, and import that
import-pdf-too-many-pages = the PDF has { $count } pages, more than the { $limit } an annual report can have, so no page was read: import the report on its own, not a collection of documents
import-pdf-too-large = the PDF is { $size } bytes, more than the { $limit } bytes a report can be, so it was not read: a report's PDF is a few hundred kilobytes; import the report on its own (not a collection, not a scan at high resolution)
import-pdf-no-text = page(s) { $pages } have no text layer (they are pictures, as a scan is), so the report cannot be read: import the web page, Word file or PDF the report was written as, or type its figures into a data file
import-pdf-unmapped = on page(s) { $pages } the font gives no Unicode for the characters drawn, so figures and labels would be read wrong: export the PDF again from the original (Word or WPS: Save as PDF), or import the report's web page or Word file
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

## The command line's help and clap's errors (report-typst/cli/src/cli.rs): a command's
## description is cli-help-<command>, an argument's cli-arg-<command>-<argument>, a possible
## value's cli-value-<command>-<argument>-<value> (the program itself has no <command>).

cli-help = 政府信息公开工作年度报告: data files in, checked reports and print-ready PDFs out
    .long =
        Write a data file with `init`, fill it in, `check` it, and `render` it to PDF; `batch` renders a whole folder on all cores.

        Exit status: 0 success (warnings allowed), 1 errors in the report or a failed render, 2 unreadable input or a wrong command line.
cli-arg-lang = The language of the messages: `zh` (Chinese) or `en` (English). Default: Chinese when LC_ALL, LC_MESSAGES or LANG (the first that is set) starts with `zh`, else English
cli-value-lang-zh = 中文
cli-value-lang-en = English
cli-arg-version = Print version
cli-arg-help = Print help
    .more = Print help (see more with '--help')
    .summary = Print help (see a summary with '-h')
cli-help-init = Write a skeleton data file for an agency and year: every table cell 0, the official labels as keys (TOML, or JSON if the name ends in .json)
cli-arg-init-output = The file to write
cli-arg-init-agency = The agency's full official name, e.g. 威海市文登区科学技术局
cli-arg-init-year = The statistical year
cli-arg-init-kind = What kind of body the agency is
cli-value-init-kind-department = A government department (部门)
cli-value-init-kind-peoples-government = A people's government reporting on itself (本级人民政府)
cli-arg-init-level = The level of government
cli-value-init-level-national = 国务院 and its departments
cli-value-init-level-provincial = Provinces
cli-value-init-level-prefecture = 设区的市
cli-value-init-level-county = Counties and districts
cli-value-init-level-township = Townships and sub-districts
cli-arg-init-force = Overwrite an existing file
cli-help-check = Check a data file: every problem with its file, line and column
cli-arg-check-file = The data file
cli-arg-check-previous = Last year's data file, for the continuity checks
cli-arg-check-format = How to print the problems
cli-value-check-format-human = rustc-style diagnostics
cli-value-check-format-json = One JSON object on stdout
cli-help-render = Render a data file to PDF, HTML or Word (refused if it has errors, unless --force)
cli-arg-render-file = The data file
cli-arg-render-output = The file to write (atomically): a PDF, a web page if it ends in .html, a Word document if it ends in .docx
cli-arg-render-format = What to write, whatever the output's extension says
cli-value-render-format-pdf = The print-ready PDF
cli-value-render-format-html = The web page (one UTF-8 file, inline CSS, no scripts)
cli-value-render-format-docx = The editable Word document (fonts named, not embedded)
cli-arg-render-previous = Last year's data file: fills the placeholders {"{"}….较上年{"}"} and {"{"}….上年{"}"}, and enables the continuity checks
cli-arg-render-font-dirs = A folder of fonts (searched recursively); the official families in it are used for their roles. Repeatable
cli-arg-render-pdfa = Write archival PDF/A-2u
cli-arg-render-force = Render even a report with errors
cli-arg-render-untagged = Leave out the accessibility structure tree (tagged PDF): about 8 KB smaller, but screen readers lose the reading order and the tables' header cells
cli-arg-render-fragment = HTML: write only the article (with its classes, without page or CSS), for pasting into a site's editor
cli-help-batch = Render every data file (*.toml, *.json) of a folder, in parallel on all cores
cli-arg-batch-dir = The folder of data files
cli-arg-batch-output = The folder for the PDFs (created if missing)
cli-arg-batch-jobs = Worker threads (default: one per core)
cli-arg-batch-format = What to write for each data file: `pdf`, `html`, `docx`, or several (`pdf,html,docx`)
cli-arg-batch-previous = The folder of last year's data files: each data file is paired with the one of the same agency and the year before, for the placeholders {"{"}….较上年{"}"} and the continuity checks; agencies with no pair are listed as a warning in the summary
cli-value-batch-format-pdf = { cli-value-render-format-pdf }
cli-value-batch-format-html = { cli-value-render-format-html }
cli-value-batch-format-docx = { cli-value-render-format-docx }
cli-arg-batch-font-dirs = { cli-arg-render-font-dirs }
cli-arg-batch-pdfa = { cli-arg-render-pdfa }
cli-arg-batch-force = { cli-arg-render-force }
cli-arg-batch-untagged = { cli-arg-render-untagged }
cli-arg-batch-fragment = { cli-arg-render-fragment }
cli-help-schema = Print the JSON Schema of data files
cli-help-diff = Compare two reports of the same agency, last year's first: every cell and fact, last year, this year, the change and the change in %, biggest changes first
cli-arg-diff-last = Last year's data file
cli-arg-diff-this = This year's data file
cli-arg-diff-format = How to print the comparison
cli-value-diff-format-text = Aligned columns for people: the changed figures, biggest changes first
cli-value-diff-format-json = One JSON object: the agency, both years, and every row
cli-value-diff-format-csv = CSV with a header row: every row
cli-value-diff-format-html = An HTML table (a fragment): every row
cli-arg-diff-all = Text: list the unchanged figures too
cli-arg-diff-force = Compare reports of different agencies or of years that are not consecutive
cli-help-import = Read a published report (web page, Word document or PDF) into a data file; doubtful cells commented
cli-arg-import-page = The published report: a web page (HTML, in any encoding it declares), a Word document (.docx) or a PDF with a text layer, told apart by content
cli-arg-import-output = The data file to write: TOML (doubtful cells commented), or JSON if it ends in .json
cli-help-audit = Import and check published reports (web pages, Word documents, PDFs) in one step: every problem with its place; a folder in parallel, with a CSV summary (--summary)
cli-arg-audit-path = A published report (web page, Word document or PDF), or a folder of them, mixed (told apart by content; other files are skipped)
cli-arg-audit-previous = Last year's report (a published report or a data file), for the continuity rules. In a folder, each page's last year is found among the pages (same agency, year − 1)
cli-arg-audit-summary = Write one row per report to this CSV file: format, agency, year, whether the tables could be read, errors and warnings, and the count of each rule
cli-arg-audit-jobs = Worker threads for a folder (default: one per core)
cli-help-help = Print this message or the help of the given subcommand(s)
cli-arg-help-command = Print help for the subcommand(s)
cli-heading-usage = Usage:
cli-heading-commands = Commands:
cli-heading-arguments = Arguments:
cli-heading-options = Options:
cli-usage-options = [OPTIONS]
cli-usage-command = COMMAND
cli-default = [default: { $value }]
cli-possible-values = [possible values: { $values }]
cli-possible-values-heading = Possible values:
cli-possible-value = { $name }: { $padding }{ $help }
cli-list-separator = {", "}
cli-clap-quoted = '{ $value }'
cli-clap-unknown-argument = unexpected argument '{ $arg }' found
cli-clap-invalid-subcommand = unrecognized subcommand '{ $name }'
cli-clap-missing-required-argument = the following required arguments were not provided:
cli-clap-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
cli-clap-subcommands = [subcommands: { $values }]
cli-clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-clap-value-required = a value is required for '{ $arg }' but none was supplied
cli-clap-value-validation = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-clap-argument-used-twice = the argument '{ $arg }' cannot be used multiple times
cli-clap-argument-conflict = the argument '{ $arg }' cannot be used with { $others }
cli-clap-subcommand-conflict = the subcommand '{ $name }' cannot be used with { $others }
cli-clap-no-equals = equal sign is needed when assigning values to '{ $arg }'
cli-clap-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
cli-clap-too-few-values = { $min } values required by '{ $arg }'; only { $actual } { $actual ->
        [one] was
       *[other] were
    } provided
cli-clap-wrong-number-of-values = { $expected } values required for '{ $arg }' but { $actual } { $actual ->
        [one] was
       *[other] were
    } provided
cli-clap-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
cli-clap-int-empty = cannot parse integer from empty string
cli-clap-int-invalid-digit = invalid digit found in string
cli-clap-int-too-large = number too large to fit in target type
cli-clap-int-too-small = number too small to fit in target type
cli-clap-int-out-of-range = { $value } is not in { $range }
cli-clap-tip = tip: { $tip }
cli-clap-tip-similar-subcommand = { $count ->
        [one] a similar subcommand exists
       *[other] some similar subcommands exist
    }: { $names }
cli-clap-tip-similar-argument = { $count ->
        [one] a similar argument exists
       *[other] some similar arguments exist
    }: { $names }
cli-clap-tip-similar-value = { $count ->
        [one] a similar value exists
       *[other] some similar values exist
    }: { $names }
cli-clap-tip-escape = to pass '{ $value }' as a value, use '{ $usage }'
cli-clap-tip-in-subcommand = '{ $value }' exists
cli-clap-tip-double-dash = subcommand '{ $value }' exists; to use it, remove the '--' before it
cli-clap-try-help = For more information, try '{ $help }'.

## The audit page (govreport audit --html) and its JSON

audit-json-written = JSON: { $path }
audit-skipped = { $count ->
    [one] skipped one file that is no web page, Word document or PDF
   *[other] skipped { $count } files that are no web page, Word document or PDF
}: { $files }
audit-html-written = page: { $path }
audit-col-agency-name = Agency
audit-fig-received = Received
audit-fig-closed = Closed
audit-fig-disclosed = Disclosed
audit-fig-partially-disclosed = Partly disclosed
audit-fig-carried-forward = Carried forward
audit-fig-reviews = Reviews
audit-fig-reviews-corrected = Reviews corrected
audit-fig-lawsuits = Lawsuits
audit-fig-lawsuits-corrected = Lawsuits corrected
audit-page-title = Audit of the annual reports on government information disclosure
audit-page-glance = At a glance
audit-page-read = Reports read
audit-page-unreadable = Not readable
audit-page-clean = Clean
audit-page-with-errors = With errors
audit-page-with-warnings = With warnings
audit-page-unreadable-list = Pages that could not be read
audit-page-rules = Problems by rule
audit-page-rule = Rule
audit-page-severity = Severity
audit-page-problems = Problems
audit-page-reports-with = Reports with it
audit-page-no-problems = No problems found.
audit-page-claims = The text's figures checked against the tables
audit-page-no-claims = The text states none of the tables' figures.
audit-page-claim-words = The text's words
audit-page-claim-fact = Figure
audit-page-claim-stated = Stated
audit-page-claim-table = Tables
audit-page-claim-result = Result
audit-page-claim-agrees = agrees
audit-page-claim-contradicts = contradicts
audit-page-claim-unchecked = not checked (a cell is unknown)
audit-page-reports = Reports, most errors first
audit-page-format = Source
audit-page-years = Year over year
audit-page-years-chart = { $agency }: key figures per year
audit-page-pair = { $last } → { $this }: cross-year checks
audit-page-check-passed = passed
audit-page-check-failed = { $n } problem(s)
audit-page-changes = Largest changes
audit-page-change-name = Figure
audit-page-change-delta = Change
audit-page-change-percent = Change in %
audit-page-compare = Agencies compared, year by year
audit-page-compare-year = { $year }
audit-page-rank = Rank
audit-page-rank-received = Applications received
audit-page-rank-disclosed = Share disclosed in full or in part
audit-page-rank-corrected = Reviews and lawsuits corrected
audit-page-sections = Each report
audit-page-previous = Last year's report
audit-page-figure = Key figure
audit-page-value = Value
audit-page-labels = Cell
audit-page-message = Problem
audit-page-place = Place in the page
cli-arg-audit-html = Write the audit as one self-contained web page (no script; charts and tables): the folder at a glance, problems by rule, one row per report, each agency's years and each year's agencies
cli-arg-audit-json = Write the audit as JSON (the same model as the page and the CSV; its shape in docs/cli.md)
audit-page-top = {" "}(the first { $n } of { $of })

## govreport edit: the command line, the form page and its server.

cli-help-edit = Fill in a report in the browser: a form served on this machine only; every change is saved to the data file at once and checked as check checks it, each problem shown beside its cell or paragraph. A missing file is created as init creates it
cli-arg-edit-file = The data file to fill in (TOML); created if missing (with --agency and --year)
cli-arg-edit-agency = When creating the file: the agency's full official name
cli-arg-edit-year = When creating the file: the statistical year
cli-arg-edit-kind = When creating the file: what kind of body the agency is
cli-value-edit-kind-department = A government department (部门)
cli-value-edit-kind-peoples-government = A people's government reporting on itself (本级人民政府)
cli-arg-edit-level = When creating the file: the level of government
cli-value-edit-level-national = 国务院 and its departments
cli-value-edit-level-provincial = Provinces
cli-value-edit-level-prefecture = 设区的市
cli-value-edit-level-county = Counties and districts
cli-value-edit-level-township = Townships and sub-districts
cli-arg-edit-previous = Last year's data file, for the cross-year checks and the .较上年 and .上年 placeholders
cli-arg-edit-port = The port to listen on (default: any free port); only 127.0.0.1 is listened on
cli-arg-edit-no-open = Do not open a browser; only print the address
edit-serving = Editing { $path }. Open this address in a browser (it holds an access token: do not share it):
edit-stop = Press Ctrl-C to stop; every change is already saved.
edit-no-browser = No browser could be opened: copy the address above into one.
edit-stopped = Stopped; every change to { $path } is saved.
edit-needs-agency = { $path } does not exist; to create it, give --agency and --year
edit-toml-only = { $path }: the form edits TOML data files only (keeping their comments and order); edit a JSON file in a text editor, or turn it into TOML with import
edit-cannot-listen = Cannot listen on port { $port } of 127.0.0.1: { $reason }
edit-file-broken = The data file is not valid TOML and cannot be shown as a form: { $reason }. Correct it in a text editor, then reload
edit-title = Annual report on government information disclosure: form
edit-page-title = { $agency }: report for { $year }
edit-downloads = Downloads
edit-download-pdf = Download PDF
edit-download-docx = Download Word document
edit-download-html = Download web page
edit-conflict = The data file was changed elsewhere (in a text editor, say). The form did not overwrite it: reload to go on from the file as it is now.
edit-reload = Reload
edit-saving = Saving…
edit-basics = The agency and the report
edit-preamble = Preamble
edit-field-name = Agency
edit-field-address = Address
edit-field-telephone = Telephone
edit-field-website = Website
edit-field-kind = Kind of body
edit-field-level = Level
edit-field-year = Statistical year
edit-field-date = Date signed
edit-item-title = Title
edit-paragraph = Paragraph
edit-up = Up
edit-down = Down
edit-add-paragraph = Add a paragraph
edit-remove-paragraph = Remove the paragraph
edit-add-item = Add an item
edit-remove-item = Remove the item
edit-problems = Problems
edit-no-problems = No errors or warnings
edit-preview = Preview
edit-no-preview = The data file's shape is wrong, so there is no preview yet: correct the errors under Problems first
edit-placeholders = Placeholders
edit-placeholders-hint = Click one to insert it where the cursor is; the preview and the line under each paragraph show it filled in.
edit-unknown-field = The form has no such field; nothing was saved
edit-no-such-item = There is no such item (the file may have changed); nothing was saved: reload
edit-not-text = This field takes text; nothing was saved
edit-too-long = The text is longer than { $max } characters; nothing was saved
edit-too-many = More than { $max }; nothing was saved
edit-too-large = The data file would exceed its size limit; nothing was saved
edit-not-a-choice = Expected one of: { $choices }; nothing was saved
edit-not-a-year = “{ $found }” is not a year (four digits, e.g. 2025); nothing was saved
edit-not-a-date = “{ $found }” is not a date (year-month-day, e.g. 2026-01-20); nothing was saved
edit-not-a-count = “{ $found }” is not a count: enter 0 or a whole number (0 for none); nothing was saved
edit-not-a-decimal = “{ $found }” is not an amount: enter a number such as 0 or 1.25 (in 万元); nothing was saved
edit-bad-request = The request could not be read: { $reason }
edit-refused-host = Refused: the host “{ $host }” is not this server (the form is served on 127.0.0.1 only)
edit-refused-origin = Refused: the request came from another site ({ $origin })
edit-not-found = Not found: a wrong address or no access token; use the whole address govreport edit printed
edit-body-too-large = Refused: the request is larger than the { $max } KB limit
edit-panic = An internal error; nothing was saved. Try again, and report it if it happens again
