# 诊断信息（中文）。每条信息的编号与 en.ftl 相同；信息正文为说明，`.hint` 为提示。
# 规定标签作为参数（$row、$total、$column 等）原样引用。每条信息写在一行内。

## 诊断的格式

severity-error = 错误
severity-warning = 警告
colon = ：
then-hint = ；提示：{ $hint }
hint-label = 提示：
cell-label = 位置：
expected-found = 应为 { $expected }，实填 { $found }
expected-only = 应为 { $expected }
found-only = 实填 { $found }
summary-errors = 错误：{ $file }：{ $errors } 处错误，{ $warnings } 处警告
summary-clean = { $file }：没有错误，{ $warnings } 处警告

## 核对：报告的基本信息和正文

agency-empty = 发布机关名称为空，标题和署名将是空白
    .hint = 请填写机关全称，如“威海市文登区科学技术局”
year-2019 = 统计年度为 { $year } 年：2021 年以前的报告适用 2019 年试行格式（国办公开办函〔2019〕60号），不适用 2021 年格式
    .hint = 请核对统计年度：2021 年格式（国办公开办函〔2021〕30号）适用于 2021 年及以后的报告
assess = 人民政府的年度报告应包含“{ $title }”
    .hint = 请在“{ $heading }”中补充“{ $title }”
date-year = { $year } 年度的报告应于 { $next } 年公布，本报告成文日期为 { $date }
    .hint = 请核对成文日期和统计年度
date-late-department = 成文日期 { $date } 晚于部门年度报告的公布期限 { $deadline }
    .hint = 请在期限内公布（条例第四十九条），或核对机关类型
date-late-government = 成文日期 { $date } 晚于人民政府年度报告的公布期限 { $deadline }
    .hint = 请在期限内公布（条例第四十九条），或核对机关类型
title-year = 标题中的年份为 { $found } 年，与统计年度 { $year } 年不符
    .hint = 标题应为“〈机关名称〉〈统计年度〉年政府信息公开工作年度报告”
title-no-year = 标题中没有年份，应写明统计年度 { $year } 年
    .hint = 标题应为“〈机关名称〉〈统计年度〉年政府信息公开工作年度报告”
text-unprintable = 第 { $at } 个字符是{ $kind ->
        [newline] 换行符（{ $code }）
        [return] 回车符（{ $code }）
        [tab] 制表符（{ $code }）
       *[other] 不可见字符（{ $code }）
    }{ $more ->
        [0] {""}
       *[other] ，另有 { $more } 个同类字符
    }，无法打印
    .hint = 一个段落即一个字符串：请分成若干段落，并删除控制字符和不可见字符
empty-preamble = 报告没有导语
    .hint = 请写明编制依据、报告构成、统计期限、电子版发布网址以及联系地址和电话
empty-problems = 本部分为空
    .hint = 请写明存在的主要问题及改进情况
empty-fees = 收费事项未作说明
    .hint = 请说明按国办函〔2020〕109号收取信息处理费的情况，未收取的写明“未收取”
empty-text = 文字为空，打印出来是空白
    .hint = 请填写内容，或删除该段落或条目
numbering = 标题开头手写了序号“{ $number }”
    .hint = 请删去序号：序号按条目位置自动生成
cite-2019 = 正文引用了已废止的 2019 年试行格式（国办公开办函〔2019〕60号）
    .hint = 2021 年及以后的报告适用{ $citation }
cite = 2021 年格式的文号写作“{ $found }”，写法有误
    .hint = 请写作“{ $citation }”：发文机关代字为国办公开办函，用六角括号〔〕，中间不留空格
prose-what = { $kind ->
        [received] 本年新收申请
        [carried-over] 上年结转申请
        [closed] 办结申请
        [carried-forward] 结转下年度申请
        [reviews] 行政复议
        [lawsuits] 行政诉讼
        [licensing] 行政许可决定
        [penalties] 行政处罚决定
        [enforcement] 行政强制决定
        [normative-issued] 本年制发行政规范性文件
        [normative-repealed] 本年废止行政规范性文件
        [normative-in-force] 现行有效行政规范性文件
       *[fee] 行政事业性收费金额（万元）
    }
prose-number = 正文（{ $words }）称{ prose-what }为 { $n }，但统计表为 { $actual }（{ $fact }）
    .hint = 请使正文与统计表一致；占位符“{"{"}{ $fact }{"}"}”可直接引用表中数字
prose-none = 正文（{ $words }）称没有{ prose-what }，但统计表为 { $actual }（{ $fact }）
    .hint = 请使正文与统计表一致；占位符“{"{"}{ $fact }{"}"}”可直接引用表中数字

## 正文中的占位符

placeholder-unknown = 未知的占位符“{ $name }”
    .hint = 是否应为“{ $closest }”？如需输出花括号本身，请写作“{"{{"}”
placeholder-unknown-far = 未知的占位符“{ $name }”
    .hint = 请使用 { $file } 所列名称；如需输出花括号本身，请写作“{"{{"}”
placeholder-previous = 占位符“{ $name }”需与上年比较，但未提供上年报告
    .hint = 请提供上年报告：命令行加 { $option } 上年数据文件
placeholder-empty = 占位符“{ $name }”对应的机关信息为空，将不显示任何内容
    .hint = 请填写机关的地址、电话和网址
placeholder-unclosed = 第 { $at } 个字符处的“{"{"}”未闭合
    .hint = 请用“{"}"}”结束占位符，或写作“{"{{"}”输出花括号本身
placeholder-unopened = 第 { $at } 个字符处的“{"}"}”没有对应的“{"{"}”
    .hint = 如需输出花括号本身，请写作“{"}}"}”

## 核对：表格

fee-negative = 收费金额为负数（{ $fee }）
    .hint = 请填写本年收费金额（万元），未收费的填 0
issuer = 只有国务院部门和省、设区的市人民政府制定{ $rules }，县级、乡级机关却在“{ $column }”填了 { $value }
    .hint = 请核对本行：通常应填入“{ $normative }”，或核对机关层级
t3c = “{ $row }”的“{ $total }”应为 { $computed }（{ $parts }），实填 { $stated }
    .hint = 请核对本行各项数字，或按各项之和更正{ $total }
t3c-overflow = “{ $row }”各项之和过大，不是有效的件数
    .hint = 请核对本行数字
t3b = “{ $column }”一列的“{ $total_row }”应为（一）至（六）各行之和 { $expected }，实填 { $found }
    .hint = 请核对该列的“{ $total_row }”，或（一）至（六）中有误的一行
t3a = “{ $column }”一列：本年新收 { $received } + 上年结转 { $carried_over } = { $left }，而“{ $total_row }”{ $total } + 结转下年度继续办理 { $carried_forward } = { $right }，两者应相等
    .hint = 本年新收和上年结转的申请，或在本年办结（计入{ $total_row }），或结转下年度（计入第四项）：请找出填错的数字
t4 = { $case }“{ $total }”应为 { $computed }（{ $parts }），实填 { $found }
    .hint = 请核对各项数字，或按各项之和更正{ $total }
t4-overflow = { $case }各项之和过大，不是有效的件数
    .hint = 请核对各项数字，或按各项之和更正{ $total }

## 核对：与上年报告衔接

prev-year = 作为上年报告提供的是 { $found } 年度的报告，不是 { $expected } 年度的，未作跨年度核对
    .hint = 请提供上一年度的报告
prev-agency = 上年报告的机关名称为“{ $found }”，与本年“{ $expected }”不同；已照常作跨年度核对
    .hint = 请提供同一机关的报告；如机关已更名，可不予理会
prev-errors = 上年数据文件 { $file } 有 { $errors } 处错误；跨年度核对只使用了能够读取的数据
    .hint = 请单独检查上年数据文件，查看其中的错误
prev-unread = 上年数据文件 { $file } 有 { $errors } 处错误，结构有误，未作跨年度核对
    .hint = 请单独检查上年数据文件，查看其中的错误
y-cont = “{ $column }”本年上年结转为 { $found }，与上年报告“{ $forward }”的 { $expected } 不一致
    .hint = 上年结转下年度继续办理的申请数，即本年的上年结转申请数
s-cont = “{ $row }”：上年{ $in_force_label } { $last } + { $issued_label } { $issued } − { $repealed_label } { $repealed } = { $expected }，但本年{ $in_force_label }为 { $now }
    .hint = 如本年开展了文件清理，属正常情况，请在正文中说明；否则请更正件数

## 按标签读取表格

cell-value = { $kind ->
        [blank] 空白
        [null] 空白
        [list] 一个列表
        [map] 一组行
        [text] “{ $value }”
       *[other] { $value }
    }
cell-want = { $want ->
        [fee] 以万元为单位的非负金额
       *[other] 非负整数
    }
cell-not-group = 此标签下应是各行或各列，实填{ cell-value }
    .hint = 请填写：{ $expected }
cell-missing = 缺少数据：表格每一格都要填写，0 也要填
    .hint = 请填写数字，没有的填 0
cell-blank = 此格为空白，按未知处理（不按 0 计），需要此格的核对均已跳过
    .hint = 每一格都应填写数字：零写作 0，不得留空或填“/”
cell-bad = 此格填的是{ cell-value }，不是{ cell-want }
    .hint = 每一格都应填写数字：零写作 0，不得留空或填“/”
cell-float = 此格填的是 { $found }，不是非负整数
    .hint = 件数均为整数，不带小数点
cell-fee-digits = 金额 { $found } 的有效数字多于可精确保存的 { $max } 位
    .hint = 请以万元为单位填写，有效数字不超过 { $max } 位；金额不会被悄悄四舍五入
label-twice = 标签“{ $key }”重复出现
    .hint = 每一行、每一列只填写一次
f2019-single-row = “{ $label }”只有一行，这是已废止的 2019 年试行格式
    .hint = 2021 年格式将“{ $label }”分为 { $count } 行：{ $rows }
label-2019 = “{ $key }”是已废止的 2019 年试行格式的标签
    .hint = 请使用 2021 年格式的表格（国办公开办函〔2021〕30号）
label-2019-read-as = “{ $key }”是已废止的 2019 年试行格式的标签，已按 2021 年格式的“{ $label }”读取
    .hint = 请写作“{ $label }”（2021 年格式，国办公开办函〔2021〕30号）
label-variant = 标签“{ $key }”与模板写法不一致，已按“{ $label }”读取
    .hint = 请写作“{ $label }”
label-read-as = “{ $place }”下的标签“{ $key }”不是规定标签，已按“{ $label }”读取
    .hint = 请写作“{ $label }”
label-read-as-top = 表格名“{ $key }”不是规定名称，已按“{ $label }”读取
    .hint = 请写作“{ $label }”
label-unknown = “{ $place }”下的标签“{ $key }”不是规定标签
    .hint = 是否应为“{ $closest }”？
label-unknown-none = “{ $place }”下的标签“{ $key }”不是规定标签
    .hint = 此处不应有标签
label-unknown-top = 表格名“{ $key }”不是规定名称
    .hint = 是否应为“{ $closest }”？
label-unknown-top-none = 表格名“{ $key }”不是规定名称
    .hint = 此处不应有表格

## 数据文件

data = 数据文件结构有误：{ $detail }
    .hint = 请对照数据文件的格式说明，或参照初始化命令生成的文件填写
load-io = 无法读取 { $file }：{ $detail }
load-too-large = { $file } 大小为 { $size } 字节，超过数据文件 { $limit } 字节（16 兆字节）的上限
load-not-utf8 = { $file }{ $at }：文件不是 UTF-8 编码（请另存为 UTF-8，不要用 GBK/GB18030）
load-empty = { $file }：文件为空
load-syntax = { $file }{ $at }：{ $format } 格式有误：{ $detail }

## 排版

font-unreadable = 字体文件 { $file } 无法作为字体读取，已忽略
    .hint = 请检查该文件是否为完整的字体文件（TTF 或 OTF）
font-folder-empty = 字体文件夹 { $dir } 中没有字体文件
    .hint = 将使用内置字体
font-fallback = “{ $char }”（{ $code }）不在字体 { $family } 中，改用 { $fallback } 显示
    .hint = 该字与前后文字字形不同；请提供含有此字的{ $role ->
        [title] 标题（小标宋）
        [heading1] 一级标题（黑体）
        [heading2] 二级标题（楷体）
        [page] 页码（宋体）
       *[body] 正文（仿宋）
    }字体所在的文件夹
typst = 排版警告：{ $detail }
    .hint = { $hints }

## 命令行自身的提示

cli-error = 错误：{ $message }
cli-exists = { $path } 已存在；如需覆盖，请加 --force
cli-cannot-write = 无法写入 { $path }：{ $reason }
cli-not-rendered = 未生成：报告有错误
cli-not-rendered-force = 未生成：报告有错误（加 --force 可强制生成）
cli-unknown-extension = { $path }：{ $found } 不是可生成文件的扩展名；可用的扩展名为 { $accepted }（或用 --format pdf|html|docx 指定要生成的格式）
cli-no-extension = { $path } 没有扩展名，无法判断要生成什么文件；可用的扩展名为 { $accepted }（或用 --format pdf|html|docx 指定要生成的格式）
cli-previous-unreadable = 上年数据文件 { $path } 无法读取为报告：
cli-not-a-report = { $path } 无法读取为报告
cli-cannot-read-folder = 无法读取文件夹 { $path }：{ $reason }
cli-cannot-create = 无法创建 { $path }：{ $reason }
cli-batch-done = 共 { $total } 份数据文件，已生成 { $done } 份，输出至 { $dir }
cli-batch-failed = 共 { $total } 份，{ $failed } 份失败：
cli-batch-invalid = { $file }：{ $errors } 处错误，第一处：{ $first }
cli-batch-unpaired = 警告：{ $count } 份数据文件在 { $dir } 中没有同一机关上一年度的文件，未做跨年度衔接核对，“较上年”占位符无法填写：
cli-batch-unpaired-one = { $file }：{ $agency }（{ $year } 年，未找到 { $last } 年）
cli-failed-count = { $n } 份失败
diff-agencies = 两份报告的发布机关不同（{ $last }、{ $this }）；请比较同一机关的报告，或加 --force
diff-years = 两份报告的统计年度为 { $last } 年和 { $this } 年，不是相邻年度；请先给出上一年度的报告，或加 --force
diff-summary = { $agency }：{ $last } → { $this }，共比较 { $count } 项，{ $changed } 项有变化
diff-figure = 项目
diff-change = 增减
diff-change-pct = 增减率
diff-unchanged = （另有 { $count } 项未变化；加 --all 可全部列出）
## 导入已发布的网页

import-label-variant = 标签“{ $found }”与模板写法不一致，已按“{ $label }”读取
    .hint = 请写作“{ $label }”
import-label-2019 = “{ $found }”是已废止的 2019 年试行格式的标签，已按“{ $label }”读取
    .hint = 请使用 2021 年格式的表格（国办公开办函〔2021〕30号）
import-label-2019-unread = “{ $found }”是已废止的 2019 年试行格式的标签
    .hint = 请使用 2021 年格式的表格（国办公开办函〔2021〕30号）
import-label-misspelt = 标签“{ $found }”不是规定标签，已按最接近的规定行“{ $label }”读取
    .hint = 是否应为“{ $label }”？请照录规定标签
import-header-misspelt = 表头“{ $found }”不是规定标签，应为“{ $label }”（该列已按位置读取）
    .hint = 是否应为“{ $label }”？请照录规定标签
import-cell-spans-rows = 数字 { $found } 所在的单元格合并了格式中的 { $count } 行（{ $rows }），无法确定属于哪一行，这些行的该列均按未知读取
    .hint = 每一行应有自己的单元格，分别填写数字
import-row-unplaced = “{ $found }”不是格式表格中的行，该行数据未读取
    .hint = 请使用格式规定的行标签
import-row-twice = “{ $found }”行重复出现，第二行未读取
    .hint = 每一行只填写一次
import-group-with-values = “{ $found }”是分组标题，不应填写数字，所填数字未读取
    .hint = 请将数字填入该组下的各行
import-cell-blank = 此格为空白，数值不明（未按 0 计）
    .hint = 每一格都应填写数字：零写作 0，不得留空或填“/”
import-cell-not-number = 此格填的是“{ $found }”，不是数字，数值不明
    .hint = 每一格都应填写数字：零写作 0，不得留空或填“/”
import-cell-missing = 该行在此格之前就结束了（表格可能不完整），数值不明
    .hint = 请填写该行的每一格，没有的填 0
import-row-too-long = 该行有 { $found } 个数据格，格式规定为 { $expected } 个，已读取最后 { $expected } 个
    .hint = 请只填写格式规定的各列
import-row-missing = 页面表格中缺少该行，数据不明
    .hint = 请填写格式表格的每一行，没有的填 0
import-table-missing = 页面中未找到该表格，数据不明
    .hint = 请按格式以网页表格形式发布该表
import-table-as-image = 该表格以图片形式发布，无法读取数据；正文已导入
    .hint = 请以网页表格（文字）形式发布该表，以便读取和核对
import-table-unread = 未能从页面读取该表格
import-heading-misnumbered = 部分标题“{ $found }”序号有误，已按“{ $section }”读取
    .hint = 六个部分请依次编号：“{ $section }”
import-heading-misworded = 部分标题“{ $found }”与格式不符，已按“{ $section }”读取
    .hint = 请照格式写作“{ $section }”
import-heading-missing = 页面中未找到该部分的标题，该部分为空
    .hint = 请按格式的六个部分标题依次撰写
import-title-spaced = 标题“{ $found }”中含有空格，已按“{ $read }”读取
    .hint = 标题中不要加空格：机关名称 + 年度 + 年政府信息公开工作年度报告
import-title-unread = 未找到写明机关名称和年度的标题（……2023年政府信息公开工作年度报告）
    .hint = 标题应为：机关全称 + 年度 + 年政府信息公开工作年度报告
import-signature-missing = 正文末未找到署名（机关名称），已使用标题中的机关名称
    .hint = 报告末尾应署机关名称和成文日期
import-date-missing = 正文末未找到成文日期，暂按 { $assumed } 处理
    .hint = 报告末尾应写明成文日期，如 2024年1月22日
import-malformed-bytes = 页面部分字节不符合 { $encoding } 编码，已替换为 U+FFFD
    .hint = 请检查页面声明的字符编码
import-text-after-date = 成文日期后的文字（“{ $found }”）不属于任何部分，已作为第六部分的一项保留
    .hint = 报告应以署名和成文日期结尾
import-furniture-after-date = { $dated ->
    [yes] 成文日期
   *[no] 最后一部分（报告没有成文日期）
}后的 { $lines } 行文字（“{ $found }”）像是网页的页脚和菜单（该文件由网页转换而来），不属于报告，未读入
    .hint = 请发布报告本身（报告的文档或由其生成的 PDF），而不是网页的打印件
import-text-in-table-section = 仅含表格的部分中出现文字“{ $found }”，未予保留
    .hint = 请将该文字移至第一或第六部分，或删去
import-table-unplaced = 该部分中有一张含数字但不符合格式的表格（“{ $found }”），未予保留
    .hint = 请使用格式规定的表格及其规定标签
import-place-line = 源码第 { $line } 行
import-place-paragraph = 第 { $paragraph } 段
import-place-page = 第 { $page } 页
import-place-table = {"，"}表{ $table }
import-place-row = 第{ $row }行
import-place-column = 第{ $column }列
import-too-large = 页面大小为 { $size } 字节，超过报告页面 { $limit } 字节的上限
import-not-html = 该文件不是网页（HTML）
import-no-report = 页面中没有年度报告：未找到格式规定的标题、部分标题或表格
import-word-binary = 这是旧的二进制格式 Word 文档（.doc），无法安全读取：请在 Word 或 WPS 中打开，另存为 .docx（Word 文档）后再导入
import-reader-failed = 读取该文件时程序出错（{ $why }）：这是本程序的缺陷，不是文件的问题；其他文件照常读取。请连同该文件反馈给我们
import-format-not-built = 这是 { $format } 文件，但本程序构建时未包含读取 { $format } 的功能
import-docx-not-zip = 该文件不是 Word 文档（.docx）：.docx 文件是 zip 压缩包，而该文件不是。请确认选择的文件无误；其他格式的文档请先另存为 .docx（Word 文档）
import-docx-damaged = 该 Word 文档已损坏或不完整（{ $why }）：请在 Word 或 WPS 中打开，重新另存为 .docx 后再导入（如为下载中断所致，请重新下载）
import-docx-too-many-entries = 该 Word 文档的压缩包含 { $count } 个条目，超过可读取的 { $limit } 个：报告不需要这么多内容，故未读取。请在 Word 或 WPS 中重新另存为 .docx，不要嵌入其他文件
import-docx-part-too-large = 该 Word 文档的部件“{ $part }”有 { $size } 字节，超过可读取的 { $limit } 字节，故未读取。请将报告单独另存为新的 .docx（不含大型嵌入对象）后再导入
import-docx-zip-bomb = 该 Word 文档的部件“{ $part }”压缩比为 { $ratio }∶1（最多读取 { $limit }∶1）：这是“压缩炸弹”而非报告，故未解压。请导入由 Word 或 WPS 保存的报告文件
import-docx-size-mismatch = 该 Word 文档的部件“{ $part }”声明为 { $declared } 字节，实际为 { $size } 字节：文件已损坏或被篡改，故未读取。请在 Word 或 WPS 中重新另存为 .docx
import-docx-total-too-large = 该 Word 文档解压后超过 { $limit } 字节（已读取 { $size } 字节），故未读取。请将报告单独另存为新的 .docx 后再导入
import-docx-no-document = 该文件是 zip 压缩包，但不是 Word 文档：其中没有文档正文部件（word/document.xml）。请选择报告的 .docx 文件（Excel 等其他 Office 文件无法导入）
import-docx-external-entity = 该 Word 文档的部件“{ $part }”声明了 DTD：出于安全考虑拒绝外部实体（外部实体可读取本机文件或访问网络），故未读取。Word 不会写入 DTD，请在 Word 或 WPS 中重新另存为 .docx
import-docx-bad-xml = 该 Word 文档的部件“{ $part }”不是格式正确的 XML（{ $why }）：文档已损坏。请在 Word 或 WPS 中打开，重新另存为 .docx 后再导入
import-pdf-not-pdf = 该文件不是 PDF（开头没有 %PDF-）：请确认选择的文件无误；以网页或 Word 文件发布的报告，请按网页或 Word 文件导入
import-pdf-truncated = 该 PDF 不完整（缺少文件结尾标记 %%EOF），可能是下载中断所致：请重新下载完整文件后再导入
import-pdf-damaged = 该 PDF 已损坏（交叉引用表或页面树无法读取），任何页面都无法读取：请用 PDF 阅读器打开后另存或打印为新的 PDF，或改为导入报告的网页或 Word 文件
import-pdf-encrypted = 该 PDF 已加密（即使打开时无需密码），不予读取：请另存或打印一份未加密的副本，或将报告以不加密的方式发布，再导入该文件
import-pdf-too-many-pages = 该 PDF 共 { $count } 页，超过年度报告最多 { $limit } 页的限度，未读取任何页面：请只导入年度报告本身，不要导入文件汇编
import-pdf-too-large = 该 PDF 大小为 { $size } 字节，超过年度报告 { $limit } 字节的上限，未予读取：年度报告的 PDF 通常只有几百 KB；请只导入年度报告本身（不要导入文件汇编或高分辨率扫描件）
import-pdf-no-text = 第 { $pages } 页没有文字层（是图片，如扫描件），报告无法读取：请导入报告原来的网页、Word 或 PDF 文件，或将数据填入数据文件
import-pdf-unmapped = 第 { $pages } 页所用字体没有给出所绘字符的 Unicode 编码，数字和标签会被读错：请从原文件重新导出 PDF（在 Word 或 WPS 中“另存为 PDF”），或改为导入报告的网页或 Word 文件
import-summary = { $page }：读取页面发现 { $errors } 处错误、{ $warnings } 处警告；表格{ $read ->
        [yes] 已读取
       *[no] 未能读取
    }；已写入 { $output }
audit-summary = { $file }：{ $agency } { $year } 年度：{ $errors } 处错误、{ $warnings } 处警告；表格{ $read ->
        [yes] 已读取
       *[no] 未能读取
    }；规则：{ $rules }
audit-not-imported = { $file }：未能导入：{ $why }
audit-previous = 上年报告：{ $why }
cli-cannot-start-workers = 无法启动工作线程：{ $reason }
audit-summary-written = 汇总表：{ $path }
audit-col-file = 文件
audit-col-year = 年度
audit-col-tables = 表格
audit-col-errors = 错误
audit-col-warnings = 警告
audit-col-agency = 机关：规则
audit-tables-read = 已读取
audit-tables-not-read = 未能读取

## 操作系统错误，以读者的语言说明（其他错误照录系统原文）

io-not-found = 找不到该文件或文件夹
io-permission-denied = 没有访问权限
io-is-a-directory = 这是文件夹，不是文件
io-not-a-directory = 路径中有一部分是文件，不是文件夹
io-storage-full = 磁盘已满
io-not-utf8 = 文本不是 UTF-8 编码
io-already-exists = 已经存在

## 命令行的帮助和 clap 的错误提示（report-typst/cli/src/cli.rs）：命令的说明为
## cli-help-<命令>，参数的说明为 cli-arg-<命令>-<参数>，可选值的说明为
## cli-value-<命令>-<参数>-<值>（程序本身没有 <命令> 一段）。

cli-help = 政府信息公开工作年度报告：由数据文件生成经过核对的报告和可付印的 PDF
    .long =
        用 `init` 写出数据文件，填好后用 `check` 核对，再用 `render` 生成 PDF；`batch` 用全部处理器核心生成整个文件夹的报告。

        退出状态：0 成功（可有警告），1 报告有错误或生成失败，2 输入无法读取或命令行有误。
cli-arg-lang = 提示信息的语言：`zh`（中文）或 `en`（英文）。默认：LC_ALL、LC_MESSAGES、LANG 中第一个已设置的变量以 `zh` 开头时为中文，否则为英文
cli-value-lang-zh = 中文
cli-value-lang-en = 英文
cli-arg-version = 显示版本号
cli-arg-help = 显示帮助
    .more = 显示帮助（加 --help 查看完整说明）
    .summary = 显示帮助（加 -h 查看摘要）
cli-help-init = 为一个机关和年度写出数据文件的框架：表格每个单元格为 0，以规定标签为键（TOML；文件名以 .json 结尾时为 JSON）
cli-arg-init-output = 要写入的文件
cli-arg-init-agency = 机关的规范全称，如“威海市文登区科学技术局”
cli-arg-init-year = 统计年度
cli-arg-init-kind = 机关的类型
cli-value-init-kind-department = 政府部门（部门）
cli-value-init-kind-peoples-government = 报告本级工作的人民政府（本级人民政府）
cli-arg-init-level = 行政层级
cli-value-init-level-national = 国务院及其部门
cli-value-init-level-provincial = 省级
cli-value-init-level-prefecture = 设区的市
cli-value-init-level-county = 县、县级市、市辖区
cli-value-init-level-township = 乡镇、街道
cli-arg-init-force = 覆盖已有的文件
cli-help-check = 核对数据文件：列出每个问题及其所在的文件、行和列
cli-arg-check-file = 数据文件
cli-arg-check-previous = 上年数据文件，用于跨年度衔接核对
cli-arg-check-format = 问题的输出方式
cli-value-check-format-human = 逐条列出，格式仿照 rustc 的诊断信息
cli-value-check-format-json = 在标准输出上输出一个 JSON 对象
cli-help-render = 将数据文件生成 PDF、网页或 Word 文档（报告有错误时不生成，除非加 --force）
cli-arg-render-file = 数据文件
cli-arg-render-output = 要写入的文件（整体写入，不留半成品）：PDF；以 .html 结尾时为网页，以 .docx 结尾时为 Word 文档
cli-arg-render-format = 要生成的格式，不论输出文件的扩展名是什么
cli-value-render-format-pdf = 可付印的 PDF
cli-value-render-format-html = 网页（单个 UTF-8 文件，内联 CSS，不含脚本）
cli-value-render-format-docx = 可编辑的 Word 文档（字体只写名称，不嵌入）
cli-arg-render-previous = 上年数据文件：填写占位符 {"{"}….较上年{"}"} 和 {"{"}….上年{"}"}，并启用跨年度衔接核对
cli-arg-render-font-dirs = 字体文件夹（含子文件夹）；其中的规定字体按各自的用途使用。可多次指定
cli-arg-render-pdfa = 生成归档用的 PDF/A-2u
cli-arg-render-force = 报告有错误也生成
cli-arg-render-untagged = 不写无障碍结构树（带标签的 PDF）：约小 8 KB，但读屏软件将无法得知阅读顺序和表格的表头单元格
cli-arg-render-fragment = 网页：只写正文（保留类名，不含页面框架和 CSS），便于粘贴到网站的编辑器中
cli-help-batch = 生成文件夹中的每个数据文件（*.toml、*.json），用全部处理器核心并行处理
cli-arg-batch-dir = 数据文件所在的文件夹
cli-arg-batch-output = PDF 的输出文件夹（不存在时自动创建）
cli-arg-batch-jobs = 工作线程数（默认：每个处理器核心一个）
cli-arg-batch-format = 每个数据文件要生成的格式：`pdf`、`html`、`docx`，或其中几种（`pdf,html,docx`）
cli-arg-batch-previous = 上年数据文件所在的文件夹：每份数据文件与其中同一机关、上一年度的文件配对，用于占位符 {"{"}….较上年{"}"} 和跨年度衔接核对；未配对的机关在汇总中列为警告
cli-value-batch-format-pdf = { cli-value-render-format-pdf }
cli-value-batch-format-html = { cli-value-render-format-html }
cli-value-batch-format-docx = { cli-value-render-format-docx }
cli-arg-batch-font-dirs = { cli-arg-render-font-dirs }
cli-arg-batch-pdfa = { cli-arg-render-pdfa }
cli-arg-batch-force = { cli-arg-render-force }
cli-arg-batch-untagged = { cli-arg-render-untagged }
cli-arg-batch-fragment = { cli-arg-render-fragment }
cli-help-schema = 输出数据文件的 JSON Schema
cli-help-diff = 比较同一机关的两份报告（上年的在前）：每个单元格和事实的上年数、本年数、增减及增减百分比，变化最大的在前
cli-arg-diff-last = 上年数据文件
cli-arg-diff-this = 本年数据文件
cli-arg-diff-format = 比较结果的输出方式
cli-value-diff-format-text = 对齐的文本列，供人阅读：有变化的数字，变化最大的在前
cli-value-diff-format-json = 一个 JSON 对象：机关、两个年度和每一行
cli-value-diff-format-csv = 带表头行的 CSV：每一行
cli-value-diff-format-html = HTML 表格（片段）：每一行
cli-arg-diff-all = 文本：同时列出没有变化的数字
cli-arg-diff-force = 比较不同机关的报告，或不相邻年度的报告
cli-help-import = 将已发布的报告（网页、Word 文档或 PDF）读取为数据文件；存疑的单元格加注释
cli-arg-import-page = 已发布的报告：网页（HTML，按其声明的编码读取）、Word 文档（.docx）或有文字层的 PDF，按内容识别
cli-arg-import-output = 要写入的数据文件：TOML（存疑的单元格加注释）；以 .json 结尾时为 JSON
cli-help-audit = 一步导入并核对已发布的报告（网页、Word 文档、PDF）：列出每个问题及其位置；文件夹并行处理，可输出 CSV 汇总（--summary）
cli-arg-audit-path = 一份已发布的报告（网页、Word 文档或 PDF），或存放这些文件的文件夹（可混合，按内容识别；其他文件跳过）
cli-arg-audit-previous = 上年的报告（已发布的报告或数据文件），用于跨年度衔接规则。处理文件夹时，每个网页的上年报告在这些网页中查找（同一机关，年度减一）
cli-arg-audit-summary = 将每份报告写成此 CSV 文件的一行：格式、机关、年度、表格能否读取、错误数和警告数，以及每条规则出现的次数
cli-arg-audit-jobs = 处理文件夹时的工作线程数（默认：每个处理器核心一个）
cli-help-help = 显示本帮助，或所给子命令的帮助
cli-arg-help-command = 要显示帮助的子命令
cli-heading-usage = 用法：
cli-heading-commands = 命令：
cli-heading-arguments = 参数：
cli-heading-options = 选项：
cli-usage-options = [选项]
cli-usage-command = 命令
cli-default = （默认：{ $value }）
cli-possible-values = （可选值：{ $values }）
cli-possible-values-heading = 可选值：
cli-possible-value = { $name }：{ $padding }{ $help }
cli-list-separator = 、
cli-clap-quoted = “{ $value }”
cli-clap-unknown-argument = 无法识别的参数“{ $arg }”
cli-clap-invalid-subcommand = 无法识别的子命令“{ $name }”
cli-clap-missing-required-argument = 缺少以下必需的参数：
cli-clap-missing-subcommand = “{ $name }”需要一个子命令，但没有给出
cli-clap-subcommands = （子命令：{ $values }）
cli-clap-invalid-value = “{ $arg }”的值“{ $value }”无效
cli-clap-value-required = “{ $arg }”需要一个值，但没有给出
cli-clap-value-validation = “{ $arg }”的值“{ $value }”无效：{ $reason }
cli-clap-argument-used-twice = 参数“{ $arg }”只能使用一次
cli-clap-argument-conflict = 参数“{ $arg }”不能与{ $others }同时使用
cli-clap-subcommand-conflict = 子命令“{ $name }”不能与{ $others }同时使用
cli-clap-no-equals = 给“{ $arg }”赋值时需要等号（=）
cli-clap-too-many-values = “{ $arg }”多出了值“{ $value }”，不需要更多的值
cli-clap-too-few-values = “{ $arg }”至少需要 { $min } 个值，只给出了 { $actual } 个
cli-clap-wrong-number-of-values = “{ $arg }”需要 { $expected } 个值，但给出了 { $actual } 个
cli-clap-invalid-utf8 = 参数中有无效的 UTF-8 文本
cli-clap-int-empty = 不能为空
cli-clap-int-invalid-digit = 不是整数（含有数字以外的字符）
cli-clap-int-too-large = 数值太大
cli-clap-int-too-small = 数值太小
cli-clap-int-out-of-range = { $value } 不在 { $range } 的范围内
cli-clap-tip = 提示：{ $tip }
cli-clap-tip-similar-subcommand = 有相近的子命令：{ $names }
cli-clap-tip-similar-argument = 有相近的参数：{ $names }
cli-clap-tip-similar-value = 有相近的值：{ $names }
cli-clap-tip-escape = 如要把“{ $value }”作为值传入，请写“{ $usage }”
cli-clap-tip-in-subcommand = 有“{ $value }”
cli-clap-tip-double-dash = 有子命令“{ $value }”；如要使用它，请去掉它前面的“--”
cli-clap-try-help = 更多信息请加 { $help } 查看帮助。

## 审核页面（govreport audit --html）及其 JSON

audit-json-written = JSON：{ $path }
audit-skipped = 已跳过 { $count } 个不是网页、Word 文档或 PDF 的文件：{ $files }
audit-html-written = 页面：{ $path }
audit-col-agency-name = 机关
audit-fig-received = 本年新收
audit-fig-closed = 办结
audit-fig-disclosed = 予以公开
audit-fig-partially-disclosed = 部分公开
audit-fig-carried-forward = 结转下年度
audit-fig-reviews = 行政复议
audit-fig-reviews-corrected = 复议纠正
audit-fig-lawsuits = 行政诉讼
audit-fig-lawsuits-corrected = 诉讼纠正
audit-page-title = 政府信息公开工作年度报告审核
audit-page-glance = 概览
audit-page-read = 已读取报告
audit-page-unreadable = 无法读取
audit-page-clean = 无问题
audit-page-with-errors = 有错误
audit-page-with-warnings = 有警告
audit-page-unreadable-list = 无法读取的页面
audit-page-rules = 按规则统计的问题
audit-page-rule = 规则
audit-page-severity = 级别
audit-page-problems = 问题数
audit-page-reports-with = 涉及报告数
audit-page-no-problems = 未发现问题。
audit-page-claims = 正文中的数字与统计表核对
audit-page-no-claims = 正文未提及统计表中的数字。
audit-page-claim-words = 正文原话
audit-page-claim-fact = 对应数字
audit-page-claim-stated = 正文所述
audit-page-claim-table = 统计表
audit-page-claim-result = 核对结果
audit-page-claim-agrees = 一致
audit-page-claim-contradicts = 不一致
audit-page-claim-unchecked = 未核对（表中数字不明）
audit-page-reports = 各报告（错误多者在前）
audit-page-format = 来源格式
audit-page-years = 跨年度比较
audit-page-years-chart = { $agency }：各年度主要数字
audit-page-pair = { $last } → { $this }：跨年度检查
audit-page-check-passed = 通过
audit-page-check-failed = { $n } 个问题
audit-page-changes = 变化最大的数字
audit-page-change-name = 数字
audit-page-change-delta = 变化
audit-page-change-percent = 变化率
audit-page-compare = 同一年度各机关比较
audit-page-compare-year = { $year } 年度
audit-page-rank = 排名
audit-page-rank-received = 本年新收申请
audit-page-rank-disclosed = 予以公开和部分公开所占比例
audit-page-rank-corrected = 复议和诉讼被纠正数
audit-page-sections = 各报告详情
audit-page-previous = 上年报告
audit-page-figure = 主要数字
audit-page-value = 数值
audit-page-labels = 单元格
audit-page-message = 问题
audit-page-place = 在页面中的位置
cli-arg-audit-html = 将审核结果写为一个独立网页（不含脚本；图表和表格）：概览、按规则统计的问题、每份报告一行、各机关的各年度、各年度的各机关
cli-arg-audit-json = 将审核结果写为 JSON（与页面和 CSV 同一模型；格式见 docs/cli.md）
audit-page-top = （前 { $n } 名，共 { $of } 个）

## govreport edit：命令行、网页表单及其服务器的文字。

cli-help-edit = 在浏览器中填写报告：启动仅本机可访问的网页表单，每次修改立即保存到数据文件并按 check 的规则核对，问题显示在相关格子和段落旁；文件不存在时按 init 的方式创建
cli-arg-edit-file = 要填写的数据文件（TOML）；不存在时创建（需 --agency 和 --year）
cli-arg-edit-agency = 创建文件时：机关的规范全称
cli-arg-edit-year = 创建文件时：统计年度
cli-arg-edit-kind = 创建文件时：机关的类型
cli-value-edit-kind-department = 政府部门（部门）
cli-value-edit-kind-peoples-government = 报告本级工作的人民政府（本级人民政府）
cli-arg-edit-level = 创建文件时：行政层级
cli-value-edit-level-national = 国务院及其部门
cli-value-edit-level-provincial = 省级
cli-value-edit-level-prefecture = 设区的市
cli-value-edit-level-county = 县、县级市、市辖区
cli-value-edit-level-township = 乡镇、街道
cli-arg-edit-previous = 上年数据文件，用于跨年度衔接核对和“.较上年”“.上年”占位符
cli-arg-edit-port = 监听的端口（默认：任一空闲端口）；只监听 127.0.0.1
cli-arg-edit-no-open = 不打开浏览器，只打印地址
edit-serving = 正在编辑 { $path }。请在浏览器中打开下面的地址（含访问令牌，请勿分享）：
edit-stop = 按 Ctrl-C 停止；每次修改都已保存。
edit-no-browser = 无法自动打开浏览器，请复制上面的地址到浏览器中打开。
edit-stopped = 已停止；{ $path } 已保存全部修改。
edit-needs-agency = { $path } 不存在；如需创建，请同时给出 --agency 和 --year
edit-toml-only = { $path }：网页表单只编辑 TOML 数据文件（保留注释和顺序）；JSON 文件请用文本编辑器修改，或用 import 转为 TOML
edit-cannot-listen = 无法在 127.0.0.1 的端口 { $port } 上监听：{ $reason }
edit-file-broken = 数据文件不是有效的 TOML，无法在表单中显示：{ $reason }。请在文本编辑器中改正后重新载入
edit-title = 政府信息公开工作年度报告 填写
edit-page-title = { $agency } { $year }年政府信息公开工作年度报告
edit-downloads = 下载
edit-download-pdf = 下载 PDF
edit-download-docx = 下载 Word 文档
edit-download-html = 下载网页
edit-conflict = 数据文件已在别处被修改（例如在文本编辑器中）。表单没有覆盖它：请重新载入，在最新的文件上继续填写。
edit-reload = 重新载入
edit-saving = 正在保存…
edit-basics = 基本信息
edit-preamble = 导语
edit-field-name = 机关名称
edit-field-address = 联系地址
edit-field-telephone = 联系电话
edit-field-website = 网站
edit-field-kind = 机关类型
edit-field-level = 行政层级
edit-field-year = 统计年度
edit-field-date = 成文日期
edit-item-title = 标题
edit-paragraph = 段落
edit-up = 上移
edit-down = 下移
edit-add-paragraph = 添加段落
edit-remove-paragraph = 删除段落
edit-add-item = 添加事项
edit-remove-item = 删除事项
edit-problems = 问题
edit-no-problems = 没有错误或警告
edit-preview = 预览
edit-no-preview = 数据文件的结构有误，暂时无法预览；请先改正“问题”中列出的错误
edit-placeholders = 占位符
edit-placeholders-hint = 点击插入到光标所在的段落；预览和段落下方显示填入后的文字。
edit-unknown-field = 表单中没有这一项，未保存
edit-no-such-item = 没有这一事项（文件可能已被修改），未保存；请重新载入
edit-not-text = 此项应为文字，未保存
edit-too-long = 文字超过 { $max } 个字符，未保存
edit-too-many = 超过 { $max } 项，未保存
edit-too-large = 保存后数据文件将超过大小上限，未保存
edit-not-a-choice = 应为以下之一：{ $choices }，未保存
edit-not-a-year = “{ $found }”不是年份（应为四位数字，如 2025），未保存
edit-not-a-date = “{ $found }”不是日期（应为 年-月-日，如 2026-01-20），未保存
edit-not-a-count = “{ $found }”不是件数：请填写 0 或正整数（没有填 0），未保存
edit-not-a-decimal = “{ $found }”不是金额：请填写数字，如 0 或 1.25（单位：万元），未保存
edit-bad-request = 请求无法读取：{ $reason }
edit-refused-host = 已拒绝：请求的主机“{ $host }”不是本服务器（表单只在 127.0.0.1 上提供）
edit-refused-origin = 已拒绝：请求来自其他网站（{ $origin }）
edit-not-found = 未找到：地址不对或缺少访问令牌；请使用 govreport edit 打印的完整地址
edit-body-too-large = 已拒绝：请求超过 { $max } KB 的上限
edit-panic = 程序内部出错，未保存任何内容；请重试，如仍出错请报告此问题
